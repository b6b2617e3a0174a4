package io.gridcast.server.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.gridcast.forecast.model.FittedModel;
import io.gridcast.forecast.model.ModelSpec;
import io.gridcast.forecast.model.Naive;
import io.gridcast.forecast.registry.ModelDescriptor;
import io.gridcast.forecast.registry.ModelRegistry;
import io.gridcast.server.app.GridcastServer;
import io.gridcast.server.config.Role;
import io.gridcast.server.config.ServerConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** A running optimization stops at its next candidate once cancelled through the API. */
class RunningJobCancellationTest {
  /** Fits only when the test lets it: each fit waits for the gate (or 50 ms). */
  static final CountDownLatch GATE = new CountDownLatch(1);

  record GatedNaive(double unused) implements ModelSpec {
    @Override
    public String name() {
      return "gated_naive";
    }

    @Override
    public Map<String, Double> parameters() {
      return Map.of("unused", unused);
    }

    @Override
    public FittedModel fit(double[] y, int n, int period) {
      try {
        GATE.await(50, TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return new Naive().fit(y, n, period);
    }
  }

  @Test
  void cancellingARunningOptimization_endsItCancelled_beforeAllCandidatesRan() {
    ModelRegistry registry =
        ModelRegistry.builder()
            .registerAll(ModelRegistry.standard())
            .register(
                ModelDescriptor.of(
                        "gated_naive", "test", "naive after a wait", p -> new GatedNaive(0))
                    .withGrid(
                        IntStream.range(0, 200)
                            .mapToObj(i -> (ModelSpec) new GatedNaive(i))
                            .toList()))
            .build();
    ServerConfig cfg =
        ServerConfig.builder(Role.SERVE)
            .port(0)
            .dataDir(Path.of("."))
            .database(TestDatabases.sqlite())
            .workers(1)
            .lease(Duration.ofSeconds(10))
            .build();
    try (GridcastServer server = GridcastServer.create(cfg).registry(registry).start()) {
      Http http = TestServers.client(server);
      Http.Res up =
          http.post(
              "/api/datasets?optimize=true&horizon=3&folds=3&models=gated_naive",
              "text/csv",
              TestServers.monthlyCsv(1, 36, 1.0));
      assertThat(up.status()).as(up.body()).isEqualTo(201);
      String job = up.json().path("job_ids").get(0).asText();
      await()
          .atMost(Duration.ofSeconds(20))
          .until(() ->
              http.get("/api/jobs/" + job + "/progress")
                      .json()
                      .path("progress")
                      .path("current")
                      .asLong()
                  > 0);
      assertThat(http.post("/api/jobs/" + job + "/cancel", null, "").status()).isEqualTo(202);
      await()
          .atMost(Duration.ofSeconds(10))
          .untilAsserted(() ->
              assertThat(http.get("/api/jobs/" + job).json().path("status").asText())
                  .isEqualTo("cancelled"));
      JsonNode progress = http.get("/api/jobs/" + job + "/progress").json().path("progress");
      assertThat(progress.path("current").asLong()).isLessThan(progress.path("total").asLong());
      JsonNode forecasts =
          http.get("/api/datasets/" + up.json().path("dataset_id").asText() + "/forecasts").json();
      assertThat(forecasts.path("forecasts")).isEmpty();
    } finally {
      GATE.countDown();
    }
  }
}
