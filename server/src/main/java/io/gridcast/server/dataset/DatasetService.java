package io.gridcast.server.dataset;

import io.gridcast.forecast.hierarchy.HierarchySpec;
import io.gridcast.forecast.series.Series;
import io.gridcast.forecast.series.TooManyValuesException;
import io.gridcast.queue.jdbc.UuidV7;
import io.gridcast.server.config.LimitExceededException;
import io.gridcast.server.config.Limits;
import io.gridcast.server.db.DatabaseException;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Accepts uploads and serves datasets: parse (streamed) -> validate -> store in one transaction
 * (its own, or the queue's job insert when the upload creates jobs). An upload is bounded before
 * and while it is read: its values once gaps are filled by {@link Limits#maxValuesPerUpload()} and
 * by what is left of its owner's quota, {@link Limits#maxValuesPerUser()} (whichever is smaller;
 * the series that passes it is refused before its values are allocated), its series by {@link
 * Limits#maxSeriesPerUpload()}, its names by {@link NameRules}. The quota is read before the upload
 * is parsed: uploads of one user running at the same time may together pass it by at most one
 * upload's values. Thread-safe.
 */
public final class DatasetService {
  private static final Logger LOG = LoggerFactory.getLogger(DatasetService.class);

  /** Body formats an upload may have. */
  public enum BodyFormat {
    CSV,
    JSON
  }

  /**
   * An accepted upload: the dataset, its series, their SKUs in upload order, its hierarchy (or
   * null), and the covariates of its extra columns (or the columns ignored).
   */
  public record Upload(
      Dataset dataset,
      List<Series> series,
      List<String> skus,
      StoredHierarchy hierarchy,
      UploadCovariates covariates) {
    public Upload(Dataset dataset, List<Series> series, List<String> skus) {
      this(dataset, series, skus, null, UploadCovariates.none());
    }
  }

  private final DatasetStore store;
  private final HierarchyStore hierarchies;
  private final UploadParser parser = new UploadParser();
  private final Limits limits;
  private final InstantSource clock;
  private final UuidV7 ids;

  /**
   * @param limits series, values and name length of an upload, and the values one user may store
   */
  public DatasetService(
      DatasetStore store, HierarchyStore hierarchies, InstantSource clock, Limits limits) {
    this.store = store;
    this.hierarchies = hierarchies;
    this.clock = clock;
    this.limits = limits;
    this.ids = new UuidV7(clock);
  }

  public DatasetStore store() {
    return store;
  }

  public HierarchyStore hierarchies() {
    return hierarchies;
  }

  /**
   * Parses and stores an upload for {@code ownerId} in one transaction; nothing is stored when it
   * is invalid.
   *
   * @throws InvalidUploadException naming the line (row) and column (field) of the first problem
   */
  public Upload upload(
      String ownerId, BodyFormat format, InputStream body, UploadFormat columns, String name) {
    return upload(ownerId, format, body, columns, name, null);
  }

  /**
   * As {@link #upload(String, BodyFormat, InputStream, UploadFormat, String)}, with the hierarchy
   * of {@link #parse(String, BodyFormat, InputStream, UploadFormat, String, HierarchySpec)}.
   */
  public Upload upload(
      String ownerId,
      BodyFormat format,
      InputStream body,
      UploadFormat columns,
      String name,
      HierarchySpec hierarchy) {
    Upload u = parse(ownerId, format, body, columns, name, hierarchy);
    long t0 = System.nanoTime();
    try {
      store
          .db()
          .inTx(c -> {
            storeIn(c, u);
            return null;
          });
    } catch (SQLException e) {
      throw new DatabaseException("storing dataset " + u.dataset().id() + " failed", e);
    }
    LOG.info("dataset {}: stored in {} ms", u.dataset().id(), (System.nanoTime() - t0) / 1_000_000);
    return u;
  }

  /**
   * Writes a parsed upload on the caller's connection, in the caller's transaction (the queue's job
   * insert: an upload with {@code ?optimize=true} and its jobs commit together or not at all).
   */
  public void storeIn(Connection c, Upload u) throws SQLException {
    store.insertIn(c, u.dataset(), u.series(), u.covariates());
    if (u.hierarchy() != null) {
      hierarchies.insertIn(c, u.dataset().id(), u.dataset().ownerId(), u.hierarchy());
    }
  }

  /**
   * Parses and validates an upload for {@code ownerId} without storing anything.
   *
   * @throws InvalidUploadException naming the line (row) and column (field) of the first problem
   */
  public Upload parse(
      String ownerId, BodyFormat format, InputStream body, UploadFormat columns, String name) {
    return parse(ownerId, format, body, columns, name, null);
  }

  /**
   * Parses and validates an upload; with a hierarchy (CSV only), the body's series are its bottom
   * series, placed by their key columns, and every aggregate node is added as a series of the
   * dataset (named by the node, the exact sum of its bottom series), aggregates first.
   *
   * @param hierarchy the declaration, or null for an upload without one
   * @throws InvalidUploadException also when keys contradict the nesting (naming the lines)
   */
  public Upload parse(
      String ownerId,
      BodyFormat format,
      InputStream body,
      UploadFormat columns,
      String name,
      HierarchySpec hierarchy) {
    long t0 = System.nanoTime();
    NameRules.datasetName(name, limits.maxNameLength());
    long stored = store.valuesStored(ownerId);
    long quotaLeft = limits.maxValuesPerUser() - stored;
    if (quotaLeft <= 0) {
      throw LimitExceededException.tooLarge(
          "max_values_per_user",
          limits.maxValuesPerUser(),
          stored,
          "your stored datasets (values; delete datasets you no longer need)");
    }
    boolean quotaBinds = quotaLeft < limits.maxValuesPerUpload();
    long budget = quotaBinds ? quotaLeft : limits.maxValuesPerUpload();
    UploadParser.Parsed parsed;
    UploadParser.Keyed keyed = null;
    try {
      if (hierarchy != null) {
        if (format != BodyFormat.CSV) {
          throw new InvalidUploadException(
              "a hierarchy upload is CSV with its key columns " + hierarchy.columns(),
              Map.of("field", "hierarchy"));
        }
        keyed = parser.csvWithKeys(body, columns, budget, hierarchy.columns());
        parsed = keyed.parsed();
      } else {
        parsed =
            switch (format) {
              case CSV -> parser.csv(body, columns, budget);
              case JSON -> parser.json(body, columns, budget);
            };
      }
    } catch (TooManyValuesException e) {
      throw tooManyValues(e, quotaBinds, stored);
    }
    List<Series> series = parsed.series();
    StoredHierarchy nodes = null;
    if (keyed != null) {
      HierarchyUpload.Built built = HierarchyUpload.build(hierarchy, series, keyed.keys());
      series = built.series();
      nodes = built.stored();
    }
    int maxSeries = limits.maxSeriesPerUpload();
    if (series.size() > maxSeries) {
      throw LimitExceededException.tooLarge(
          "max_series_per_upload", maxSeries, series.size(), "the upload");
    }
    checkIds(series);
    String label = name != null && !name.isBlank() ? name : parsed.name();
    NameRules.datasetName(label, limits.maxNameLength());
    Dataset d = describe(ownerId, label, series, columns.axis().fill().label());
    String id = d.id();
    long values = d.rowCount();
    LOG.info(
        "dataset {}: {} series, {} values; parsed in {} ms",
        id,
        series.size(),
        values,
        (System.nanoTime() - t0) / 1_000_000);
    return new Upload(
        d, series, series.stream().map(Series::id).toList(), nodes, parsed.covariates());
  }

  private void checkIds(List<Series> series) {
    for (Series s : series) {
      NameRules.sku(s.id(), limits.maxNameLength());
    }
  }

  /** A new dataset row (version assigned when stored) for these parsed series. */
  private Dataset describe(String ownerId, String label, List<Series> series, String fill) {
    long values = 0;
    long filled = 0;
    Map<String, Integer> freqCounts = new HashMap<>();
    Map<Integer, Integer> periodCounts = new HashMap<>();
    for (Series s : series) {
      values += s.length();
      filled += s.filled();
      freqCounts.merge(s.axis().frequency().name(), 1, Integer::sum);
      periodCounts.merge(s.period(), 1, Integer::sum);
    }
    String id = ids.next().toString();
    return new Dataset(
        id,
        ownerId,
        label == null || label.isBlank() ? "dataset " + id.substring(0, 8) : label,
        0,
        mostCommon(freqCounts),
        mostCommon(periodCounts),
        series.size(),
        values,
        fill,
        filled,
        clock.instant());
  }

  /**
   * Appends actuals (CSV rows) to the newest version of the dataset named {@code name} and stores
   * the result as the name's next version; the older versions and their results stay as they are.
   *
   * @param axis the caller's time-axis options (the stored date format always applies)
   * @param fillGiven whether the caller chose the fill; else the dataset's own applies
   * @param replace whether a stamp the dataset holds is overwritten (else refused, 409)
   * @return the new version, as stored
   */
  public Dataset appendActuals(
      String ownerId,
      String name,
      InputStream body,
      UploadFormat columns,
      boolean fillGiven,
      boolean replace) {
    Dataset latest =
        store
            .latestNamed(ownerId, name)
            .orElseThrow(() -> new DatasetNotFoundException("dataset named", name));
    hierarchies
        .get(ownerId, latest.id())
        .ifPresent(h -> {
          // appended bottom rows would leave the stored aggregates behind: not coherent
          throw new InvalidUploadException(
              "dataset '"
                  + name
                  + "' has a hierarchy ("
                  + h.declaration()
                  + "): actuals cannot be appended to it; upload its whole history again with"
                  + " hierarchy="
                  + h.declaration()
                  + " under the same name (its next version)",
              Map.of("field", "name", "hierarchy", h.declaration()));
        });
    CsvRows.Table table =
        CsvRows.table(
            new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8), 1 << 16),
            columns.idColumn(),
            columns.dsColumn(),
            columns.yColumn());
    List<CsvRows.Row> rows = table.rows();
    List<Series> stored = store.seriesOf(ownerId, latest.id(), List.of());
    List<Series> series =
        Actuals.appended(
            latest, stored, rows, columns.axis(), fillGiven, columns.maxSeriesLength(), replace);
    UploadCovariates covariates =
        ActualsCovariates.appended(
            store.covariates().names(ownerId, latest.id()),
            stored,
            store.covariates().all(ownerId, latest.id()),
            table,
            Actuals.replaced(stored, rows, replace),
            columns,
            Actuals.axis(latest, stored, columns.axis(), fillGiven),
            series);
    if (series.size() > limits.maxSeriesPerUpload()) {
      throw LimitExceededException.tooLarge(
          "max_series_per_upload", limits.maxSeriesPerUpload(), series.size(), "the dataset");
    }
    checkIds(series);
    String fill = fillGiven ? columns.axis().fill().label() : latest.fill();
    Dataset d = describe(ownerId, latest.name(), series, fill);
    store.insert(d, series, covariates);
    LOG.info(
        "dataset {}: version of '{}' after {} with {} actuals rows",
        d.id(),
        name,
        latest.id(),
        rows.size());
    return get(ownerId, d.id());
  }

  /**
   * What a future file stored.
   *
   * @param covariates the dataset's covariate names
   * @param skus how many series got future rows
   * @param rows future rows in all
   * @param horizon the fewest future rows of any series with covariates: the longest horizon a job
   *     with covariates may ask for
   */
  public record FutureStored(
      String datasetId, List<String> covariates, int skus, long rows, int horizon) {}

  /**
   * Reads a future file for a stored dataset and stores its rows in place of any earlier future
   * file's; nothing is stored when it is invalid.
   *
   * @param horizon when positive, every series with covariates needs this many future rows
   * @throws InvalidUploadException naming the column, SKU and stamp at fault
   * @throws MissingFutureCovariatesException when a series has fewer than {@code horizon} rows
   */
  public FutureStored uploadFuture(
      String ownerId,
      String datasetId,
      BodyFormat format,
      InputStream body,
      UploadFormat columns,
      int horizon) {
    get(ownerId, datasetId);
    CovariateStore covariates = store.covariates();
    List<String> names = covariates.names(ownerId, datasetId);
    Map<String, SeriesCovariates> stored = covariates.all(ownerId, datasetId);
    List<Series> series = store.seriesOf(ownerId, datasetId, List.of());
    Map<String, SeriesCovariates> future =
        FutureCovariates.read(
            body, format == BodyFormat.JSON, columns, names, series, stored, horizon);
    covariates.replaceFuture(datasetId, future);
    long rows = 0;
    int shortest = Integer.MAX_VALUE;
    for (SeriesCovariates c : stored.values()) {
      if (c.hasColumns()) {
        SeriesCovariates f = future.get(c.sku());
        int r = f == null ? 0 : f.futureRows();
        rows += r;
        shortest = Math.min(shortest, r);
      }
    }
    LOG.info("dataset {}: future covariates of {} series, {} rows", datasetId, future.size(), rows);
    return new FutureStored(
        datasetId, names, future.size(), rows, shortest == Integer.MAX_VALUE ? 0 : shortest);
  }

  /** The refusal of an upload whose values, gaps filled, pass the upload's or the user's limit. */
  private LimitExceededException tooManyValues(
      TooManyValuesException e, boolean quota, long stored) {
    String sku = e.seriesId().orElse("");
    String where =
        "series '" + NameRules.shown(sku) + "' spans " + e.span() + " periods (gaps filled) and";
    if (quota) {
      long max = limits.maxValuesPerUser();
      return LimitExceededException.tooLargeAt(
          "max_values_per_user",
          max,
          max - e.left() + e.span(),
          sku,
          where
              + " would take your stored values past "
              + max
              + " (max_values_per_user; you have "
              + stored
              + "); delete datasets you no longer need");
    }
    long max = limits.maxValuesPerUpload();
    return LimitExceededException.tooLargeAt(
        "max_values_per_upload",
        max,
        max - e.left() + e.span(),
        sku,
        where
            + " would take the upload past "
            + max
            + " values (max_values_per_upload); check its stamps, or upload fewer series at a"
            + " time");
  }

  private static <K extends Comparable<K>> K mostCommon(Map<K, Integer> counts) {
    return counts.entrySet().stream()
        .max(Map.Entry.<K, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
        .orElseThrow()
        .getKey();
  }

  public Dataset get(String ownerId, String id) {
    return store.get(ownerId, id).orElseThrow(() -> new DatasetNotFoundException("dataset", id));
  }

  public Series series(String ownerId, String datasetId, String sku) {
    get(ownerId, datasetId);
    return store
        .series(ownerId, datasetId, sku)
        .orElseThrow(() -> new DatasetNotFoundException("series", datasetId + "/" + sku));
  }

  public void delete(String ownerId, String id) {
    if (!store.delete(ownerId, id)) {
      throw new DatasetNotFoundException("dataset", id);
    }
  }
}
