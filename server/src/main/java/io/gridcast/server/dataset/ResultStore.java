package io.gridcast.server.dataset;

import io.gridcast.queue.JobStore.SameTransaction;
import io.gridcast.queue.jdbc.JdbcDatabase;
import io.gridcast.server.db.DatabaseException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;
import javax.sql.DataSource;

/** SQL for per-SKU forecast results. Thread-safe (stateless over a pool). */
public final class ResultStore {
  private static final int FETCH_SIZE = 500;

  private final JdbcDatabase db;
  private final DataSource ds;

  public ResultStore(JdbcDatabase db) {
    this.db = db;
    this.ds = db.dataSource();
  }

  private static final String PUT =
      "INSERT INTO forecast_result (dataset_id, sku, owner_id, job_id, job_type, model, metric,"
          + " score, flagged, body, updated_at_ms, levels) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)"
          + " ON CONFLICT (dataset_id, sku) DO UPDATE SET owner_id = excluded.owner_id,"
          + " job_id = excluded.job_id, job_type = excluded.job_type, model = excluded.model,"
          + " metric = excluded.metric, score = excluded.score, flagged = excluded.flagged,"
          + " body = excluded.body, updated_at_ms = excluded.updated_at_ms,"
          + " levels = excluded.levels";

  /** Inserts or replaces the result of one SKU (the latest job wins). */
  public void put(ForecastResult r) {
    try (Connection c = ds.getConnection();
        PreparedStatement ps = c.prepareStatement(PUT)) {
      bind(ps, r);
      ps.executeUpdate();
    } catch (SQLException e) {
      throw new DatabaseException("storing the result of " + r.sku() + " failed", e);
    }
  }

