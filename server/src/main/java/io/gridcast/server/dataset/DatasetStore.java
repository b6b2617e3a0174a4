package io.gridcast.server.dataset;

import io.gridcast.forecast.series.Series;
import io.gridcast.forecast.series.StampFormat;
import io.gridcast.forecast.series.TimeAxis;
import io.gridcast.queue.jdbc.JdbcDatabase;
import io.gridcast.server.db.DatabaseException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;

/**
 * SQL for datasets and their series. Every read and delete is scoped by owner. Thread-safe
 * (stateless over a pool).
 */
public final class DatasetStore {
  private static final int INSERT_BATCH = 500;

  private final JdbcDatabase db;
  private final DataSource ds;
  private final CovariateStore covariates;

  public DatasetStore(JdbcDatabase db) {
    this.db = db;
    this.ds = db.dataSource();
    this.covariates = new CovariateStore(db);
  }

  /** The covariates stored with the series. */
  public CovariateStore covariates() {
    return covariates;
  }

  /** The database the store writes to: what joins another write to its transaction. */
  public JdbcDatabase db() {
    return db;
  }

  /** Stores a dataset and its series in one transaction of its own. */
  public void insert(Dataset d, List<Series> series) {
    insert(d, series, UploadCovariates.none());
  }

  /** Stores a dataset, its series and their covariates in one transaction of its own. */
  public void insert(Dataset d, List<Series> series, UploadCovariates covs) {
    try {
      db.inTx(c -> {
        insertIn(c, d, series, covs);
        return null;
      });
    } catch (SQLException e) {
      throw new DatabaseException("storing dataset " + d.id() + " failed", e);
    }
  }

  /**
   * Writes a dataset and its series on the caller's connection, inside the caller's transaction
   * (the queue's job insert, so an upload and its jobs commit together).
   */
  public void insertIn(Connection c, Dataset d, List<Series> series) throws SQLException {
    insertIn(c, d, series, UploadCovariates.none());
  }

