package io.gridcast.server.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.gridcast.server.app.GridcastServer;
import io.gridcast.server.auth.UserRole;
import io.gridcast.server.config.AlertThresholds;
import io.gridcast.server.config.DatabaseUrl;
import io.gridcast.server.config.MonitorConfig;
import io.gridcast.server.config.Role;
import io.gridcast.server.it.Http;
import io.gridcast.server.it.SseReader;
import io.gridcast.server.it.TestServers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Monitoring through HTTP only, on a real server with two worker slots; run once per database.
 * Sampling starts off; the memory limit is 1 MiB so the first sample raises that alert.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class PerformanceApiContract {
  private static final MonitorConfig MONITOR =
      MonitorConfig.DEFAULTS
          .withSampleInterval(Duration.ZERO)
          .withThresholds(AlertThresholds.DEFAULTS.withMemoryBytes(1024 * 1024));

  private GridcastServer server;
  private Http user;
  private Http admin;

  abstract DatabaseUrl database();

  @BeforeAll
  void start() {
    server = TestServers.start(Role.SERVE, database(), 2, MONITOR);
    user = TestServers.client(server);
    admin =
        new Http(
            server.url(), TestServers.addUser(server, "ops-" + UUID.randomUUID(), UserRole.ADMIN));
  }

  @AfterAll
  void stop() {
    server.close();
  }

  private JsonNode awaitFinished(Http http, String jobId) {
    List<JsonNode> last = new ArrayList<>(List.of(Http.JSON.nullNode()));
    await()
        .atMost(Duration.ofSeconds(90))
        .until(() -> {
          JsonNode j = http.get("/api/jobs/" + jobId).json();
          last.set(0, j);
          String s = j.path("status").asText();
          return s.equals("completed") || s.equals("failed") || s.equals("cancelled");
        });
    return last.get(0);
  }

  private String submit(Http http, String path, String body) {
    Http.Res r = http.postJson(path, body);
    assertThat(r.status()).as(r.body()).isEqualTo(202);
    return r.json().path("job_id").asText();
  }

  @Test
  void metrics_fromLoopback_showLatencyByRouteTemplate_jvmPoolAndQueueFigures() {
    String missing = UUID.randomUUID().toString();
    assertThat(user.get("/api/jobs/" + missing).status()).isEqualTo(404);

    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(() -> {
          Http.Res m = new Http(server.url()).get("/metrics");
          assertThat(m.status()).isEqualTo(200);
          assertThat(m.contentType()).startsWith("text/plain");
          assertThat(m.body())
              .containsPattern(
                  "gridcast_http_server_requests_seconds_bucket\\{[^}]*route=\"/api/jobs/\\{id}\""
                      + "[^}]*status=\"404\"")
              .doesNotContain(missing)
              .contains("jvm_memory_used_bytes")
              .containsPattern("gridcast_db_pool_connections\\{[^}]*state=\"active\"")
              .containsPattern("gridcast_queue_jobs\\{status=\"pending\"}")
              .containsPattern("gridcast_event_feed_events \\d");
        });
  }

  @Test
  void monitoring_startedByAnAdmin_samplesTheSystem_raisesTheMemoryAlert_andStreamsIt() {
    assertThat(
            user.postJson("/api/performance/monitoring/start", "{\"interval_seconds\":0.2}")
                .status())
        .isEqualTo(403);
    assertThat(
            admin
                .postJson("/api/performance/monitoring/start", "{\"interval_seconds\":0.01}")
                .status())
        .isEqualTo(400);
    try (SseReader sse = new SseReader(user, "/api/events", null)) {
      await().atMost(Duration.ofSeconds(5)).until(() -> !sse.events().isEmpty());

      Http.Res started =
          admin.postJson("/api/performance/monitoring/start", "{\"interval_seconds\":0.2}");
      assertThat(started.status()).as(started.body()).isEqualTo(200);
      assertThat(started.json().path("running").asBoolean()).isTrue();
      assertThat(started.json().path("interval_seconds").asDouble()).isEqualTo(0.2);

      await()
          .atMost(Duration.ofSeconds(10))
          .untilAsserted(() ->
              assertThat(sse.events())
                  .anySatisfy(e -> {
                    assertThat(e.name()).isEqualTo("alert");
                    assertThat(e.data().path("rule").asText()).isEqualTo("memory");
                    assertThat(e.data().path("state").asText()).isEqualTo("raised");
                    assertThat(e.id()).isNull();
                  }));
    }
    JsonNode status = user.get("/api/performance/status").json();
    assertThat(status.path("monitoring").path("running").asBoolean()).isTrue();
    JsonNode system = status.path("system");
    assertThat(system.path("cpu_percent").asDouble()).isBetween(0.0, 100.0);
    assertThat(system.path("memory_total_bytes").asLong()).isPositive();
    assertThat(system.path("process_resident_bytes").asLong()).isGreaterThan(1024 * 1024);
    assertThat(status.path("queue").has("pending")).isTrue();
    assertThat(status.path("alerts").findValuesAsText("rule")).contains("memory");
    JsonNode points = user.get("/api/performance/history").json().path("samples");
    assertThat(points.size()).isPositive();
    assertThat(points.get(0).path("system").path("memory_total_bytes").asLong()).isPositive();
    assertThat(points.get(0).path("application").has("requests_per_second")).isTrue();
    assertThat(status.path("application").path("interval_seconds").asDouble()).isPositive();

    JsonNode alerts = user.get("/api/performance/alerts").json();
    assertThat(alerts.path("active").findValuesAsText("rule")).contains("memory");
    assertThat(alerts.path("history").size()).isPositive();
    assertThat(alerts.path("thresholds").path("memory").path("limit").asDouble())
        .isEqualTo(1024 * 1024);
    assertThat(alerts.path("thresholds").path("cpu").path("limit").asDouble()).isEqualTo(80);

    Http.Res stopped = admin.postJson("/api/performance/monitoring/stop", "");
    assertThat(stopped.status()).isEqualTo(200);
    assertThat(stopped.json().path("running").asBoolean()).isFalse();
    assertThat(
            user.get("/api/performance/status")
                .json()
                .path("monitoring")
                .path("running")
                .asBoolean())
        .isFalse();
  }

  @Test
  void statusQueueCounts_areTheCallersOwnJobs_andAnAdminSeesEveryOwners() {
    Http owner = TestServers.client(server);
    Http stranger = TestServers.client(server);
    Http.Res up =
        owner.post(
            "/api/datasets?optimize=true&models=naive&horizon=2",
            "text/csv",
            TestServers.monthlyCsv(3, 24, 1.0));
    assertThat(up.status()).as(up.body()).isEqualTo(201);
    // whatever state the jobs are in meanwhile, each is counted once
    assertThat(queueTotal(owner)).isEqualTo(3);
    assertThat(queueTotal(stranger)).isZero();
    // an admin reads the process's counts of all owners, read at most every 5 s
    await().atMost(Duration.ofSeconds(15)).until(() -> queueTotal(admin) >= 3);
  }

  private static long queueTotal(Http who) {
    long total = 0;
    for (JsonNode n : who.get("/api/performance/status").json().path("queue")) {
      total += n.asLong();
    }
    return total;
  }

  @Test
  void benchmark_onGeneratedSeries_reportsTimings_andIsTimedAsAJob() {
    String id =
        submit(
            user,
            "/api/performance/benchmark",
            "{\"generate\":{\"series\":4,\"length\":48,\"period\":12,\"seed\":1},"
                + "\"models\":[\"naive\",\"ses\"],\"iterations\":3,\"horizon\":6}");

    JsonNode job = awaitFinished(user, id);

    assertThat(job.path("status").asText()).as(job.toString()).isEqualTo("completed");
    assertThat(job.path("type").asText()).isEqualTo("benchmark");
    JsonNode r = job.path("result");
    assertThat(r.path("series").asInt()).isEqualTo(4);
    assertThat(r.path("iteration_seconds").size()).isEqualTo(3);
    double min = r.path("seconds").path("min").asDouble();
    double median = r.path("seconds").path("median").asDouble();
    double p95 = r.path("seconds").path("p95").asDouble();
    assertThat(min).isPositive().isLessThanOrEqualTo(median);
    assertThat(median).isLessThanOrEqualTo(p95);
    assertThat(
            user.get("/api/jobs/status?type=benchmark").json().path("jobs").findValuesAsText("id"))
        .contains(id);
    assertThat(r.path("series_per_second").asDouble())
        .isCloseTo(4 / median, Offset.offset(1e-6 / median));
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(() -> {
          String metrics = new Http(server.url()).get("/metrics").body();
          Matcher m =
              Pattern.compile(
                      "gridcast_job_duration_seconds_count\\{outcome=\"completed\",type=\"benchmark\"} (\\S+)")
                  .matcher(metrics);
          assertThat(m.find()).as("benchmark job timer in\n" + metrics).isTrue();
          assertThat(Double.parseDouble(m.group(1))).isGreaterThanOrEqualTo(1);
        });
  }

  @Test
  void benchmark_onAnUploadedDataset_timesItsSeries() {
    Http.Res up = user.post("/api/datasets", "text/csv", TestServers.monthlyCsv(3, 48, 1.0));
    assertThat(up.status()).as(up.body()).isEqualTo(201);
    String dataset = up.json().path("dataset_id").asText();

    JsonNode job =
        awaitFinished(
            user,
            submit(
                user,
                "/api/performance/benchmark",
                "{\"dataset\":\"" + dataset + "\",\"models\":[\"naive\"],\"iterations\":2}"));

    assertThat(job.path("status").asText()).as(job.toString()).isEqualTo("completed");
    assertThat(job.path("result").path("source").asText()).isEqualTo("dataset");
    assertThat(job.path("result").path("series").asInt()).isEqualTo(3);
    Http other = TestServers.client(server);
    assertThat(
            other
                .postJson("/api/performance/benchmark", "{\"dataset_id\":\"" + dataset + "\"}")
                .status())
        .isEqualTo(404);
  }

  @Test
  void benchmark_refusesBadRequests_namingTheField() {
    String gen = "\"generate\":{\"series\":2}";
    assertThat(bad("{" + gen + ",\"dataset_id\":\"x\"}", 400)).isEqualTo("dataset_id");
    assertThat(bad("{\"iterations\":3}", 400)).isEqualTo("dataset_id");
    assertThat(bad("{" + gen + ",\"iterations\":0}", 400)).isEqualTo("iterations");
    assertThat(bad("{\"generate\":{\"series\":100000}}", 400)).isEqualTo("generate.series");
    assertThat(bad("{" + gen + ",\"speed\":1}", 400)).isEqualTo("speed");
    Http.Res unknownModel =
        user.postJson("/api/performance/benchmark", "{" + gen + ",\"models\":[\"prophet\"]}");
    assertThat(unknownModel.status()).isEqualTo(422);
    assertThat(unknownModel.body()).contains("prophet");
  }

  private String bad(String body, int status) {
    Http.Res r = user.postJson("/api/performance/benchmark", body);
    assertThat(r.status()).as(r.body()).isEqualTo(status);
    return r.json().path("error").path("details").path("field").asText();
  }

  @Test
  void profile_isForAdmins_findsTheOptimizersHotMethods_andDownloadsOnlyForItsOwner() {
    assertThat(user.postJson("/api/performance/profile", "{\"seconds\":1}").status())
        .isEqualTo(403);
    String load =
        submit(
            user,
            "/api/performance/benchmark",
            "{\"generate\":{\"series\":300,\"length\":60},\"iterations\":100}");
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> user.get("/api/jobs/" + load).json().path("status").asText().equals("running"));

    String id = submit(admin, "/api/performance/profile", "{\"seconds\":2}");
    JsonNode job = awaitFinished(admin, id);
    user.postJson("/api/jobs/" + load + "/cancel", "");

    assertThat(job.path("status").asText()).as(job.toString()).isEqualTo("completed");
    JsonNode r = job.path("result");
    assertThat(r.path("samples").asLong()).isPositive();
    assertThat(r.path("hottest").findValuesAsText("method"))
        .anySatisfy(m -> assertThat(m).startsWith("io.gridcast.forecast."));
    assertThat(r.path("download").asText()).isEqualTo("/api/performance/profile/" + id + "/jfr");

    Http.Res file = admin.get("/api/performance/profile/" + id + "/jfr");
    assertThat(file.status()).isEqualTo(200);
    assertThat(file.body()).startsWith("FLR\0");
    assertThat(user.get("/api/performance/profile/" + id + "/jfr").status()).isEqualTo(404);
    assertThat(user.get("/api/performance/profile/" + load + "/jfr").status()).isEqualTo(404);
  }
}
