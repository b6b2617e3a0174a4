package io.gridcast.server.it;

import io.gridcast.server.config.DatabaseUrl;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

/**
 * Real databases for server tests: a SQLite file in a fresh temp directory, or a fresh database on
 * the queue's test support's embedded PostgreSQL (one server per test JVM).
 */
public final class TestDatabases {
  private TestDatabases() {}

  public static DatabaseUrl sqlite() {
    try {
      return DatabaseUrl.sqliteIn(Files.createTempDirectory("gridcast-server-test"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static DatabaseUrl postgres() {
    io.gridcast.queue.TestDatabases.Db db = io.gridcast.queue.TestDatabases.postgres();
    return new DatabaseUrl(db.url(), db.user(), db.password());
  }

  public static DatabaseUrl of(String kind) {
    return switch (kind) {
      case "sqlite" -> sqlite();
      case "postgresql" -> postgres();
      default -> throw new IllegalArgumentException(kind);
    };
  }
}
