package io.gridcast.server.dataset;

import io.gridcast.forecast.series.Fill;
import io.gridcast.forecast.series.Series;
import io.gridcast.forecast.series.SeriesCsvReader;
import io.gridcast.forecast.series.TimeAxisOptions;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The series of a dataset's next version: the stored series with actuals appended. Every row goes
 * through the series reader again with the stored date format, so a new stamp must sit on the
 * series' calendar after its end (a gap is refused or filled as the dataset's fill says), and a new
 * SKU starts a new series. A stamp the series already holds is refused, or with {@code replace} its
 * value is replaced. Stateless.
 */
final class Actuals {
  private Actuals() {}

  /**
   * @param options the caller's time-axis options; the stored date format always applies, and the
   *     dataset's fill unless {@code fillGiven}
   */
  static List<Series> appended(
      Dataset latest,
      List<Series> stored,
      List<CsvRows.Row> rows,
      TimeAxisOptions options,
      boolean fillGiven,
      int maxLength,
      boolean replace) {
    TimeAxisOptions axis = axis(latest, stored, options, fillGiven);
    Map<String, Set<String>> replaced = replaced(stored, rows, replace);
    SeriesCsvReader.Rows sink =
        SeriesCsvReader.builder()
            .columns(SeriesCsvReader.ID, SeriesCsvReader.DS, SeriesCsvReader.Y)
            .options(axis)
            .maxLength(maxLength)
            .build()
            .rows();
    try {
      for (Series s : stored) {
        Set<String> gone = replaced.getOrDefault(s.id(), Set.of());
        double[] v = s.values();
        for (int i = 0; i < v.length; i++) {
          String label = s.axis().label(i);
          if (!gone.contains(label)) {
            // stored rows have no line of the caller's; errors name the actuals' lines
            sink.add(s.id(), label, Double.isFinite(v[i]) ? Double.toString(v[i]) : "", 0);
          }
        }
      }
      for (CsvRows.Row r : rows) {
        sink.add(r.id(), r.ds(), r.y(), r.line());
      }
      return sink.build();
    } catch (RuntimeException e) {
      throw UploadParser.invalid(e, false);
    }
  }

  /**
   * The time-axis options the actuals are read with: the stored date format always, the dataset's
   * fill unless the caller chose one, the stored seasonal periods when they are common and the
   * caller gave none.
   */
  static TimeAxisOptions axis(
      Dataset latest, List<Series> stored, TimeAxisOptions options, boolean fillGiven) {
    TimeAxisOptions axis =
        options.withDateFormat(
            stored.isEmpty() ? null : DatasetStore.dateFormat(stored.get(0).axis()));
    if (!fillGiven) {
      axis = axis.withFill(Fill.parse(latest.fill()));
    }
    if (options.seasonality() == null) {
      double[] common = commonPeriods(stored);
      if (common != null) {
        axis = axis.withSeasonality(common);
      }
    }
    return axis;
  }

  /**
   * The stamps, by SKU, that actuals replace.
   *
   * @throws StampExistsException for a stamp the dataset holds, unless {@code replace}
   */
  static Map<String, Set<String>> replaced(
      List<Series> stored, List<CsvRows.Row> rows, boolean replace) {
    Map<String, Set<String>> labels = new HashMap<>();
    for (Series s : stored) {
      Set<String> set = new HashSet<>();
      for (int i = 0; i < s.length(); i++) {
        set.add(s.axis().label(i));
      }
      labels.put(s.id(), set);
    }
    Map<String, Set<String>> replaced = new HashMap<>();
    for (CsvRows.Row r : rows) {
      Set<String> has = labels.get(r.id());
      if (has != null && has.contains(r.ds())) {
        if (!replace) {
          throw new StampExistsException(r.id(), r.ds(), r.line());
        }
        replaced.computeIfAbsent(r.id(), k -> new HashSet<>()).add(r.ds());
      }
    }
    return replaced;
  }

  /** The seasonal periods every stored series shares, or null when they differ. */
  private static double[] commonPeriods(List<Series> stored) {
    double[] first = null;
    for (Series s : stored) {
      double[] p = s.seasonalPeriods();
      if (first == null) {
        first = p;
      } else if (!Arrays.equals(first, p)) {
        return null;
      }
    }
    return first;
  }
}
