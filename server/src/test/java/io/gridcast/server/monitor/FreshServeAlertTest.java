package io.gridcast.server.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.gridcast.server.config.AlertThresholds;
import io.gridcast.server.it.Http;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A new user's first run: a fresh {@code gridcast serve} (default settings, sampling every second
 * so that no moment of the run goes unjudged) takes one upload of 1,000 SKUs and fits them all. The
 * workers keep both cores busy and the result cache misses every question, the two figures that
 * raised a CPU warning and a critical cache alert before; neither means anything is wrong, so
 * nothing may be raised, at any moment of the run.
 */
class FreshServeAlertTest {
  private static final int SKUS = 1000;

  /** 1,000 monthly series of 36 points: level, trend, season and noise differ per SKU. */
  private static String upload() {
    SplittableRandom rnd = new SplittableRandom(20);
    StringBuilder csv = new StringBuilder("unique_id,ds,y\n");
    for (int s = 0; s < SKUS; s++) {
      double level = rnd.nextDouble(50, 500);
      double trend = rnd.nextDouble(-1, 2);
      double season = rnd.nextDouble(0, 0.3) * level;
      for (int m = 0; m < 36; m++) {
        double y =
            level + trend * m + season * Math.sin(2 * Math.PI * m / 12) + rnd.nextDouble(-5, 5);
        csv.append(
            String.format(
                Locale.ROOT, "SKU-%04d,%d-%02d-01,%.2f%n", s, 2022 + m / 12, m % 12 + 1, y));
      }
    }
    return csv.toString();
  }

  @Test
  void freshServe_runningItsFirstUploadOfAThousandSkus_raisesNoAlert(@TempDir Path dir)
      throws Exception {
    Map<String, String> env = Map.of("GRIDCAST_MONITOR_INTERVAL_SECONDS", "1");
    try (ServeProcess serve =
        new ServeProcess(env, "serve", "--port", "0", "--data-dir", dir.toString())) {
      String url = serve.awaitUrl();
      Http api = new Http(url, Files.readString(dir.resolve("admin.token")).strip());

      Http.Res up = api.post("/api/datasets?optimize=true&horizon=6", "text/csv", upload());
      assertThat(up.status()).as(up.body()).isEqualTo(201);
      assertThat(up.json().path("job_ids").size()).isEqualTo(SKUS);
      String batch = up.json().path("batch_id").asText();
      await()
          .atMost(Duration.ofMinutes(20))
          .pollInterval(Duration.ofSeconds(5))
          .until(() -> {
            JsonNode summary =
                api.get("/api/jobs/status?batch=" + batch + "&limit=1").json().path("summary");
            return summary.path("pending").asInt() + summary.path("running").asInt() == 0;
          });
      JsonNode summary =
          api.get("/api/jobs/status?batch=" + batch + "&limit=1").json().path("summary");
      assertThat(summary.path("completed").asInt()).as(summary.toString()).isEqualTo(SKUS);
      int samplesAtTheEnd = api.get("/api/performance/history").json().path("samples").size();
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() ->
              api.get("/api/performance/history").json().path("samples").size()
                  >= Math.min(samplesAtTheEnd + 2, 360));

      JsonNode alerts = api.get("/api/performance/alerts").json();
      StringBuilder waits = new StringBuilder("queue waits (s):");
      for (JsonNode s : api.get("/api/performance/history").json().path("samples")) {
        waits.append(
            String.format(
                Locale.ROOT, " %.3f", s.path("application").path("queue_wait_seconds").asDouble()));
      }
      assertThat(alerts.path("active")).as("%s%n%s", alerts, waits).isEmpty();
      assertThat(alerts.path("history")).as("%s%n%s", alerts, waits).isEmpty();

      // What the old rules fired on was there: CPU over its limit while the workers fitted, and
      // a cache that answered none of at least 1,000 lookups.
      double maxCpu = 0;
      for (JsonNode s : api.get("/api/performance/history").json().path("samples")) {
        maxCpu = Math.max(maxCpu, s.path("system").path("cpu_percent").asDouble());
      }
      assertThat(maxCpu).isGreaterThan(AlertThresholds.DEFAULTS.cpuPercent());
      JsonNode cache = api.get("/api/cache/stats").json();
      assertThat(cache.toString()).contains("\"hits\":0");
      assertThat(cache.findValue("misses").asLong()).isGreaterThanOrEqualTo(SKUS);
    }
  }
}
