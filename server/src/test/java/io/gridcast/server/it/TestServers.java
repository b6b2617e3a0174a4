package io.gridcast.server.it;

import io.gridcast.server.app.GridcastServer;
import io.gridcast.server.auth.UserRole;
import io.gridcast.server.auth.UserStore;
import io.gridcast.server.config.DatabaseUrl;
import io.gridcast.server.config.Limits;
import io.gridcast.server.config.MonitorConfig;
import io.gridcast.server.config.Role;
import io.gridcast.server.config.ServerConfig;
import io.gridcast.server.db.Database;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/** Starts real servers on a random port for tests. */
public final class TestServers {
  private static final AtomicInteger USERS = new AtomicInteger();

  private TestServers() {}

  public static GridcastServer start(Role role, DatabaseUrl db, int workers) {
    return GridcastServer.create(config(role, db, workers).build()).start();
  }

  /** A server with the given limits. */
  public static GridcastServer start(Role role, DatabaseUrl db, int workers, Limits limits) {
    return GridcastServer.create(config(role, db, workers).limits(limits).build()).start();
  }

  /** A server with the given monitoring settings (alert limits, sampling, /metrics access). */
  public static GridcastServer start(
      Role role, DatabaseUrl db, int workers, MonitorConfig monitor) {
    return GridcastServer.create(config(role, db, workers).monitor(monitor).build()).start();
  }

  /** A test configuration: loopback, any free port, a 10 s lease. */
  public static ServerConfig.Builder config(Role role, DatabaseUrl db, int workers) {
    return ServerConfig.builder(role)
        .port(0)
        .dataDir(Path.of(System.getProperty("java.io.tmpdir")))
        .database(db)
        .workers(workers)
        .lease(Duration.ofSeconds(10));
  }

  /** Adds a user to the server's database and returns its token. */
  public static String addUser(GridcastServer server, String name, UserRole role) {
    return new UserStore(server.database().jdbc(), InstantSource.system()).add(name, role).token();
  }

  /** Adds a user to the database at {@code db} (migrating it first) and returns its token. */
  public static String addUser(DatabaseUrl db, String name, UserRole role) {
    try (Database d = Database.open(db, 2)) {
      return new UserStore(d.jdbc(), InstantSource.system()).add(name, role).token();
    }
  }

  /** A client authenticated as a fresh ordinary user of {@code server}. */
  public static Http client(GridcastServer server) {
    String name = "tester-" + USERS.incrementAndGet();
    return new Http(server.url(), addUser(server, name, UserRole.USER));
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
            .append(String.format(Locale.ROOT, "%.3f", y))
            .append('\n');
      }
    }
    return sb.toString();
  }
}
