package io.gridcast.server.it;

import io.gridcast.server.app.GridcastServer;
import io.gridcast.server.config.DatabaseUrl;
import io.gridcast.server.config.Role;
import io.gridcast.server.config.ServerConfig;
import java.nio.file.Path;
import java.time.Duration;

/** Starts real servers on a random port for tests. */
public final class TestServers {
  private TestServers() {}

  public static GridcastServer start(Role role, DatabaseUrl db, int workers) {
    ServerConfig cfg =
        new ServerConfig(
            role,
            "127.0.0.1",
            0,
            Path.of(System.getProperty("java.io.tmpdir")),
            db,
            workers,
            ServerConfig.DEFAULT_MAX_UPLOAD_BYTES,
            Duration.ofSeconds(10),
            ServerConfig.DEFAULT_EVENT_POLL);
    return GridcastServer.start(cfg);
  }

  /** A monthly long CSV: {@code skus} series of {@code months} values with trend and season. */
  public static String monthlyCsv(int skus, int months, double scaleLastYear) {
    StringBuilder sb = new StringBuilder("unique_id,ds,y\n");
    for (int s = 0; s < skus; s++) {
      for (int m = 0; m < months; m++) {
        double y = 100 + 10 * s + 20 * Math.sin(2 * Math.PI * m / 12) + m;
        if (s == 1 && m >= months - 12) {
          y *= scaleLastYear;
        }
        sb.append("SKU")
            .append(s)
            .append(',')
            .append(2020 + m / 12)
            .append('-')
            .append(String.format("%02d", m % 12 + 1))
            .append("-01,")
            .append(String.format(java.util.Locale.ROOT, "%.3f", y))
            .append('\n');
      }
    }
    return sb.toString();
  }
}
