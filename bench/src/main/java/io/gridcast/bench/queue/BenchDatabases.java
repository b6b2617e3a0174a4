package io.gridcast.bench.queue;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/** One embedded PostgreSQL per harness run (a fresh database per measurement) and SQLite files. */
public final class BenchDatabases implements AutoCloseable {
  /** Where to connect. */
  public record Db(String url, String user, String password) {}

  private final AtomicInteger counter = new AtomicInteger();
  private EmbeddedPostgres postgres;

  public synchronized Db postgres() {
    try {
      if (postgres == null) {
        postgres = EmbeddedPostgres.builder().start();
      }
      String name = "bench_" + counter.incrementAndGet();
      try (Connection c = postgres.getPostgresDatabase().getConnection();
          Statement s = c.createStatement()) {
        s.execute("CREATE DATABASE " + name);
      }
      return new Db(
          "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + name, "postgres", "postgres");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create a benchmark database", e);
    }
  }

  public Db sqlite() {
    try {
      Path dir = Files.createTempDirectory("gridcast-bench");
      return new Db("jdbc:sqlite:" + dir.resolve("bench.db"), null, null);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    if (postgres != null) {
      try {
        postgres.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
