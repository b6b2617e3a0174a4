package io.gridcast.server.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridcast.server.app.GridcastServer;
import io.gridcast.server.cli.GridcastCli;
import io.gridcast.server.config.ConfigException;
import io.gridcast.server.config.Role;
import io.gridcast.server.config.ServerConfig;
import io.gridcast.server.it.Http;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FirstRunAndBindingTest {
  @TempDir Path dir;

  private ServerConfig serveIn(Path dataDir) {
    return ServerConfig.builder(Role.SERVE).port(0).dataDir(dataDir).workers(1).build();
  }

  @Test
  void firstServe_onTheEmbeddedDefault_writesAnAdminTokenReadableOnlyByTheOwner_once()
      throws Exception {
    Path file = dir.resolve("admin.token");
    String token;
    try (GridcastServer server = GridcastServer.create(serveIn(dir)).start()) {
      assertThat(file).exists();
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
          .isEqualTo("rw-------");
      token = Files.readString(file).strip();
      Http admin = new Http(server.url(), token);
      assertThat(admin.get("/api/models").status()).isEqualTo(200);
      assertThat(new Http(server.url()).get("/api/models").status()).isEqualTo(401);
    }
    try (GridcastServer again = GridcastServer.create(serveIn(dir)).start()) {
      assertThat(Files.readString(file).strip()).isEqualTo(token);
      assertThat(new Http(again.url(), token).get("/api/jobs/status").status()).isEqualTo(200);
    }
  }

  @Test
  void bindingANonLoopbackHost_withAuthenticationOff_isRefusedAtStart() {
    ServerConfig local = serveIn(dir).toBuilder().auth(false).build();
    assertThat(local.auth()).isFalse();
    assertThatThrownBy(() ->
            ServerConfig.builder(Role.API)
                .host("0.0.0.0")
                .port(0)
                .dataDir(dir)
                .workers(1)
                .auth(false)
                .build())
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("0.0.0.0");
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        GridcastCli.run(
            new PrintWriter(out, true),
            new PrintWriter(err, true),
            "serve",
            "--host",
            "10.1.2.3",
            "--no-auth",
            "--data-dir",
            dir.toString());
    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("refusing to serve without authentication");
    assertThat(ServerConfig.loopback("127.0.0.1")).isTrue();
    assertThat(ServerConfig.loopback("localhost")).isTrue();
    assertThat(ServerConfig.loopback("::1")).isTrue();
    assertThat(ServerConfig.loopback("0.0.0.0")).isFalse();
    assertThat(ServerConfig.loopback("127.0.0.1.evil.example")).isFalse();
  }

  @Test
  void authenticationOff_onLoopback_servesTheLocalUserWithoutAToken() {
    try (GridcastServer server =
        GridcastServer.create(serveIn(dir).toBuilder().auth(false).build()).start()) {
      assertThat(new Http(server.url()).get("/api/jobs/status").status()).isEqualTo(200);
      assertThat(dir.resolve("admin.token")).doesNotExist();
    }
  }
}
