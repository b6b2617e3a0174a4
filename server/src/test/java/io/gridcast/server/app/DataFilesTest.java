package io.gridcast.server.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridcast.server.config.DatabaseUrl;
import io.gridcast.server.config.Role;
import io.gridcast.server.config.ServerConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a server writes in its data directory is its user's alone. */
class DataFilesTest {
  @TempDir Path tmp;

  private static GridcastServer serve(Path dataDir) {
    return GridcastServer.create(
            ServerConfig.builder(Role.SERVE)
                .port(0)
                .dataDir(dataDir)
                .database(DatabaseUrl.sqliteIn(dataDir))
                .workers(1)
                .lease(Duration.ofSeconds(10))
                .build())
        .start();
  }

  private static String mode(Path p) throws Exception {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
  }

  @Test
  void aNewDataDirectory_is0700_andTheDatabaseItsWalAndTheAdminToken_are0600() throws Exception {
    Path dir = tmp.resolve("data");
    try (GridcastServer s = serve(dir)) {
      assertThat(mode(dir)).isEqualTo("rwx------");
      for (String f : new String[] {"gridcast.db", "gridcast.db-wal", "gridcast.db-shm"}) {
        assertThat(dir.resolve(f)).exists();
        assertThat(mode(dir.resolve(f))).as(f).isEqualTo("rw-------");
      }
      assertThat(mode(dir.resolve("admin.token"))).isEqualTo("rw-------");
    }
  }

  @Test
  void databaseFilesThatOthersCouldRead_areMadePrivateAtStart() throws Exception {
    Path dir = tmp.resolve("old");
    serve(dir).close();
    Files.setPosixFilePermissions(
        dir.resolve("gridcast.db"), PosixFilePermissions.fromString("rw-r--r--"));
    try (GridcastServer s = serve(dir)) {
      assertThat(mode(dir.resolve("gridcast.db"))).isEqualTo("rw-------");
      assertThat(mode(dir.resolve("gridcast.db-wal"))).isEqualTo("rw-------");
    }
  }

  @Test
  void anExistingSharedDirectory_keepsItsMode() throws Exception {
    Path shared = Files.createDirectory(tmp.resolve("shared"));
    Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxr-xr-x"));
    try (GridcastServer s = serve(shared)) {
      assertThat(mode(shared)).isEqualTo("rwxr-xr-x");
      assertThat(mode(shared.resolve("gridcast.db"))).isEqualTo("rw-------");
    }
  }
}
