package io.gridcast.server.cache;

import io.gridcast.queue.jdbc.Dialect;
import io.gridcast.queue.jdbc.JdbcDatabase;
import io.gridcast.server.db.DatabaseException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Invalidation by tag, and the log that carries it to every process (table {@code
 * result_cache_invalidation}, migration V3): {@link #invalidate} deletes the tagged rows and
 * appends their keys in one transaction; every process follows the log by id ({@link #after}) and
 * drops those keys from its memory tier. Appends become visible in id order (the {@link Dialect}'s
 * ordered append), so a follower's cursor never passes an id still uncommitted. Stateless over a
 * pool, thread-safe.
 */
final class InvalidationLog {
  /** Invalidated keys after a cursor, and the new cursor. */
  record Invalidations(long lastId, List<String> keys) {}

  private final JdbcDatabase db;
  private final Dialect dialect;

  InvalidationLog(JdbcDatabase db) {
    this.db = db;
    this.dialect = db.dialect();
  }

  /** Deletes every entry tagged {@code tag} and logs its key; returns the keys deleted. */
  List<String> invalidate(String tag, long nowMs) {
    try {
      return db.inTx(c -> {
        dialect.lockForOrderedAppend(c, "result_cache_invalidation");
        List<String> keys = new ArrayList<>();
        try (PreparedStatement ps =
            c.prepareStatement(
                "SELECT cache_key FROM result_cache WHERE " + dialect.containsParam("tags"))) {
          ps.setString(1, DiskTier.wrap(tag));
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              keys.add(rs.getString(1));
            }
          }
        }
        try (PreparedStatement log =
            c.prepareStatement(
                "INSERT INTO result_cache_invalidation (cache_key, at_ms) VALUES (?,?)")) {
          for (String k : keys) {
            log.setString(1, k);
            log.setLong(2, nowMs);
            log.addBatch();
          }
          log.executeBatch();
        }
        DiskTier.delete(c, keys);
        return keys;
      });
    } catch (SQLException e) {
      throw new DatabaseException("invalidating cache tag " + tag + " failed", e);
    }
  }

  /** The highest id so far (0 when none): where a new follower starts. */
  long lastId() {
    try {
      return db.read(c -> {
        try (PreparedStatement ps =
                c.prepareStatement("SELECT MAX(id) FROM result_cache_invalidation");
            ResultSet rs = ps.executeQuery()) {
          rs.next();
          return rs.getLong(1);
        }
      });
    } catch (SQLException e) {
      throw new DatabaseException("reading the cache invalidation log failed", e);
    }
  }

  /** Keys invalidated after {@code afterId}, at most {@code limit}. */
  Invalidations after(long afterId, int limit) {
    try {
      return db.read(c -> {
        try (PreparedStatement ps =
            c.prepareStatement(
                "SELECT id, cache_key FROM result_cache_invalidation WHERE id > ? ORDER BY id"
                    + " LIMIT ?")) {
          ps.setLong(1, afterId);
          ps.setInt(2, limit);
          long last = afterId;
          List<String> keys = new ArrayList<>();
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              last = rs.getLong(1);
              keys.add(rs.getString(2));
            }
          }
          return new Invalidations(last, keys);
        }
      });
    } catch (SQLException e) {
      throw new DatabaseException("reading the cache invalidation log failed", e);
    }
  }

  /** Deletes log rows older than {@code beforeMs} (every follower has long read them). */
  void prune(long beforeMs) {
    try {
      db.inTx(c -> {
        try (PreparedStatement ps =
            c.prepareStatement("DELETE FROM result_cache_invalidation WHERE at_ms < ?")) {
          ps.setLong(1, beforeMs);
          return ps.executeUpdate();
        }
      });
    } catch (SQLException e) {
      throw new DatabaseException("pruning the cache invalidation log failed", e);
    }
  }
}
