package io.gridcast.server.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gridcast.server.app.GridcastServer;
import io.gridcast.server.config.MonitorConfig;
import io.gridcast.server.config.Role;
import io.gridcast.server.it.Http;
import io.gridcast.server.it.TestDatabases;
import io.gridcast.server.it.TestServers;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code deploy/grafana/gridcast.json}: every metric its panels and variables read is in the {@code
 * /metrics} answer of a real {@code serve} process that took an upload and ran its jobs, and the
 * dashboard shows what operators look for first.
 */
class GrafanaDashboardTest {
  private static final Path DASHBOARD = DeployFiles.DEPLOY.resolve("grafana/gridcast.json");

  private static JsonNode dashboard() throws Exception {
    return new ObjectMapper().readTree(DASHBOARD.toFile());
  }

  private static List<String> expressions(JsonNode panels) {
    List<String> out = new ArrayList<>();
    for (JsonNode p : panels) {
      for (JsonNode t : p.path("targets")) {
        out.add(t.path("expr").asText());
      }
      out.addAll(expressions(p.path("panels")));
    }
    return out;
  }

  private static Set<String> metricNames(JsonNode d) {
    Set<String> names = new TreeSet<>();
    for (String e : expressions(d.path("panels"))) {
      assertThat(e).as("a panel query").isNotBlank();
      names.addAll(PromQlNames.of(e));
    }
    Pattern labelValues = Pattern.compile("label_values\\((\\w+)");
    for (JsonNode v : d.path("templating").path("list")) {
      Matcher m = labelValues.matcher(v.path("definition").asText());
      if (m.find()) {
        names.add(m.group(1));
      }
    }
    return names;
  }

  @Test
  void everyMetricTheDashboardReads_isInALiveMetricsAnswer() throws Exception {
    Set<String> names = metricNames(dashboard());
    assertThat(names).hasSizeGreaterThan(15);
    MonitorConfig monitor = MonitorConfig.DEFAULTS.withSampleInterval(Duration.ofMillis(200));
    try (GridcastServer server =
        TestServers.start(Role.SERVE, TestDatabases.sqlite(), 1, monitor)) {
      Http user = TestServers.client(server);
      Http.Res up =
          user.post(
              "/api/datasets?optimize=true&horizon=6&models=naive,ses",
              "text/csv",
              TestServers.monthlyCsv(3, 36, 1.0));
      assertThat(up.status()).as(up.body()).isEqualTo(201);
      String batch = up.json().path("batch_id").asText();
      await()
          .atMost(Duration.ofSeconds(90))
          .until(() ->
              user.get("/api/jobs/status?batch=" + batch)
                      .json()
                      .path("summary")
                      .path("completed")
                      .asInt()
                  == 3);
      await()
          .atMost(Duration.ofSeconds(10))
          .untilAsserted(() -> {
            String metrics = new Http(server.url()).get("/metrics").body();
            for (String name : names) {
              assertThat(metrics)
                  .as("%s in /metrics", name)
                  .containsPattern("(?m)^" + Pattern.quote(name) + "[{ ]");
            }
          });
    }
  }

  @Test
  void dashboard_showsRequestsJobsQueueWorkersHeapAndCache() throws Exception {
    assertThat(metricNames(dashboard()))
        .contains(
            "gridcast_http_server_requests_seconds_count",
            "gridcast_http_server_requests_seconds_bucket",
            "gridcast_job_duration_seconds_bucket",
            "gridcast_job_duration_seconds_count",
            "gridcast_queue_jobs",
            "gridcast_queue_oldest_pending_age_seconds",
            "gridcast_job_enqueue_to_start_seconds_bucket",
            "gridcast_jobs_running",
            "jvm_memory_used_bytes",
            "gridcast_cache_lookups_total");
  }
}
