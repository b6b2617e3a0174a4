package io.gridcast.server.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.gridcast.server.app.GridcastServer;
import io.gridcast.server.auth.UserRole;
import io.gridcast.server.config.DatabaseUrl;
import io.gridcast.server.config.Role;
import io.gridcast.server.config.ServerConfig;
import io.gridcast.server.it.Http;
import io.gridcast.server.it.TestServers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A profile recording holds no environment, properties or command lines, and is 0600. */
class ProfileSecretsTest {
  /** The JFR events that copy the environment, properties and command lines. */
  private static final List<String> SECRETS =
      List.of(
          "jdk.InitialEnvironmentVariable",
          "jdk.InitialSystemProperty",
          "jdk.JVMInformation",
          "jdk.SystemProcess");

  @TempDir Path dataDir;

  @Test
  void aProfile_hasNoEnvironmentPropertiesOrCommandLines_andOnlyItsOwnerReadsTheFile()
      throws Exception {
    try (GridcastServer server =
        GridcastServer.create(
                ServerConfig.builder(Role.SERVE)
                    .port(0)
                    .dataDir(dataDir)
                    .database(DatabaseUrl.sqliteIn(dataDir))
                    .workers(1)
                    .lease(Duration.ofSeconds(10))
                    .build())
            .start()) {
      Http admin = new Http(server.url(), TestServers.addUser(server, "ops", UserRole.ADMIN));
      Http.Res started = admin.postJson("/api/performance/profile", "{\"seconds\":1}");
      assertThat(started.status()).as(started.body()).isEqualTo(202);
      String id = started.json().path("job_id").asText();
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() ->
              admin.get("/api/jobs/" + id).json().path("status").asText().equals("completed"));

      Path dir = dataDir.resolve("profiles");
      Path file = dir.resolve(id + ".jfr");
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)))
          .isEqualTo("rwx------");
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
          .isEqualTo("rw-------");
      List<RecordedEvent> events = RecordingFile.readAllEvents(file);
      assertThat(events).isNotEmpty();
      assertThat(events)
          .extracting(e -> e.getEventType().getName())
          .doesNotContainAnyElementsOf(SECRETS);
    }
  }
}
