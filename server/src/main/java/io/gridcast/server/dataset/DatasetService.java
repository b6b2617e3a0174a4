package io.gridcast.server.dataset;

import io.gridcast.forecast.series.Series;
import io.gridcast.queue.jdbc.UuidV7;
import io.gridcast.server.config.LimitExceededException;
import java.io.InputStream;
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
 * (its own, or the queue's job insert when the upload creates jobs). Thread-safe.
 */
public final class DatasetService {
  private static final Logger LOG = LoggerFactory.getLogger(DatasetService.class);

  /** Body formats an upload may have. */
  public enum BodyFormat {
    CSV,
    JSON
  }

  /** An accepted upload: the dataset, its series and their SKUs in upload order. */
  public record Upload(Dataset dataset, List<Series> series, List<String> skus) {}

  private final DatasetStore store;
  private final UploadParser parser = new UploadParser();
  private final int maxSeries;
  private final InstantSource clock;
  private final UuidV7 ids;

  /**
   * @param maxSeries the most series one upload may hold (413 beyond)
   */
  public DatasetService(DatasetStore store, InstantSource clock, int maxSeries) {
    this.store = store;
    this.clock = clock;
    this.ids = new UuidV7(clock);
    this.maxSeries = maxSeries;
  }

  public DatasetStore store() {
    return store;
  }

  /**
   * Parses and stores an upload for {@code ownerId} in one transaction; nothing is stored when it
   * is invalid.
   *
   * @throws InvalidUploadException naming the line (row) and column (field) of the first problem
   */
  public Upload upload(
      String ownerId, BodyFormat format, InputStream body, UploadFormat columns, String name) {
    Upload u = parse(ownerId, format, body, columns, name);
    long t0 = System.nanoTime();
    store.insert(u.dataset(), u.series());
    LOG.info("dataset {}: stored in {} ms", u.dataset().id(), (System.nanoTime() - t0) / 1_000_000);
    return u;
  }

  /**
   * Writes a parsed upload on the caller's connection, in the caller's transaction (the queue's job
   * insert: an upload with {@code ?optimize=true} and its jobs commit together or not at all).
   */
  public void storeIn(Connection c, Upload u) throws SQLException {
    store.insertIn(c, u.dataset(), u.series());
  }

  /**
   * Parses and validates an upload for {@code ownerId} without storing anything.
   *
   * @throws InvalidUploadException naming the line (row) and column (field) of the first problem
   */
  public Upload parse(
      String ownerId, BodyFormat format, InputStream body, UploadFormat columns, String name) {
    long t0 = System.nanoTime();
    UploadParser.Parsed parsed =
        switch (format) {
          case CSV -> parser.csv(body, columns);
          case JSON -> parser.json(body, columns);
        };
    List<Series> series = parsed.series();
    if (series.size() > maxSeries) {
      throw LimitExceededException.tooLarge(
          "max_series_per_upload", maxSeries, series.size(), "the upload");
    }
    for (Series s : series) {
      if (s.id().chars().anyMatch(Character::isISOControl)) {
        // ids travel in URL paths (/series/{sku}) and CSV exports, where controls cannot
        throw new InvalidUploadException(
            "series id contains a control character (U+0000..U+001F, U+007F..U+009F): '"
                + s.id().replaceAll("\\p{Cntrl}", "?")
                + "'",
            Map.of("field", "unique_id"));
      }
    }
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
    String label = name != null && !name.isBlank() ? name : parsed.name();
    if (label != null && label.indexOf('\0') >= 0) {
      throw new InvalidUploadException(
          "name must not contain the NUL character", Map.of("field", "name"));
    }
    Dataset d =
        new Dataset(
            id,
            ownerId,
            label == null || label.isBlank() ? "dataset " + id.substring(0, 8) : label,
            mostCommon(freqCounts),
            mostCommon(periodCounts),
            series.size(),
            values,
            columns.axis().fill().label(),
            filled,
            clock.instant());
    LOG.info(
        "dataset {}: {} series, {} values; parsed in {} ms",
        id,
        series.size(),
        values,
        (System.nanoTime() - t0) / 1_000_000);
    return new Upload(d, series, series.stream().map(Series::id).toList());
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
