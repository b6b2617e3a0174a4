package io.gridcast.server.cache;

import io.gridcast.queue.jdbc.Dialect;
import io.gridcast.queue.jdbc.JdbcDatabase;
import io.gridcast.server.db.DatabaseException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;

/**
 * SQL of the database tier's entries: table {@code result_cache}, one row per computation, its
 * {@code tags} column holding each tag wrapped in newlines (migration V4), so that a tag is found
 * by an exact substring match (the {@link Dialect}'s) and added by a concatenation. Invalidation by
 * tag is {@link InvalidationLog}'s. Stateless over a pool, thread-safe; every method is one short
 * transaction.
 */
final class DiskTier {
  /** A row read back: the value, its tags and when it expires. */
  record Row(String value, Set<String> tags, long expiresAtMs) {}

  /** Count and total bytes of the table. */
  record Figures(long entries, long bytes) {}

  private static final int BATCH = 500;

  private final JdbcDatabase db;
  private final DataSource ds;
  private final Dialect dialect;

  DiskTier(JdbcDatabase db) {
    this.db = db;
    this.ds = db.dataSource();
    this.dialect = db.dialect();
  }

  /**
   * The unexpired row of {@code key} (its recency is written later, in batches: {@link #touch}).
   */
  Optional<Row> get(String key, long nowMs) {
    try (Connection c = ds.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT value, expires_at_ms, tags FROM result_cache WHERE cache_key = ?")) {
      ps.setString(1, key);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next() || rs.getLong(2) <= nowMs) {
          return Optional.empty();
        }
        return Optional.of(new Row(rs.getString(1), tags(rs.getString(3)), rs.getLong(2)));
      }
    } catch (SQLException e) {
      throw new DatabaseException("reading cache entry " + key + " failed", e);
    }
  }

  /** Inserts or replaces an entry and adds its tags (kept from a replaced row). */
  void put(
      String key,
      String engine,
      String value,
      long bytes,
      Set<String> tags,
      long nowMs,
      long expiresAtMs) {
    try (Connection c = ds.getConnection()) {
      List<String> list = List.copyOf(tags);
      try (PreparedStatement ps =
          c.prepareStatement(
              "INSERT INTO result_cache (cache_key, engine, value, bytes, created_at_ms,"
                  + " last_used_at_ms, expires_at_ms, tags) VALUES (?,?,?,?,?,?,?,?)"
                  + " ON CONFLICT (cache_key) DO UPDATE SET engine = excluded.engine,"
                  + " value = excluded.value, bytes = excluded.bytes,"
                  + " created_at_ms = excluded.created_at_ms,"
                  + " last_used_at_ms = excluded.last_used_at_ms,"
                  + " expires_at_ms = excluded.expires_at_ms, tags = "
                  + merged("result_cache.tags", list.size()))) {
        ps.setString(1, key);
        ps.setString(2, engine);
        ps.setString(3, value);
        ps.setLong(4, bytes);
        ps.setLong(5, nowMs);
        ps.setLong(6, nowMs);
        ps.setLong(7, expiresAtMs);
        ps.setString(8, column(list));
        bindMerged(ps, 9, list);
        ps.executeUpdate();
      }
    } catch (SQLException e) {
      throw new DatabaseException("storing cache entry " + key + " failed", e);
    }
  }

  /** Adds tags to an existing entry (nothing when the entry is gone). */
  void addTags(String key, Set<String> tags) {
    if (tags.isEmpty()) {
      return;
    }
    try (Connection c = ds.getConnection()) {
      List<String> list = List.copyOf(tags);
      try (PreparedStatement ps =
          c.prepareStatement(
              "UPDATE result_cache SET tags = "
                  + merged("tags", list.size())
                  + " WHERE cache_key = ?")) {
        int next = bindMerged(ps, 1, list);
        ps.setString(next, key);
        ps.executeUpdate();
      }
    } catch (SQLException e) {
      throw new DatabaseException("tagging cache entry " + key + " failed", e);
    }
  }

  /** A tag as stored: wrapped in newlines, so a substring match is an exact match. */
  static String wrap(String tag) {
    return "\n" + tag + "\n";
  }

  private static String column(List<String> tags) {
    StringBuilder sb = new StringBuilder();
    for (String t : tags) {
      sb.append(wrap(t));
    }
    return sb.toString();
  }

  private static Set<String> tags(String column) {
    Set<String> out = new LinkedHashSet<>();
    for (String t : column.split("\n")) {
      if (!t.isEmpty()) {
        out.add(t);
      }
    }
    return out;
  }

  /**
   * SQL for {@code current} with each of {@code n} tags appended unless already there, in one
   * statement (so concurrent writers of one key lose no tag); bound by {@link #bindMerged}.
   */
  private String merged(String current, int n) {
    StringBuilder sb = new StringBuilder(current);
    for (int i = 0; i < n; i++) {
      sb.append(" || CASE WHEN ")
          .append(dialect.containsParam(current))
          .append(" THEN '' ELSE ? END");
    }
    return sb.toString();
  }

  private static int bindMerged(PreparedStatement ps, int from, List<String> tags)
      throws SQLException {
    int i = from;
    for (String t : tags) {
      ps.setString(i++, wrap(t));
      ps.setString(i++, wrap(t));
    }
    return i;
  }

  /** Deletes the rows of {@code keys}, in batches, on the caller's connection. */
  static void delete(Connection c, List<String> keys) throws SQLException {
    for (int from = 0; from < keys.size(); from += BATCH) {
      List<String> part = keys.subList(from, Math.min(keys.size(), from + BATCH));
      String in = "?,".repeat(part.size() - 1) + "?";
      try (PreparedStatement ps =
          c.prepareStatement("DELETE FROM result_cache WHERE cache_key IN (" + in + ")")) {
        for (int i = 0; i < part.size(); i++) {
          ps.setString(i + 1, part.get(i));
        }
        ps.executeUpdate();
      }
    }
  }

  /** Marks keys used at {@code nowMs} (LRU). */
  void touch(Collection<String> keys, long nowMs) {
    try (Connection c = ds.getConnection()) {
      touch(c, List.copyOf(keys), nowMs);
    } catch (SQLException e) {
      throw new DatabaseException("marking cache entries used failed", e);
    }
  }

  private static void touch(Connection c, List<String> keys, long nowMs) throws SQLException {
    for (int from = 0; from < keys.size(); from += BATCH) {
      List<String> part = keys.subList(from, Math.min(keys.size(), from + BATCH));
      String in = "?,".repeat(part.size() - 1) + "?";
      try (PreparedStatement ps =
          c.prepareStatement(
              "UPDATE result_cache SET last_used_at_ms = ? WHERE cache_key IN (" + in + ")")) {
        ps.setLong(1, nowMs);
        for (int i = 0; i < part.size(); i++) {
          ps.setString(i + 2, part.get(i));
        }
        ps.executeUpdate();
      }
    }
  }

  /** Deletes expired rows; returns how many. */
  long deleteExpired(long nowMs) {
    try {
      List<String> keys =
          db.read(c -> {
            List<String> found = new ArrayList<>();
            try (PreparedStatement ps =
                c.prepareStatement("SELECT cache_key FROM result_cache WHERE expires_at_ms <= ?")) {
              ps.setLong(1, nowMs);
              try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                  found.add(rs.getString(1));
                }
              }
            }
            return found;
          });
      db.inTx(c -> {
        delete(c, keys);
        return null;
      });
      return keys.size();
    } catch (SQLException e) {
      throw new DatabaseException("expiring cache entries failed", e);
    }
  }

  /**
   * Deletes least recently used rows until the table holds at most {@code maxBytes}; returns the
   * rows deleted.
   */
  long evictToFit(long maxBytes) {
    long evicted = 0;
    try {
      long total = figures().bytes();
      while (total > maxBytes) {
        long over = total;
        List<String> victims = new ArrayList<>();
        long freed =
            db.read(c -> {
              long left = over;
              try (PreparedStatement ps =
                      c.prepareStatement(
                          "SELECT cache_key, bytes FROM result_cache"
                              + " ORDER BY last_used_at_ms, cache_key LIMIT "
                              + BATCH);
                  ResultSet rs = ps.executeQuery()) {
                while (left > maxBytes && rs.next()) {
                  victims.add(rs.getString(1));
                  left -= rs.getLong(2);
                }
              }
              return over - left;
            });
        if (victims.isEmpty()) {
          break;
        }
        db.inTx(c -> {
          delete(c, victims);
          return null;
        });
        total -= freed;
        evicted += victims.size();
      }
      return evicted;
    } catch (SQLException e) {
      throw new DatabaseException("evicting cache entries failed", e);
    }
  }

  Figures figures() {
    try (Connection c = ds.getConnection()) {
      return figures(c);
    } catch (SQLException e) {
      throw new DatabaseException("counting cache entries failed", e);
    }
  }

  private static Figures figures(Connection c) throws SQLException {
    try (Statement st = c.createStatement();
        ResultSet rs =
            st.executeQuery("SELECT COUNT(*), COALESCE(SUM(bytes), 0) FROM result_cache")) {
      rs.next();
      return new Figures(rs.getLong(1), rs.getLong(2));
    }
  }
}
