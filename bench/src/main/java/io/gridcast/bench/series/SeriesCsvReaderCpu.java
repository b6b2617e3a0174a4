package io.gridcast.bench.series;

import io.gridcast.forecast.series.SeriesCsvReader;
import java.io.StringReader;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;

/**
 * Thread CPU time per row of {@link SeriesCsvReader#read} on the inputs of {@link
 * SeriesCsvReaderBenchmark} (1,000 series x 1,000 rows), for each form of {@code ds}, and its ratio
 * to the integer form measured in the same run: CPU time, unlike the wall time JMH reports, does
 * not grow when other processes share the cores. Minimum over 10 reads after 5 warm-up reads.
 *
 * <p>Target: a date or date-time row costs at most 1.5x an integer row.
 *
 * <p>Run: {@code java -Xmx2g -cp bench/target/benchmarks.jar
 * io.gridcast.bench.series.SeriesCsvReaderCpu [index date datetime utc]}.
 */
public final class SeriesCsvReaderCpu {
  private SeriesCsvReaderCpu() {}

  public static void main(String[] args) {
    String[] forms = args.length > 0 ? args : new String[] {"index", "date", "datetime", "utc"};
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    SeriesCsvReader reader = SeriesCsvReader.standard();
    double baseline = Double.NaN;
    System.out.println("| ds | CPU ns per row | ratio to index |");
    System.out.println("|---|---|---|");
    for (String form : forms) {
      String csv = SeriesCsvReaderBenchmark.csv(form);
      long best = Long.MAX_VALUE;
      for (int i = 0; i < 15; i++) {
        long t0 = mx.getCurrentThreadCpuTime();
        reader.read(new StringReader(csv));
        long spent = mx.getCurrentThreadCpuTime() - t0;
        if (i >= 5) {
          best = Math.min(best, spent);
        }
      }
      double perRow = best / (double) SeriesCsvReaderBenchmark.ROWS;
      if (form.equals("index")) {
        baseline = perRow;
      }
      System.out.printf(Locale.ROOT, "| %s | %.0f | %.2f |%n", form, perRow, perRow / baseline);
    }
  }
}
