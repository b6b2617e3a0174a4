package io.gridcast.bench.accuracy;

import io.gridcast.bench.data.BenchSeries;
import io.gridcast.forecast.series.Frequency;
import io.gridcast.forecast.series.Series;
import io.gridcast.forecast.series.SeriesCsvReader;
import java.io.StringReader;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The training parts of hourly benchmark series with their integer {@code ds} rewritten as hourly
 * timestamps ({@code 2016-01-01 00:00:00} for ds 1, one hour per step), read back through {@link
 * SeriesCsvReader} with the frequency inferred: the path a planner's timestamped upload takes. The
 * accuracy of these series must equal the integer run's.
 */
final class TimestampedSeries {
  static final LocalDateTime FIRST = LocalDateTime.of(2016, 1, 1, 0, 0);

  private TimestampedSeries() {}

  /** Series by id, read from the rewritten CSV; refuses anything that is not inferred as hourly. */
  static Map<String, Series> read(List<BenchSeries> series) {
    StringBuilder csv = new StringBuilder(1 << 20).append("unique_id,ds,y\n");
    for (BenchSeries b : series) {
      double[] y = b.train();
      long first = Long.parseLong(b.firstDs());
      for (int t = 0; t < y.length; t++) {
        String ds = FIRST.plusHours(first - 1 + t).toString().replace('T', ' ') + ":00";
        csv.append(b.id()).append(',').append(ds).append(',').append(y[t]).append('\n');
      }
    }
    List<Series> read = SeriesCsvReader.standard().read(new StringReader(csv.toString()));
    Map<String, Series> byId = new HashMap<>();
    for (Series s : read) {
      if (!s.axis().frequency().equals(Frequency.HOURLY)) {
        throw new IllegalStateException(
            s.id() + " was read as " + s.axis().frequency().name() + ", not h");
      }
      byId.put(s.id(), s);
    }
    Series first = read.get(0);
    System.out.printf(
        "%ntimestamped ds: %d series read as %s, %s ... %s, seasonal periods %s, period %d%n",
        read.size(),
        first.axis().frequency().name(),
        first.axis().label(0),
        first.axis().label(first.length() - 1),
        Arrays.toString(first.seasonalPeriods()),
        first.period());
    return byId;
  }
}
