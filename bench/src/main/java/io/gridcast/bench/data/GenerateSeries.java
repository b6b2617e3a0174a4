package io.gridcast.bench.data;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Random;

/**
 * Writes a seeded long CSV ({@code unique_id,ds,y}) of monthly series with level, trend, yearly
 * season and noise, for load runs of {@code gridcast optimize} and the server.
 *
 * <p>Usage: {@code GenerateSeries OUT.csv [series=100000] [points=120] [seed=42]}.
 */
public final class GenerateSeries {
  private GenerateSeries() {}

  public static void main(String[] args) throws IOException {
    Path out = Path.of(args[0]);
    int series = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
    int points = args.length > 2 ? Integer.parseInt(args[2]) : 120;
    Random r = new Random(args.length > 3 ? Long.parseLong(args[3]) : 42);
    LocalDate start = LocalDate.of(2015, 1, 1);
    String[] ds = new String[points];
    for (int t = 0; t < points; t++) {
      ds[t] = start.plusMonths(t).toString();
    }
    try (BufferedWriter w = Files.newBufferedWriter(out)) {
      w.write("unique_id,ds,y\n");
      for (int i = 0; i < series; i++) {
        double level = 50 + 950 * r.nextDouble();
        double trend = level * (r.nextDouble() - 0.4) * 0.01;
        double season = level * 0.3 * r.nextDouble();
        double noise = level * 0.1 * r.nextDouble();
        String id = "SKU" + i;
        for (int t = 0; t < points; t++) {
          double y =
              level
                  + trend * t
                  + season * Math.sin(2 * Math.PI * t / 12)
                  + noise * r.nextGaussian();
          w.write(id);
          w.write(',');
          w.write(ds[t]);
          w.write(',');
          w.write(Long.toString(Math.max(0, Math.round(y))));
          w.write('\n');
        }
      }
    }
  }
}
