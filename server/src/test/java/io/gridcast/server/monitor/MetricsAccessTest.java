package io.gridcast.server.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridcast.server.app.GridcastServer;
import io.gridcast.server.auth.UserRole;
import io.gridcast.server.config.MonitorConfig;
import io.gridcast.server.config.Role;
import io.gridcast.server.it.Http;
import io.gridcast.server.it.TestDatabases;
import io.gridcast.server.it.TestServers;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class MetricsAccessTest {

  @Test
  void adminAccess_refusesAnonymousAndUsers_andServesAdmins() {
    MonitorConfig cfg =
        MonitorConfig.DEFAULTS
            .withSampleInterval(Duration.ZERO)
            .withMetricsAccess(MonitorConfig.MetricsAccess.ADMIN);
    try (GridcastServer server = TestServers.start(Role.API, TestDatabases.sqlite(), 1, cfg)) {
      assertThat(new Http(server.url()).get("/metrics").status()).isEqualTo(401);
      Http.Res asUser = TestServers.client(server).get("/metrics");
      assertThat(asUser.status()).isEqualTo(403);
      assertThat(asUser.json().path("error").path("code").asText()).isEqualTo("forbidden");
      Http admin = new Http(server.url(), TestServers.addUser(server, "ops", UserRole.ADMIN));
      Http.Res ok = admin.get("/metrics");
      assertThat(ok.status()).isEqualTo(200);
      assertThat(ok.body()).contains("# TYPE gridcast_http_server_requests_seconds histogram");
    }
  }

  @Test
  void loopbackAccess_servesThisMachineWithoutAToken() {
    MonitorConfig cfg = MonitorConfig.DEFAULTS.withSampleInterval(Duration.ZERO);
    try (GridcastServer server = TestServers.start(Role.API, TestDatabases.sqlite(), 1, cfg)) {
      Http.Res r = new Http(server.url()).get("/metrics");
      assertThat(r.status()).isEqualTo(200);
      assertThat(r.body()).contains("jvm_threads_live_threads");
    }
  }
}
