package io.gridcast.bench.series;

import io.gridcast.forecast.series.Series;
import io.gridcast.forecast.series.SeriesCsvReader;
import java.io.StringReader;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Cost per row of {@link SeriesCsvReader} on a long CSV of {@value #SERIES} series x {@value
 * #LENGTH} rows held in memory (no disk), for each form of {@code ds}: an integer index, an ISO
 * date (daily), an ISO date-time with a space (hourly, {@code 2024-01-01 00:00:00}) and one with
 * {@code T} and {@code Z} (hourly UTC). {@code OperationsPerInvocation} is the row count, so ns/op
 * is the cost of one row: splitting, parsing {@code ds} and {@code y}, and assembling the series.
 *
 * <p>Run: {@code java -jar bench/target/benchmarks.jar SeriesCsvReader -f 1 -wi 3 -i 5}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SeriesCsvReaderBenchmark {
  static final int SERIES = 1_000;
  static final int LENGTH = 1_000;
  static final int ROWS = SERIES * LENGTH;

  @Param({"index", "date", "datetime", "utc"})
  public String ds;

  private String csv;
  private SeriesCsvReader reader;

  /** The CSV of {@value #SERIES} x {@value #LENGTH} rows with {@code ds} in form {@code ds}. */
  static String csv(String ds) {
    StringBuilder b = new StringBuilder(ROWS * 36).append("unique_id,ds,y\n");
    LocalDate day0 = LocalDate.of(2000, 1, 1);
    LocalDateTime hour0 = LocalDateTime.of(2024, 1, 1, 0, 0);
    for (int s = 0; s < SERIES; s++) {
      for (int t = 0; t < LENGTH; t++) {
        b.append("SKU").append(s).append(',');
        switch (ds) {
          case "index" -> b.append(t + 1);
          case "date" -> b.append(day0.plusDays(t));
          case "datetime" ->
              b.append(hour0.plusHours(t).toString().replace('T', ' ')).append(":00");
          case "utc" -> b.append(hour0.plusHours(t)).append(":00Z");
          default -> throw new IllegalArgumentException(ds);
        }
        b.append(',')
            .append(String.format(Locale.ROOT, "%.2f", 100 + 10 * Math.sin(t / 3.0) + s % 7))
            .append('\n');
      }
    }
    return b.toString();
  }

  @Setup
  public void setUp() {
    csv = csv(ds);
    reader = SeriesCsvReader.standard();
    List<Series> once = reader.read(new StringReader(csv));
    if (once.size() != SERIES || once.get(0).length() != LENGTH) {
      throw new IllegalStateException("unexpected read: " + once.size() + " series");
    }
  }

  @Benchmark
  @OperationsPerInvocation(ROWS)
  public List<Series> read() {
    return reader.read(new StringReader(csv));
  }
}
