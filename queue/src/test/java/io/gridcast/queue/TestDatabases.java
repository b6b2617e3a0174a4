package io.gridcast.queue;

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
 * Real databases for tests: a SQLite file in a temp directory, or a fresh database on one embedded
 * PostgreSQL server shared by the whole test JVM (started on first use, stopped at exit).
 */
public final class TestDatabases {
  private static final AtomicInteger COUNTER = new AtomicInteger();
  private static EmbeddedPostgres postgres;

  private TestDatabases() {}

  /** Where a test connects: URL plus credentials. */
  public record Db(String kind, String url, String user, String password) {
    @Override
    public String toString() {
      return kind;
    }
  }

  public static Db sqlite() {
    try {
      Path dir = Files.createTempDirectory("gridcast-queue-test");
      return new Db("sqlite", "jdbc:sqlite:" + dir.resolve("queue.db"), null, null);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static synchronized Db postgres() {
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
      String name = "q" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
      try (Connection c = postgres.getPostgresDatabase().getConnection();
          Statement s = c.createStatement()) {
        s.execute("CREATE DATABASE " + name);
      }
      return new Db(
          "postgresql",
          "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + name,
          "postgres",
          "postgres");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
