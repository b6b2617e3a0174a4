package io.gridcast.server.dataset;

import io.gridcast.server.db.DatabaseException;
import io.gridcast.server.db.Dialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import javax.sql.DataSource;

/** SQL for per-SKU forecast results. Thread-safe (stateless over a pool). */
public final class ResultStore {
  private static final int FETCH_SIZE = 500;

  private final DataSource ds;
  private final Dialect dialect;

  public ResultStore(DataSource ds, Dialect dialect) {
    this.ds = ds;
    this.dialect = dialect;
  }

  private static final String PUT =
      "INSERT INTO forecast_result (dataset_id, sku, owner_id, job_id, job_type, model, metric,"
          + " score, flagged, body, updated_at_ms) VALUES (?,?,?,?,?,?,?,?,?,?,?)"
          + " ON CONFLICT (dataset_id, sku) DO UPDATE SET owner_id = excluded.owner_id,"
          + " job_id = excluded.job_id, job_type = excluded.job_type, model = excluded.model,"
          + " metric = excluded.metric, score = excluded.score, flagged = excluded.flagged,"
          + " body = excluded.body, updated_at_ms = excluded.updated_at_ms";

  /** Inserts or replaces the result of one SKU (the latest job wins). */
  public void put(ForecastResult r) {
    try (Connection c = ds.getConnection()) {
      putIn(c, r);
    } catch (SQLException e) {
      throw new DatabaseException("storing the result of " + r.sku() + " failed", e);
    }
  }

  /**
   * {@link #put} on the caller's connection, in the caller's transaction (a job answered from the
   * cache at submission: its result row commits with the job).
   */
  public void putIn(Connection c, ForecastResult r) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(PUT)) {
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
      ps.executeUpdate();
    }
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

  private long scan(String sql, String[] args, Consumer<ForecastResult> sink) {
    try (Connection c = ds.getConnection()) {
      // PostgreSQL streams with a cursor only inside a transaction; on SQLite a transaction would
      // take the write lock (BEGIN IMMEDIATE) for the whole scan, and reads stream anyway.
      boolean cursor = dialect == Dialect.POSTGRESQL;
      if (cursor) {
        c.setAutoCommit(false);
      }
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        ps.setFetchSize(FETCH_SIZE);
        for (int i = 0; i < args.length; i++) {
          ps.setString(i + 1, args[i]);
        }
        long n = 0;
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            double score = rs.getDouble("score");
            Double boxed = rs.wasNull() ? null : score;
            sink.accept(
                new ForecastResult(
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
                    Instant.ofEpochMilli(rs.getLong("updated_at_ms"))));
            n++;
          }
        }
        return n;
      } finally {
        if (cursor) {
          c.commit();
          c.setAutoCommit(true);
        }
      }
    } catch (SQLException e) {
      throw new DatabaseException("reading results failed", e);
    }
  }
}
