package io.gridcast.server.it;

import io.gridcast.server.config.DatabaseUrl;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Real databases for tests: a SQLite file in a fresh temp directory, or a fresh database on one
 * embedded PostgreSQL server shared by the test JVM (started on first use, stopped at exit).
 */
public final class TestDatabases {
  private static final AtomicInteger COUNTER = new AtomicInteger();
  private static EmbeddedPostgres postgres;

  private TestDatabases() {}

  public static DatabaseUrl sqlite() {
    try {
      Path dir = Files.createTempDirectory("gridcast-server-test");
      return DatabaseUrl.sqliteIn(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static synchronized DatabaseUrl postgres() {
    try {
      if (postgres == null) {
        postgres = EmbeddedPostgres.builder().start();
        EmbeddedPostgres started = postgres;
        Runtime.getRuntime()
            .addShutdownHook(
                new Thread(() -> {
                  try {
                    started.close();
                  } catch (IOException e) {
                    // JVM exit: nothing left to do
                  }
                }));
      }
      String name = "s" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
      try (Connection c = postgres.getPostgresDatabase().getConnection();
          Statement s = c.createStatement()) {
        s.execute("CREATE DATABASE " + name);
      }
      return new DatabaseUrl(
          "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + name, "postgres", "postgres");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  public static DatabaseUrl of(String kind) {
    return switch (kind) {
      case "sqlite" -> sqlite();
      case "postgresql" -> postgres();
      default -> throw new IllegalArgumentException(kind);
    };
  }
}
