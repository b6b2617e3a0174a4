package io.gridcast.server.schedule;

import io.gridcast.server.db.DatabaseException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * SQL for schedules and their fire rows (the same statements on SQLite and PostgreSQL). Reads take
 * an owner scope (null: every owner). Thread-safe (stateless over a pool).
 */
public final class ScheduleStore {
  private final DataSource ds;

  public ScheduleStore(DataSource ds) {
    this.ds = ds;
  }

  /** Stores a new schedule; false when the owner already has one of that name. */
  public boolean insert(Schedule s) {
    String sql =
        "INSERT INTO schedule (id, owner_id, name, cron, time_zone, dataset_name, job_type,"
            + " options, next_fire_at_ms, paused_at_ms, last_fire_at_ms, last_batch_id,"
            + " last_error, created_at_ms, updated_at_ms)"
            + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT DO NOTHING";
    try (Connection c = ds.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, s.id());
      ps.setString(2, s.ownerId());
      ps.setString(3, s.name());
      ps.setString(4, s.cron());
      ps.setString(5, s.timeZone());
      ps.setString(6, s.datasetName());
      ps.setString(7, s.type());
      ps.setString(8, s.options());
      ps.setLong(9, s.nextFireAt().toEpochMilli());
      setMillis(ps, 10, s.pausedAt());
      setMillis(ps, 11, s.lastFireAt());
      ps.setString(12, s.lastBatchId());
      ps.setString(13, s.lastError());
      ps.setLong(14, s.createdAt().toEpochMilli());
      ps.setLong(15, s.updatedAt().toEpochMilli());
      return ps.executeUpdate() == 1;
    } catch (SQLException e) {
      throw new DatabaseException("storing schedule " + s.name() + " failed", e);
    }
  }

  /** Writes what a change may touch: cron, zone, options, next fire time, pause. */
  public void update(Schedule s) {
    String sql =
        "UPDATE schedule SET cron = ?, time_zone = ?, options = ?, next_fire_at_ms = ?,"
            + " paused_at_ms = ?, updated_at_ms = ? WHERE id = ?";
    try (Connection c = ds.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, s.cron());
      ps.setString(2, s.timeZone());
      ps.setString(3, s.options());
      ps.setLong(4, s.nextFireAt().toEpochMilli());
      setMillis(ps, 5, s.pausedAt());
      ps.setLong(6, s.updatedAt().toEpochMilli());
      ps.setString(7, s.id());
      ps.executeUpdate();
    } catch (SQLException e) {
      throw new DatabaseException("updating schedule " + s.id() + " failed", e);
    }
  }

  public Optional<Schedule> get(String ownerScope, String id) {
    return query(
            "SELECT * FROM schedule WHERE owner_id = COALESCE(?, owner_id) AND id = ?",
            ps -> {
              ps.setString(1, ownerScope);
              ps.setString(2, id);
            })
        .stream()
        .findFirst();
  }

  /** The caller's schedules, oldest first. */
  public List<Schedule> list(String ownerScope) {
    return query(
        "SELECT * FROM schedule WHERE owner_id = COALESCE(?, owner_id) ORDER BY id",
        ps -> ps.setString(1, ownerScope));
  }

  /** A revoked user's schedules stay stored (and listed to admins) but never fire. */
  private static final String OWNER_NOT_REVOKED =
      " AND owner_id NOT IN (SELECT id FROM app_user WHERE revoked_at_ms IS NOT NULL)";

  /** Running schedules due at {@code now}, earliest first, at most {@code limit}. */
  public List<Schedule> due(Instant now, int limit) {
    return query(
        "SELECT * FROM schedule WHERE next_fire_at_ms <= ? AND paused_at_ms IS NULL"
            + OWNER_NOT_REVOKED
            + " ORDER BY next_fire_at_ms LIMIT ?",
        ps -> {
          ps.setLong(1, now.toEpochMilli());
          ps.setInt(2, limit);
        });
  }

  /** The earliest next fire time of the running schedules; empty when none runs. */
  public Optional<Instant> nextDue() {
    try (Connection c = ds.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT MIN(next_fire_at_ms) FROM schedule WHERE paused_at_ms IS NULL"
                    + OWNER_NOT_REVOKED);
        ResultSet rs = ps.executeQuery()) {
      if (rs.next()) {
        long v = rs.getLong(1);
        if (!rs.wasNull()) {
          return Optional.of(Instant.ofEpochMilli(v));
        }
      }
      return Optional.empty();
    } catch (SQLException e) {
      throw new DatabaseException("reading the next fire time failed", e);
    }
  }

  /** Deletes a schedule and its fire rows; false when the caller has none with this id. */
  public boolean delete(String ownerScope, String id) {
    try (Connection c = ds.getConnection()) {
      c.setAutoCommit(false);
      try (PreparedStatement del =
              c.prepareStatement(
                  "DELETE FROM schedule WHERE owner_id = COALESCE(?, owner_id) AND id = ?");
          PreparedStatement fires =
              c.prepareStatement("DELETE FROM schedule_fire WHERE schedule_id = ?")) {
        del.setString(1, ownerScope);
        del.setString(2, id);
        boolean found = del.executeUpdate() == 1;
        if (found) {
          fires.setString(1, id);
          fires.executeUpdate();
        }
        c.commit();
        return found;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw new DatabaseException("deleting schedule " + id + " failed", e);
    }
  }

  /**
   * Claims a fire time on the caller's connection, inside the transaction that creates the fire's
   * jobs, and moves the schedule to its next fire time.
   *
   * @throws AlreadyFiredException when another process claimed this fire time first (the caller's
   *     transaction must roll back)
   */
  public void claimFireIn(Connection c, Fire f) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO schedule_fire (schedule_id, fire_at_ms, fired_at_ms, batch_id, dataset_id,"
                + " error) VALUES (?,?,?,?,?,?) ON CONFLICT DO NOTHING")) {
      ps.setString(1, f.scheduleId());
      ps.setLong(2, f.fireAt().toEpochMilli());
      ps.setLong(3, f.firedAt().toEpochMilli());
      ps.setString(4, null);
      ps.setString(5, f.datasetId());
      ps.setString(6, f.error());
      if (ps.executeUpdate() == 0) {
        throw new AlreadyFiredException(f.scheduleId(), f.fireAt());
      }
    }
    // Only if nobody edited the schedule's times meanwhile: an edit's next fire time stands.
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE schedule SET next_fire_at_ms = ?, last_fire_at_ms = ?, last_batch_id = NULL,"
                + " last_error = ? WHERE id = ? AND next_fire_at_ms = ?")) {
      ps.setLong(1, f.nextFireAt().toEpochMilli());
      ps.setLong(2, f.fireAt().toEpochMilli());
      ps.setString(3, f.error());
      ps.setString(4, f.scheduleId());
      ps.setLong(5, f.fireAt().toEpochMilli());
      ps.executeUpdate();
    }
  }

  /** Records a fire that created no jobs (its own transaction). */
  public void claimFailedFire(Fire f) {
    try (Connection c = ds.getConnection()) {
      c.setAutoCommit(false);
      try {
        claimFireIn(c, f);
        c.commit();
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw new DatabaseException("recording a fire of schedule " + f.scheduleId() + " failed", e);
    }
  }

  /** Names the batch a committed fire created, on its fire row and as the schedule's last. */
  public void setBatch(String scheduleId, Instant fireAt, String batchId) {
    try (Connection c = ds.getConnection();
        PreparedStatement fire =
            c.prepareStatement(
                "UPDATE schedule_fire SET batch_id = ? WHERE schedule_id = ? AND fire_at_ms = ?");
        PreparedStatement last =
            c.prepareStatement(
                "UPDATE schedule SET last_batch_id = ? WHERE id = ? AND last_fire_at_ms = ?")) {
      for (PreparedStatement ps : List.of(fire, last)) {
        ps.setString(1, batchId);
        ps.setString(2, scheduleId);
        ps.setLong(3, fireAt.toEpochMilli());
        ps.executeUpdate();
      }
    } catch (SQLException e) {
      throw new DatabaseException("naming the batch of schedule " + scheduleId + " failed", e);
    }
  }

  /** The newest fires of a schedule first, at most {@code limit}. */
  public List<ScheduleFire> fires(String scheduleId, int limit) {
    try (Connection c = ds.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT * FROM schedule_fire WHERE schedule_id = ?"
                    + " ORDER BY fire_at_ms DESC LIMIT ?")) {
      ps.setString(1, scheduleId);
      ps.setInt(2, limit);
      List<ScheduleFire> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(
              new ScheduleFire(
                  Instant.ofEpochMilli(rs.getLong("fire_at_ms")),
                  Instant.ofEpochMilli(rs.getLong("fired_at_ms")),
                  rs.getString("batch_id"),
                  rs.getString("dataset_id"),
                  rs.getString("error")));
        }
      }
      return out;
    } catch (SQLException e) {
      throw new DatabaseException("reading fires of schedule " + scheduleId + " failed", e);
    }
  }

  /**
   * A fire to claim.
   *
   * @param nextFireAt the schedule's next fire time after this one
   * @param error why it creates no jobs; null when it does
   */
  public record Fire(
      String scheduleId,
      Instant fireAt,
      Instant firedAt,
      String datasetId,
      String error,
      Instant nextFireAt) {}

  @FunctionalInterface
  private interface Binder {
    void bind(PreparedStatement ps) throws SQLException;
  }

  private List<Schedule> query(String sql, Binder binder) {
    try (Connection c = ds.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      binder.bind(ps);
      List<Schedule> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(
              new Schedule(
                  rs.getString("id"),
                  rs.getString("owner_id"),
                  rs.getString("name"),
                  rs.getString("cron"),
                  rs.getString("time_zone"),
                  rs.getString("dataset_name"),
                  rs.getString("job_type"),
                  rs.getString("options"),
                  Instant.ofEpochMilli(rs.getLong("next_fire_at_ms")),
                  millis(rs, "paused_at_ms"),
                  millis(rs, "last_fire_at_ms"),
                  rs.getString("last_batch_id"),
                  rs.getString("last_error"),
                  Instant.ofEpochMilli(rs.getLong("created_at_ms")),
                  Instant.ofEpochMilli(rs.getLong("updated_at_ms"))));
        }
      }
      return out;
    } catch (SQLException e) {
      throw new DatabaseException("reading schedules failed", e);
    }
  }

  private static Instant millis(ResultSet rs, String column) throws SQLException {
    long v = rs.getLong(column);
    return rs.wasNull() ? null : Instant.ofEpochMilli(v);
  }

  private static void setMillis(PreparedStatement ps, int i, Instant t) throws SQLException {
    if (t == null) {
      ps.setNull(i, Types.BIGINT);
    } else {
      ps.setLong(i, t.toEpochMilli());
    }
  }
}
