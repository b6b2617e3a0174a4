package io.gridcast.bench.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Random;

/**
 * The synthetic uploads: monthly series with level, seasonality and noise, {@code skus} per upload
 * with SKU names unique across uploads, so every job has its own result row.
 */
final class Workload {
  private Workload() {}

  static String csv(String prefix, int skus, int points, long seed) {
    Random rnd = new Random(seed);
    LocalDate start = LocalDate.of(2020, 1, 1);
    StringBuilder sb = new StringBuilder(skus * points * 24);
    sb.append("unique_id,ds,y\n");
    for (int s = 0; s < skus; s++) {
      double level = 50 + rnd.nextDouble() * 500;
      double trend = rnd.nextGaussian() * 0.5;
      for (int m = 0; m < points; m++) {
        double y =
            level
                + trend * m
                + level * 0.2 * Math.sin(2 * Math.PI * m / 12)
                + rnd.nextGaussian() * level * 0.05;
        sb.append(prefix)
            .append(s)
            .append(',')
            .append(start.plusMonths(m))
            .append(',')
            .append(String.format(Locale.ROOT, "%.2f", Math.max(0, y)))
            .append('\n');
      }
    }
    return sb.toString();
  }

  static String loadavg() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).strip();
    } catch (IOException e) {
      return "?";
    }
  }
}
