package io.gridcast.server.dataset;

import io.gridcast.queue.jdbc.JdbcDatabase;
import io.gridcast.server.db.DatabaseException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * SQL for the covariates stored with series (table {@code series_covariate}) and their holiday
 * region ({@code dataset_series.country}). Every read is scoped by owner. Thread-safe (stateless
 * over a pool).
 */
public final class CovariateStore {
  private static final int INSERT_BATCH = 500;

  private final JdbcDatabase db;
  private final DataSource ds;

  CovariateStore(JdbcDatabase db) {
    this.db = db;
    this.ds = db.dataSource();
  }

  /** Writes an upload's covariates on the caller's connection, after its series. */
  void insertIn(Connection c, String datasetId, String ownerId, UploadCovariates u)
      throws SQLException {
    if (!u.ignored().isEmpty()) {
      try (PreparedStatement ps =
          c.prepareStatement("UPDATE dataset SET ignored_columns = ? WHERE id = ?")) {
        ps.setString(1, String.join("\n", u.ignored()));
        ps.setString(2, datasetId);
        ps.executeUpdate();
      }
    }
    if (u.bySku().isEmpty()) {
      return;
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO series_covariate (dataset_id, sku, name, ordinal, owner_id, vals,"
                + " future_vals) VALUES (?,?,?,?,?,?,?)")) {
      int pending = 0;
      for (SeriesCovariates s : u.bySku().values()) {
        for (int j = 0; j < s.names().size(); j++) {
          ps.setString(1, datasetId);
          ps.setString(2, s.sku());
          ps.setString(3, s.names().get(j));
          ps.setInt(4, j);
          ps.setString(5, ownerId);
          ps.setBytes(6, ValueCodec.encode(s.history()[j]));
          ps.setBytes(7, s.futureRows() == 0 ? null : ValueCodec.encode(s.future()[j]));
          ps.addBatch();
          if (++pending == INSERT_BATCH) {
            ps.executeBatch();
            pending = 0;
          }
        }
      }
      if (pending > 0) {
        ps.executeBatch();
      }
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE dataset_series SET country = ? WHERE dataset_id = ? AND sku = ?")) {
      int pending = 0;
      for (SeriesCovariates s : u.bySku().values()) {
        if (s.country() != null) {
          ps.setString(1, s.country());
          ps.setString(2, datasetId);
          ps.setString(3, s.sku());
          ps.addBatch();
          pending++;
        }
      }
      if (pending > 0) {
        ps.executeBatch();
      }
    }
  }