  /**
   * {@link #put} of many results on the caller's connection, in the caller's transaction (jobs
   * answered from the cache at submission: their result rows commit with the jobs), one batch.
   */
  public void putAllIn(Connection c, List<ForecastResult> rows) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(PUT)) {
      for (ForecastResult r : rows) {
        bind(ps, r);
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  /**
   * {@code first}, then the result rows {@code rowsFor} gives for the job ids, in one queue insert
   * transaction: jobs answered at submission commit with their rows or not at all.
   */
  public SameTransaction alsoWriting(
      SameTransaction first, Function<List<UUID>, List<ForecastResult>> rowsFor) {
    return (c, ids) -> {
      first.run(c, ids);
      putAllIn(c, rowsFor.apply(ids));
    };
  }

  private static void bind(PreparedStatement ps, ForecastResult r) throws SQLException {
    ps.setString(1, r.datasetId());
    ps.setString(2, r.sku());
    ps.setString(3, r.ownerId());
    ps.setString(4, r.jobId());
    ps.setString(5, r.jobType());
    ps.setString(6, r.model());
    ps.setString(7, r.metric());
    if (r.score() == null || !Double.isFinite(r.score())) {
      ps.setNull(8, Types.DOUBLE);
    } else {
      ps.setDouble(8, r.score());
    }
    ps.setBoolean(9, r.flagged());
    ps.setString(10, r.body());
    ps.setLong(11, r.updatedAt().toEpochMilli());
    ps.setString(12, r.levels());
  }

  public Optional<ForecastResult> get(String ownerId, String datasetId, String sku) {
    AtomicReference<ForecastResult> found = new AtomicReference<>();
    scan(
        "SELECT * FROM forecast_result WHERE owner_id = COALESCE(?, owner_id) AND dataset_id = ? AND sku = ?",
        new String[] {ownerId, datasetId, sku},
        found::set);
    return Optional.ofNullable(found.get());
  }

  /** Streams every result of a dataset, by SKU, to {@code sink}; returns how many. */
  public long forEach(String ownerId, String datasetId, Consumer<ForecastResult> sink) {
    return scan(
        "SELECT * FROM forecast_result WHERE owner_id = COALESCE(?, owner_id) AND dataset_id = ? ORDER BY sku",
        new String[] {ownerId, datasetId},
        sink);
  }

  /** The distinct interval level lists of a dataset's results ({@code 80,95}, ...). */
  public List<String> levelsOf(String ownerId, String datasetId) {
    try (Connection c = ds.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT DISTINCT levels FROM forecast_result"
                    + " WHERE owner_id = COALESCE(?, owner_id) AND dataset_id = ?")) {
      ps.setString(1, ownerId);
      ps.setString(2, datasetId);
      List<String> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getString(1));
        }
      }
      return out;
    } catch (SQLException e) {
      throw new DatabaseException("reading the levels of dataset " + datasetId + " failed", e);
    }
  }

  /** The column a result listing is ordered by. */
  public enum ResultSort {
    SKU,
    MODEL,
    SCORE;

    /** Parses {@code sku}, {@code model} or {@code score} (case-insensitive). */
    public static ResultSort parse(String s) {
      return valueOf(s.toUpperCase(Locale.ROOT));
    }
  }

  /**
   * The position after which a listing continues: the sort key of the last row shown and its SKU.
   *
   * @param key the last row's sort value: a {@code String} for SKU and model, a {@code Double} for
   *     score (its null-free form, see {@link #page})
   */
  public record ResultPosition(Object key, String sku) {}

  /** One page of a sorted result listing. */
  public record ResultPage(List<ForecastResult> results, ResultPosition next) {}

  /**
   * One page of a dataset's results ordered by {@code sort} then SKU, keyset-paged (no OFFSET).
   * Results without a score sort after every scored one in both directions (the key is {@code
   * COALESCE(score, +1e300)} ascending and {@code COALESCE(score, -1e300)} descending). Bodies are
   * not read: the listing stays small however long the forecasts are.
   */
  public ResultPage page(
      String ownerId,
      String datasetId,
      ResultSort sort,
      boolean descending,
      ResultPosition after,
      int limit) {
    String key =
        switch (sort) {
          case SKU -> "sku";
          case MODEL -> "COALESCE(model, '')";
          case SCORE -> descending ? "COALESCE(score, -1e300)" : "COALESCE(score, 1e300)";
        };
    String dir = descending ? "DESC" : "ASC";
    String cmp = descending ? "<" : ">";
    StringBuilder sql =
        new StringBuilder(
                "SELECT dataset_id, sku, owner_id, job_id, job_type, model, metric, score, flagged,"
                    + " NULL AS body, levels, updated_at_ms, ")
            .append(key)
            .append(
                " AS sort_key FROM forecast_result WHERE owner_id = COALESCE(?, owner_id)"
                    + " AND dataset_id = ?");
    if (after != null) {
      sql.append(" AND (")
          .append(key)
          .append(' ')
          .append(cmp)
          .append(" ? OR (")
          .append(key)
          .append(" = ? AND sku ")
          .append(cmp)
          .append(" ?))");
    }
    sql.append(" ORDER BY sort_key ").append(dir).append(", sku ").append(dir).append(" LIMIT ?");
    List<ForecastResult> rows = new ArrayList<>();
    Object lastKey = null;
    try (Connection c = ds.getConnection();
        PreparedStatement ps = c.prepareStatement(sql.toString())) {
      int i = 1;
      ps.setString(i++, ownerId);
      ps.setString(i++, datasetId);
      if (after != null) {
        for (int k = 0; k < 2; k++) {
          if (sort == ResultSort.SCORE) {
            ps.setDouble(i++, ((Number) after.key()).doubleValue());
          } else {
            ps.setString(i++, (String) after.key());
          }
        }
        ps.setString(i++, after.sku());
      }
      ps.setInt(i, limit + 1);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          if (rows.size() == limit) {
            return new ResultPage(
                rows, new ResultPosition(lastKey, rows.get(rows.size() - 1).sku()));
          }
          rows.add(row(rs));
          lastKey = sort == ResultSort.SCORE ? rs.getDouble("sort_key") : rs.getString("sort_key");
        }
      }
    } catch (SQLException e) {
      throw new DatabaseException("listing the results of dataset " + datasetId + " failed", e);
    }
    return new ResultPage(rows, null);
  }

  private static ForecastResult row(ResultSet rs) throws SQLException {
    double score = rs.getDouble("score");
    Double boxed = rs.wasNull() ? null : score;
    return new ForecastResult(
        rs.getString("dataset_id"),
        rs.getString("sku"),
        rs.getString("owner_id"),
        rs.getString("job_id"),
        rs.getString("job_type"),
        rs.getString("model"),
        rs.getString("metric"),
        boxed,
        rs.getBoolean("flagged"),
        rs.getString("body"),
        rs.getString("levels"),
        Instant.ofEpochMilli(rs.getLong("updated_at_ms")));
  }

  /** Streams the rows of {@code sql} to {@code sink} (a cursor where the dialect needs one). */
  private long scan(String sql, String[] args, Consumer<ForecastResult> sink) {
    try {
      return db.stream(c -> {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
          ps.setFetchSize(FETCH_SIZE);
          for (int i = 0; i < args.length; i++) {
            ps.setString(i + 1, args[i]);
          }
          long n = 0;
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              sink.accept(row(rs));
              n++;
            }
          }
          return n;
        }
      });
    } catch (SQLException e) {
      throw new DatabaseException("reading results failed", e);
    }
  }
}
