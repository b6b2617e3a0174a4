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

/** A worker process, which serves no API, serves {@code /metrics} on a port of its own. */
class WorkerMetricsTest {
  private static final MonitorConfig QUIET =
      MonitorConfig.DEFAULTS.withSampleInterval(Duration.ZERO);

  @Test
  void worker_servesItsJobMetrics_toAdminsOnly_whenAccessIsAdmin() {
    MonitorConfig cfg =
        QUIET.withMetricsAccess(MonitorConfig.MetricsAccess.ADMIN).withMetricsPort(0);
    try (GridcastServer worker = TestServers.start(Role.WORKER, TestDatabases.sqlite(), 2, cfg)) {
      String url = "http://127.0.0.1:" + worker.monitoring().metricsPort().orElseThrow();
      Http.Res anonymous = new Http(url).get("/metrics");
      assertThat(anonymous.status()).isEqualTo(401);
      assertThat(anonymous.json().path("error").path("code").asText()).isEqualTo("unauthorized");
      Http.Res asUser =
          new Http(url, TestServers.addUser(worker, "w-user", UserRole.USER)).get("/metrics");
      assertThat(asUser.status()).isEqualTo(403);

      Http admin = new Http(url, TestServers.addUser(worker, "w-ops", UserRole.ADMIN));
      Http.Res ok = admin.get("/metrics");
      assertThat(ok.status()).isEqualTo(200);
      assertThat(ok.contentType()).startsWith("text/plain");
      assertThat(ok.body())
          .contains("gridcast_worker_slots 2.0")
          .contains("gridcast_jobs_running 0.0")
          .contains("gridcast_job_enqueue_to_start_seconds_count{type=\"optimization\"}")
          .contains("jvm_threads_live_threads");
      assertThat(admin.get("/api/jobs/status").status()).isEqualTo(404);
    }
  }

  @Test
  void worker_withoutAMetricsPort_listensNowhere() {
    try (GridcastServer worker = TestServers.start(Role.WORKER, TestDatabases.sqlite(), 1, QUIET)) {
      assertThat(worker.monitoring().metricsPort()).isEmpty();
      assertThat(worker.port()).isEqualTo(-1);
    }
  }
}