  /** As {@link #insertIn(Connection, Dataset, List)}, with the series' covariates. */
  public void insertIn(Connection c, Dataset d, List<Series> series, UploadCovariates covs)
      throws SQLException {
    // Uploads take the next version of a name one at a time (PostgreSQL: the dataset inserts take
    // turns; SQLite's single writer already does), so MAX(version) below sees every committed row.
    db.dialect().lockForOrderedAppend(c, "dataset");
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO dataset (id, owner_id, name, frequency, period, series_count,"
                + " row_count, created_at_ms, fill, filled, version)"
                + " SELECT ?,?,?,?,?,?,?,?,?,?, COALESCE(MAX(version), 0) + 1 FROM dataset"
                + " WHERE owner_id = ? AND name = ?")) {
      ps.setString(1, d.id());
      ps.setString(2, d.ownerId());
      ps.setString(3, d.name());
      ps.setString(4, d.frequency());
      ps.setInt(5, d.period());
      ps.setInt(6, d.seriesCount());
      ps.setLong(7, d.rowCount());
      ps.setLong(8, d.createdAt().toEpochMilli());
      ps.setString(9, d.fill());
      ps.setLong(10, d.filled());
      ps.setString(11, d.ownerId());
      ps.setString(12, d.name());
      ps.executeUpdate();
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO dataset_series (dataset_id, sku, ordinal, owner_id, start_ds,"
                + " frequency, period, filled, length, vals, periods, date_format)"
                + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?)")) {
      int pending = 0;
      for (int i = 0; i < series.size(); i++) {
        Series s = series.get(i);
        ps.setString(1, d.id());
        ps.setString(2, s.id());
        ps.setInt(3, i);
        ps.setString(4, d.ownerId());
        ps.setString(5, s.axis().label(0));
        ps.setString(6, s.axis().frequency().name());
        ps.setInt(7, s.period());
        ps.setInt(8, s.filled());
        ps.setInt(9, s.length());
        ps.setBytes(10, ValueCodec.encode(s.values()));
        ps.setString(11, SeasonalPeriods.text(s.seasonalPeriods()));
        ps.setString(12, dateFormat(s.axis()));
        ps.addBatch();
        if (++pending == INSERT_BATCH) {
          ps.executeBatch();
          pending = 0;
        }
      }
      if (pending > 0) {
        ps.executeBatch();
      }
    }
    covariates.insertIn(c, d.id(), d.ownerId(), covs);
  }

  public Optional<Dataset> get(String ownerId, String id) {
    return query(
            "SELECT * FROM dataset WHERE owner_id = COALESCE(?, owner_id) AND id = ?",
            ownerId,
            id,
            null,
            1)
        .stream()
        .findFirst();
  }

  /**
   * The values (gaps filled) of every dataset {@code ownerId} has stored: what the quota counts.
   */
  public long valuesStored(String ownerId) {
    try (Connection c = ds.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT COALESCE(SUM(row_count), 0) FROM dataset WHERE owner_id = ?")) {
      ps.setString(1, ownerId);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    } catch (SQLException e) {
      throw new DatabaseException("reading the values stored by " + ownerId + " failed", e);
    }
  }

  /**
   * The newest version of the dataset named {@code name} of one owner, or empty: what a schedule
   * runs on and actuals are appended to.
   */
  public Optional<Dataset> latestNamed(String ownerId, String name) {
    return query(
            "SELECT * FROM dataset WHERE owner_id = ? AND name = ? ORDER BY version DESC LIMIT ?",
            ownerId,
            name,
            null,
            1)
        .stream()
        .findFirst();
  }

  /** Newest first, after the cursor (an id from an earlier page), at most {@code limit}. */
  public List<Dataset> list(String ownerId, String afterId, int limit) {
    if (afterId == null) {
      return query(
          "SELECT * FROM dataset WHERE " + ownerIs(ownerId) + " ORDER BY id DESC LIMIT ?",
          ownerId,
          null,
          null,
          limit);
    }
    return query(
        "SELECT * FROM dataset WHERE " + ownerIs(ownerId) + " AND id < ? ORDER BY id DESC LIMIT ?",
        ownerId,
        afterId,
        null,
        limit);
  }

  /**
   * The owner filter of a listing: a plain equality for one owner (so the (owner_id, id) index
   * serves it), a no-op that still takes the parameter for an admin's null.
   */
  private static String ownerIs(String ownerId) {
    return ownerId == null ? "owner_id = COALESCE(?, owner_id)" : "owner_id = ?";
  }

  private List<Dataset> query(String sql, String owner, String a, String b, int limit) {
    try (Connection c = ds.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      int i = 1;
      ps.setString(i++, owner);
      if (a != null) {
        ps.setString(i++, a);
      }
      if (b != null) {
        ps.setString(i++, b);
      }
      if (sql.endsWith("LIMIT ?")) {
        ps.setInt(i, limit);
      }
      List<Dataset> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(
              new Dataset(
                  rs.getString("id"),
                  rs.getString("owner_id"),
                  rs.getString("name"),
                  rs.getInt("version"),
                  rs.getString("frequency"),
                  rs.getInt("period"),
                  rs.getInt("series_count"),
                  rs.getLong("row_count"),
                  rs.getString("fill"),
                  rs.getLong("filled"),
                  Instant.ofEpochMilli(rs.getLong("created_at_ms"))));
        }
      }
      return out;
    } catch (SQLException e) {
      throw new DatabaseException("reading datasets failed", e);
    }
  }

  /** One series of a dataset, or empty. */
  public Optional<Series> series(String ownerId, String datasetId, String sku) {
    List<Series> found =
        seriesWhere(
            "owner_id = COALESCE(?, owner_id) AND dataset_id = ? AND sku = ?",
            Arrays.asList(ownerId, datasetId, sku));
    return found.stream().findFirst();
  }

  /** The named series (all of them when {@code skus} is empty), in upload order. */
  public List<Series> seriesOf(String ownerId, String datasetId, List<String> skus) {
    if (skus.isEmpty()) {
      return seriesWhere(
          "owner_id = COALESCE(?, owner_id) AND dataset_id = ?", Arrays.asList(ownerId, datasetId));
    }
    if (skus.size() == 1) {
      return series(ownerId, datasetId, skus.get(0)).map(List::of).orElse(List.of());
    }
    // One indexed read per chunk of 500 SKUs, then back into the order asked.
    Map<String, Series> bySku = new HashMap<>();
    for (int from = 0; from < skus.size(); from += 500) {
      List<String> chunk = skus.subList(from, Math.min(skus.size(), from + 500));
      List<String> args = new ArrayList<>(chunk.size() + 2);
      args.add(ownerId);
      args.add(datasetId);
      args.addAll(chunk);
      for (Series s :
          seriesWhere(
              "owner_id = COALESCE(?, owner_id) AND dataset_id = ? AND sku IN ("
                  + String.join(",", Collections.nCopies(chunk.size(), "?"))
                  + ")",
              args)) {
        bySku.put(s.id(), s);
      }
    }
    List<Series> out = new ArrayList<>(skus.size());
    for (String sku : skus) {
      Series s = bySku.get(sku);
      if (s != null) {
        out.add(s);
      }
    }
    return out;
  }

  /** Which of {@code wanted} are SKUs of the dataset (one indexed lookup per chunk of 500). */
  public Set<String> existingSkus(String ownerId, String datasetId, List<String> wanted) {
    Set<String> found = new HashSet<>();
    try (Connection c = ds.getConnection()) {
      for (int from = 0; from < wanted.size(); from += 500) {
        List<String> chunk = wanted.subList(from, Math.min(wanted.size(), from + 500));
        String marks = String.join(",", Collections.nCopies(chunk.size(), "?"));
        try (PreparedStatement ps =
            c.prepareStatement(
                "SELECT sku FROM dataset_series WHERE dataset_id = ? AND owner_id = COALESCE(?, owner_id) AND sku IN ("
                    + marks
                    + ")")) {
          ps.setString(1, datasetId);
          ps.setString(2, ownerId);
          for (int i = 0; i < chunk.size(); i++) {
            ps.setString(3 + i, chunk.get(i));
          }
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              found.add(rs.getString(1));
            }
          }
        }
      }
      return found;
    } catch (SQLException e) {
      throw new DatabaseException("checking SKUs of " + datasetId + " failed", e);
    }
  }

  /** The SKUs of a dataset in upload order. */
  public List<String> skus(String ownerId, String datasetId) {
    try (Connection c = ds.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT sku FROM dataset_series WHERE owner_id = COALESCE(?, owner_id) AND dataset_id = ?"
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
      throw new DatabaseException("reading SKUs of " + datasetId + " failed", e);
    }
  }

  private List<Series> seriesWhere(String where, List<String> args) {
    String sql =
        "SELECT sku, start_ds, frequency, period, filled, vals, periods, date_format"
            + " FROM dataset_series WHERE "
            + where
            + " ORDER BY ordinal";
    try (Connection c = ds.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < args.size(); i++) {
        ps.setString(i + 1, args.get(i));
      }
      List<Series> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          TimeAxis axis =
              TimeAxis.restore(
                  rs.getString("frequency"), rs.getString("start_ds"), rs.getString("date_format"));
          int period = rs.getInt("period");
          out.add(
              new Series(
                  rs.getString("sku"),
                  ValueCodec.decode(rs.getBytes("vals")),
                  period,
                  axis,
                  rs.getInt("filled"),
                  SeasonalPeriods.parse(rs.getString("periods"), period)));
        }
      }
      return out;
    } catch (SQLException e) {
      throw new DatabaseException("reading series failed", e);
    }
  }

  /** The caller's {@code date_format} pattern the axis writes its labels with, or null (ISO). */
  static String dateFormat(TimeAxis axis) {
    return switch (axis) {
      case TimeAxis.Dates d when d.format() instanceof StampFormat.Pattern p -> p.pattern();
      case TimeAxis.DateTimes d when d.format() instanceof StampFormat.Pattern p -> p.pattern();
      default -> null;
    };
  }

  /** Deletes a dataset with its series and results; false when it does not exist. */
  public boolean delete(String ownerId, String id) {
    try {
      return db.inTx(c -> {
        for (String table :
            List.of(
                "reconciliation",
                "hierarchy_node",
                "dataset_hierarchy",
                "forecast_result",
                "series_covariate",
                "dataset_series")) {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "DELETE FROM "
                      + table
                      + " WHERE owner_id = COALESCE(?, owner_id) AND dataset_id = ?")) {
            ps.setString(1, ownerId);
            ps.setString(2, id);
            ps.executeUpdate();
          }
        }
        try (PreparedStatement ps =
            c.prepareStatement(
                "DELETE FROM dataset WHERE owner_id = COALESCE(?, owner_id) AND id = ?")) {
          ps.setString(1, ownerId);
          ps.setString(2, id);
          return ps.executeUpdate() > 0;
        }
      });
    } catch (SQLException e) {
      throw new DatabaseException("deleting dataset " + id + " failed", e);
    }
  }
}
