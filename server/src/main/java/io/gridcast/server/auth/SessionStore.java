package io.gridcast.server.auth;

import io.gridcast.queue.jdbc.JdbcDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Optional;

/**
 * Web-page sessions in the {@code app_session} table, so any API process honours them: a session id
 * (256 random bits, carried by an HttpOnly SameSite=Strict cookie) and a CSRF token (256 bits, sent
 * by the page in a header on state-changing calls), both stored only as SHA-256. A session ends at
 * its expiry, at sign-out, or when its user is revoked. Thread-safe.
 */
public final class SessionStore {
  /** How long a session lasts after sign-in. */
  public static final Duration DEFAULT_TTL = Duration.ofHours(12);

  private final JdbcDatabase db;
  private final InstantSource clock;
  private final Duration ttl;

  public SessionStore(JdbcDatabase db, InstantSource clock, Duration ttl) {
    this.db = db;
    this.clock = clock;
    this.ttl = ttl;
  }

  /** A new session: the cookie value and the CSRF token, shown to the client once. */
  public record NewSession(String id, String csrf, Instant expiresAt) {}

  /** A live session's user and the stored hash of its CSRF token. */
  public record Session(User user, String csrfHash) {
    /** Constant-time check of a presented CSRF token. */
    public boolean csrfMatches(String presented) {
      return presented != null && Tokens.matches(presented, csrfHash);
    }
  }

  public NewSession create(User user) {
    String id = Tokens.generate();
    String csrf = Tokens.generate();
    Instant now = clock.instant();
    Instant expires = now.plus(ttl);
    try (Connection c = db.dataSource().getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "INSERT INTO app_session (id_hash, user_id, csrf_hash, created_at_ms,"
                    + " expires_at_ms) VALUES (?, ?, ?, ?, ?)")) {
      ps.setString(1, Tokens.hash(id));
      ps.setString(2, user.id());
      ps.setString(3, Tokens.hash(csrf));
      ps.setLong(4, now.toEpochMilli());
      ps.setLong(5, expires.toEpochMilli());
      ps.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create a session: " + e.getMessage(), e);
    }
    return new NewSession(id, csrf, expires);
  }

  /** The live session with this id whose user is not revoked, if any. */
  public Optional<Session> find(String id) {
    if (id == null || id.isEmpty() || id.length() > 256) {
      return Optional.empty();
    }
    try (Connection c = db.dataSource().getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT s.id_hash, s.csrf_hash, u.* FROM app_session s"
                    + " JOIN app_user u ON u.id = s.user_id"
                    + " WHERE s.id_hash = ? AND s.expires_at_ms > ? AND u.revoked_at_ms IS NULL")) {
      ps.setString(1, Tokens.hash(id));
      ps.setLong(2, clock.instant().toEpochMilli());
      try (ResultSet rs = ps.executeQuery()) {
        if (rs.next() && Tokens.matches(id, rs.getString("id_hash"))) {
          return Optional.of(new Session(UserStore.user(rs), rs.getString("csrf_hash")));
        }
        return Optional.empty();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read sessions: " + e.getMessage(), e);
    }
  }

  /**
   * Deletes the sessions that can no longer be used: expired ones and those of revoked users.
   *
   * @return how many were deleted
   */
  public int purge() {
    try (Connection c = db.dataSource().getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "DELETE FROM app_session WHERE expires_at_ms <= ? OR user_id IN"
                    + " (SELECT id FROM app_user WHERE revoked_at_ms IS NOT NULL)")) {
      ps.setLong(1, clock.instant().toEpochMilli());
      return ps.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("cannot purge sessions: " + e.getMessage(), e);
    }
  }

  /** Ends a session (sign-out); unknown ids are ignored. */
  public void delete(String id) {
    try (Connection c = db.dataSource().getConnection();
        PreparedStatement ps = c.prepareStatement("DELETE FROM app_session WHERE id_hash = ?")) {
      ps.setString(1, Tokens.hash(id));
      ps.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("cannot delete a session: " + e.getMessage(), e);
    }
  }
}
