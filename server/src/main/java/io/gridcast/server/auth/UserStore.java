package io.gridcast.server.auth;

import io.gridcast.queue.jdbc.JdbcDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The {@code app_user} table: add, list, revoke, and resolve a presented token to its user. The
 * token itself is never stored; {@link #authenticate} hashes it, finds the row by hash and compares
 * the hashes in constant time. Stateless apart from the data source; thread-safe.
 */
public final class UserStore {
  /** Allowed user names: letters, digits, dot, dash, underscore; 1 to 64 characters. */
  public static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");

  /** The name of the admin created on the first run of {@code serve}. */
  public static final String FIRST_ADMIN = "admin";

  private final JdbcDatabase db;
  private final InstantSource clock;

  public UserStore(JdbcDatabase db, InstantSource clock) {
    this.db = db;
    this.clock = clock;
  }

  /** A user just added and its token, which is shown this once and never again. */
  public record NewUser(User user, String token) {}

  /** Adds a user with a fresh token; the name must be new (revoked names stay taken). */
  public NewUser add(String name, UserRole role) {
    if (role == UserRole.VIEWER) {
      throw new AuthException("a viewer is added with addViewer, naming whose data it reads");
    }
    return insert(name, role, null);
  }

  /**
   * Adds a viewer: it reads the data of the user named {@code ofName} (null: every user's) and
   * changes nothing. That user must exist and not be a viewer itself (a viewer owns no data).
   */
  public NewUser addViewer(String name, String ofName) {
    String of = null;
    if (ofName != null) {
      User owner;
      try (Connection c = db.dataSource().getConnection()) {
        owner = find(c, ofName).orElseThrow(() -> new AuthException("no such user: " + ofName));
      } catch (SQLException e) {
        throw new IllegalStateException("cannot read users: " + e.getMessage(), e);
      }
      if (owner.role() == UserRole.VIEWER) {
        throw new AuthException(
            "user " + ofName + " is a viewer and owns no data; name the user whose data to read");
      }
      of = owner.id();
    }
    return insert(name, UserRole.VIEWER, of);
  }

  private NewUser insert(String name, UserRole role, String viewerOf) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new AuthException(
          "user name must match " + NAME.pattern() + ", got '" + printable(name) + "'");
    }
    String token = Tokens.generate();
    User u = new User(UUID.randomUUID().toString(), name, role, now(), null, viewerOf);
    try {
      db.inTx(c -> {
        if (find(c, name).isPresent()) {
          throw new AuthException("user already exists: " + name);
        }
        try (PreparedStatement ps =
            c.prepareStatement(
                "INSERT INTO app_user (id, name, role, token_hash, created_at_ms, viewer_of)"
                    + " VALUES (?, ?, ?, ?, ?, ?)")) {
          ps.setString(1, u.id());
          ps.setString(2, name);
          ps.setString(3, role.dbValue());
          ps.setString(4, Tokens.hash(token));
          ps.setLong(5, u.createdAt().toEpochMilli());
          ps.setString(6, viewerOf);
          return ps.executeUpdate();
        }
      });
    } catch (SQLException e) {
      throw new IllegalStateException("cannot add user " + name + ": " + e.getMessage(), e);
    }
    return new NewUser(u, token);
  }

  /** Every user, revoked ones included, by name. */
  public List<User> list() {
    try (Connection c = db.dataSource().getConnection();
        PreparedStatement ps = c.prepareStatement("SELECT * FROM app_user ORDER BY name");
        ResultSet rs = ps.executeQuery()) {
      List<User> out = new ArrayList<>();
      while (rs.next()) {
        out.add(user(rs));
      }
      return out;
    } catch (SQLException e) {
      throw new IllegalStateException("cannot list users: " + e.getMessage(), e);
    }
  }

  /** Revokes the user's token at once; its data stays. Throws when the name is unknown. */
  public User revoke(String name) {
    try {
      return db.inTx(
              c -> {
                try (PreparedStatement ps =
                    c.prepareStatement(
                        "UPDATE app_user SET token_hash = NULL, revoked_at_ms = ?"
                            + " WHERE name = ? AND revoked_at_ms IS NULL")) {
                  ps.setLong(1, now().toEpochMilli());
                  ps.setString(2, name);
                  ps.executeUpdate();
                }
                return find(c, name);
              })
          .orElseThrow(() -> new AuthException("no such user: " + name));
    } catch (SQLException e) {
      throw new IllegalStateException("cannot revoke user " + name + ": " + e.getMessage(), e);
    }
  }

  /** True when at least one admin exists (revoked or not): the first-run admin is made once. */
  public boolean anyAdmin() {
    try (Connection c = db.dataSource().getConnection();
        PreparedStatement ps =
            c.prepareStatement("SELECT 1 FROM app_user WHERE role = 'admin' LIMIT 1");
        ResultSet rs = ps.executeQuery()) {
      return rs.next();
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read users: " + e.getMessage(), e);
    }
  }

  /** The valid (not revoked) user holding {@code token}, if any. */
  public Optional<User> authenticate(String token) {
    if (token == null || token.isEmpty() || token.length() > 256) {
      return Optional.empty();
    }
    String hash = Tokens.hash(token);
    try (Connection c = db.dataSource().getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT * FROM app_user WHERE token_hash = ? AND revoked_at_ms IS NULL")) {
      ps.setString(1, hash);
      try (ResultSet rs = ps.executeQuery()) {
        if (rs.next() && Tokens.matches(token, rs.getString("token_hash"))) {
          return Optional.of(user(rs));
        }
        return Optional.empty();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read users: " + e.getMessage(), e);
    }
  }

  private static Optional<User> find(Connection c, String name) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT * FROM app_user WHERE name = ?")) {
      ps.setString(1, name);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(user(rs)) : Optional.empty();
      }
    }
  }

  static User user(ResultSet rs) throws SQLException {
    long revoked = rs.getLong("revoked_at_ms");
    boolean wasRevoked = !rs.wasNull();
    return new User(
        rs.getString("id"),
        rs.getString("name"),
        UserRole.parse(rs.getString("role")),
        Instant.ofEpochMilli(rs.getLong("created_at_ms")),
        wasRevoked ? Instant.ofEpochMilli(revoked) : null,
        rs.getString("viewer_of"));
  }

  private Instant now() {
    return clock.instant();
  }

  private static String printable(String s) {
    if (s == null) {
      return "null";
    }
    String cut = s.length() > 80 ? s.substring(0, 80) + "..." : s;
    return cut.replaceAll("\\p{C}", "?");
  }
}