  /** The covariate names of a dataset, in the upload's column order (empty: none). */
  public List<String> names(String ownerId, String datasetId) {
    try (Connection c = ds.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT DISTINCT name, ordinal FROM series_covariate"
                    + " WHERE owner_id = COALESCE(?, owner_id) AND dataset_id = ?"
                    + " ORDER BY ordinal")) {
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
      throw new DatabaseException("reading covariates of " + datasetId + " failed", e);
    }
  }

  /** The extra columns the upload of a dataset did not read, in column order. */
  public List<String> ignored(String ownerId, String datasetId) {
    try (Connection c = ds.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT ignored_columns FROM dataset"
                    + " WHERE owner_id = COALESCE(?, owner_id) AND id = ?")) {
      ps.setString(1, ownerId);
      ps.setString(2, datasetId);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next() || rs.getString(1).isEmpty()) {
          return List.of();
        }
        return List.of(rs.getString(1).split("\n", -1));
      }
    } catch (SQLException e) {
      throw new DatabaseException("reading ignored columns of " + datasetId + " failed", e);
    }
  }

  /** One series' covariates and region (no columns and no region when it has neither). */
  public SeriesCovariates of(String ownerId, String datasetId, String sku) {
    return read(ownerId, datasetId, sku).getOrDefault(sku, SeriesCovariates.none(sku, null));
  }

  /** Every series' covariates and region, by SKU; series with neither are absent. */
  public Map<String, SeriesCovariates> all(String ownerId, String datasetId) {
    return read(ownerId, datasetId, null);
  }

  private Map<String, SeriesCovariates> read(String ownerId, String datasetId, String sku) {
    Map<String, String> countries = new HashMap<>();
    Map<String, Map<String, double[][]>> columns = new LinkedHashMap<>();
    try (Connection c = ds.getConnection()) {
      try (PreparedStatement ps =
          c.prepareStatement(
              "SELECT sku, country FROM dataset_series WHERE owner_id = COALESCE(?, owner_id)"
                  + " AND dataset_id = ? AND sku = COALESCE(?, sku) AND country IS NOT NULL")) {
        ps.setString(1, ownerId);
        ps.setString(2, datasetId);
        ps.setString(3, sku);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            countries.put(rs.getString(1), rs.getString(2));
          }
        }
      }
      try (PreparedStatement ps =
          c.prepareStatement(
              "SELECT sku, name, vals, future_vals FROM series_covariate"
                  + " WHERE owner_id = COALESCE(?, owner_id) AND dataset_id = ?"
                  + " AND sku = COALESCE(?, sku) ORDER BY sku, ordinal")) {
        ps.setString(1, ownerId);
        ps.setString(2, datasetId);
        ps.setString(3, sku);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            byte[] future = rs.getBytes(4);
            columns
                .computeIfAbsent(rs.getString(1), k -> new LinkedHashMap<>())
                .put(
                    rs.getString(2),
                    new double[][] {
                      ValueCodec.decode(rs.getBytes(3)),
                      future == null ? new double[0] : ValueCodec.decode(future)
                    });
          }
        }
      }
    } catch (SQLException e) {
      throw new DatabaseException("reading covariates of " + datasetId + " failed", e);
    }
    Map<String, SeriesCovariates> out = new LinkedHashMap<>();
    columns.forEach((id, byName) -> {
      List<String> names = new ArrayList<>(byName.keySet());
      double[][] history = new double[names.size()][];
      double[][] future = new double[names.size()][];
      int rows = Integer.MAX_VALUE;
      for (int j = 0; j < names.size(); j++) {
        history[j] = byName.get(names.get(j))[0];
        future[j] = byName.get(names.get(j))[1];
        rows = Math.min(rows, future[j].length);
      }
      for (int j = 0; j < names.size(); j++) {
        if (future[j].length != rows) {
          future[j] = Arrays.copyOf(future[j], rows);
        }
      }
      out.put(id, new SeriesCovariates(id, names, history, future, countries.remove(id)));
    });
    countries.forEach((id, country) -> out.put(id, SeriesCovariates.none(id, country)));
    return out;
  }

  /**
   * Replaces the future values of a dataset's covariates in one transaction: the given SKUs get
   * their rows, every other SKU none.
   *
   * @param future by SKU, {@code future[j][k]} in the stored column order
   */
  public void replaceFuture(String datasetId, Map<String, SeriesCovariates> future) {
    try {
      db.inTx(c -> {
        try (PreparedStatement ps =
            c.prepareStatement(
                "UPDATE series_covariate SET future_vals = NULL WHERE dataset_id = ?")) {
          ps.setString(1, datasetId);
          ps.executeUpdate();
        }
        try (PreparedStatement ps =
            c.prepareStatement(
                "UPDATE series_covariate SET future_vals = ?"
                    + " WHERE dataset_id = ? AND sku = ? AND name = ?")) {
          int pending = 0;
          for (SeriesCovariates s : future.values()) {
            for (int j = 0; j < s.names().size(); j++) {
              ps.setBytes(1, ValueCodec.encode(s.future()[j]));
              ps.setString(2, datasetId);
              ps.setString(3, s.sku());
              ps.setString(4, s.names().get(j));
              ps.addBatch();
              if (++pending == INSERT_BATCH) {
                ps.executeBatch();
                pending = 0;
              }
            }
          }
          if (pending > 0) {
            ps.executeBatch();
          }
        }
        return null;
      });
    } catch (SQLException e) {
      throw new DatabaseException("storing future covariates of " + datasetId + " failed", e);
    }
  }
}
