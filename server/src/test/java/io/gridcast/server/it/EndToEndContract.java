package io.gridcast.server.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.gridcast.server.app.GridcastServer;
import io.gridcast.server.config.DatabaseUrl;
import io.gridcast.server.config.Role;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The path of one upload through HTTP only, on a real server; run once per database. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class EndToEndContract {
  private GridcastServer server;
  private Http http;

  abstract DatabaseUrl database();

  @BeforeAll
  void start() {
    server = TestServers.start(Role.SERVE, database(), 2);
    http = TestServers.client(server);
  }

  @AfterAll
  void stop() {
    server.close();
  }

  private String upload(String csv, String query) {
    Http.Res r = http.post("/api/datasets" + query, "text/csv", csv);
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r.body();
  }

  private void awaitCompleted(List<String> jobIds) {
    awaitCompleted(jobIds, Duration.ofSeconds(60));
  }

  private void awaitCompleted(List<String> jobIds, Duration limit) {
    await()
        .atMost(limit)
        .untilAsserted(() -> {
          for (String id : jobIds) {
            assertThat(http.get("/api/jobs/" + id).json().path("status").asText())
                .as("job " + id)
                .isEqualTo("completed");
          }
        });
  }

  @Test
  void upload_createsJobs_streamsEvents_andServesForecasts() throws Exception {
    try (SseReader sse = new SseReader(http, "/api/events", null)) {
      await().atMost(Duration.ofSeconds(5)).until(() -> !sse.events().isEmpty());
      JsonNode up =
          Http.JSON.readTree(
              upload(TestServers.monthlyCsv(3, 36, 1.0), "?optimize=true&horizon=6&reason=e2e"));
      String dataset = up.path("dataset_id").asText();
      List<String> jobs = ids(up.path("job_ids"));
      assertThat(jobs).hasSize(3);
      assertThat(up.path("batch_id").asText()).isNotBlank();
      awaitCompleted(jobs);

      await()
          .atMost(Duration.ofSeconds(10))
          .untilAsserted(() -> {
            Set<String> completedByEvent = new HashSet<>();
            for (SseReader.Event e : sse.jobEvents()) {
              if (e.data().path("kind").asText().equals("completed")) {
                completedByEvent.add(e.data().path("job_id").asText());
              }
            }
            assertThat(completedByEvent).containsAll(jobs);
          });
      List<Long> seqs = sse.jobEvents().stream().map(SseReader.Event::id).toList();
      assertThat(seqs).isSorted().doesNotHaveDuplicates();
      assertThat(sse.events()).anyMatch(e -> "summary".equals(e.name()));

      JsonNode status = http.get("/api/jobs/status?batch=" + up.path("batch_id").asText()).json();
      assertThat(status.path("jobs")).hasSize(3);
      assertThat(status.path("summary").path("completed").asLong()).isGreaterThanOrEqualTo(3);
      await()
          .atMost(Duration.ofSeconds(10))
          .untilAsserted(() -> {
            JsonNode s = http.get("/api/jobs/status").json().path("summary");
            assertThat(s.path("running").asLong()).as(s.toString()).isZero();
            assertThat(s.path("pending").asLong()).as(s.toString()).isZero();
          });

      JsonNode progress = http.get("/api/jobs/" + jobs.get(0) + "/progress").json();
      assertThat(progress.path("progress").path("current").asLong())
          .isEqualTo(progress.path("progress").path("total").asLong());

      JsonNode forecasts = http.get("/api/datasets/" + dataset + "/forecasts").json();
      assertThat(forecasts.path("forecasts")).hasSize(3);
      for (JsonNode f : forecasts.path("forecasts")) {
        JsonNode fc = f.path("forecast");
        assertThat(fc.path("ds")).hasSize(6);
        assertThat(fc.path("ds").get(0).asText()).isEqualTo("2023-01-01");
        for (int i = 0; i < 6; i++) {
          double y = fc.path("y_hat").get(i).asDouble();
          assertThat(fc.path("lo_95").get(i).asDouble())
              .isLessThanOrEqualTo(fc.path("lo_80").get(i).asDouble());
          assertThat(fc.path("lo_80").get(i).asDouble()).isLessThanOrEqualTo(y);
          assertThat(fc.path("hi_80").get(i).asDouble()).isGreaterThanOrEqualTo(y);
          assertThat(fc.path("hi_95").get(i).asDouble())
              .isGreaterThanOrEqualTo(fc.path("hi_80").get(i).asDouble());
        }
        assertThat(f.path("model").asText()).isNotBlank();
        assertThat(f.path("cv_scores").size()).isPositive();
      }
      Http.Res csv = http.get("/api/datasets/" + dataset + "/forecasts", "text/csv");
      assertThat(csv.contentType()).startsWith("text/csv");
      List<String> lines = csv.body().lines().toList();
      assertThat(lines.get(0))
          .isEqualTo("unique_id,ds,model,y_hat,lo_80,hi_80,lo_95,hi_95,frequency,fallback");
      assertThat(lines.get(1)).endsWith(",MS,");
      assertThat(lines).hasSize(1 + 3 * 6);

      JsonNode history = http.get("/api/datasets/" + dataset + "/series/SKU2").json();
      assertThat(history.path("y")).hasSize(36);
      assertThat(history.path("frequency").asText()).isEqualTo("MS");
    }
  }

  @Test
  void validationJob_storesAnAccuracyReport_perSkuAndAggregate() throws Exception {
    JsonNode up = Http.JSON.readTree(upload(TestServers.monthlyCsv(2, 30, 1.0), ""));
    Http.Res created =
        http.postJson(
            "/api/jobs",
            "{\"dataset_id\":\""
                + up.path("dataset_id").asText()
                + "\",\"type\":\"validation\",\"models\":[\"naive\"],\"horizon\":3}");
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    List<String> jobs = ids(created.json().path("job_ids"));
    assertThat(jobs).hasSize(1);
    awaitCompleted(jobs);
    JsonNode result = http.get("/api/jobs/" + jobs.get(0)).json().path("result");
    assertThat(result.path("per_sku")).hasSize(2);
    assertThat(result.path("aggregate").get(0).path("model").asText()).isEqualTo("naive");
    assertThat(result.path("aggregate").get(0).path("smape").asDouble()).isPositive();
    assertThat(result.path("per_sku").get(0).path("mase").isNumber()).isTrue();
  }

  @Test
  void validationWithoutModels_backtestsEachSkusStoredBestModel() throws Exception {
    JsonNode up =
        Http.JSON.readTree(
            upload(
                TestServers.monthlyCsv(2, 30, 1.0),
                "?optimize=true&horizon=3&models=naive%2Bnaive"));
    awaitCompleted(ids(up.path("job_ids")));
    Http.Res created =
        http.postJson(
            "/api/jobs",
            "{\"dataset_id\":\""
                + up.path("dataset_id").asText()
                + "\",\"type\":\"validation\",\"skus\":[\"SKU1\"],\"horizon\":3}");
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    List<String> jobs = ids(created.json().path("job_ids"));
    awaitCompleted(jobs);
    JsonNode result = http.get("/api/jobs/" + jobs.get(0)).json().path("result");
    assertThat(result.path("per_sku")).hasSize(1);
    assertThat(result.path("per_sku").get(0).path("sku").asText()).isEqualTo("SKU1");
    assertThat(result.path("per_sku").get(0).path("model").asText())
        .as(
            result.toString()
                + " / "
                + http.get("/api/datasets/" + up.path("dataset_id").asText() + "/forecasts").body())
        .isEqualTo("combination(naive+naive)");
  }

  @Test
  void rescoring_refitsStoredModels_andFlagsSkusWhoseErrorGrew() throws Exception {
    JsonNode first =
        Http.JSON.readTree(
            upload(
                TestServers.monthlyCsv(2, 36, 1.0),
                "?optimize=true&horizon=6&models=naive,naive%2Bnaive"));
    awaitCompleted(ids(first.path("job_ids")));
    JsonNode second = Http.JSON.readTree(upload(TestServers.monthlyCsv(2, 36, 3.0), ""));
    Http.Res created =
        http.postJson(
            "/api/jobs",
            "{\"dataset_id\":\""
                + second.path("dataset_id").asText()
                + "\",\"type\":\"rescoring\",\"source_dataset_id\":\""
                + first.path("dataset_id").asText()
                + "\",\"horizon\":6,\"threshold\":0.5}");
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    awaitCompleted(ids(created.json().path("job_ids")));
    JsonNode forecasts =
        http.get("/api/datasets/" + second.path("dataset_id").asText() + "/forecasts").json();
    assertThat(forecasts.path("forecasts")).hasSize(2);
    for (JsonNode f : forecasts.path("forecasts")) {
      boolean changed = f.path("sku").asText().equals("SKU1");
      assertThat(f.path("flagged").asBoolean()).as(f.toString()).isEqualTo(changed);
      assertThat(f.path("previous_score").isNumber()).isTrue();
    }
  }

  @Test
  void rescoring_ofAStoredAutoArima_refitsTheOrdersItChose_withNewCoefficients() throws Exception {
    JsonNode first =
        Http.JSON.readTree(
            upload(noisySeasonalCsv(60), "?optimize=true&horizon=6&models=auto_arima"));
    awaitCompleted(ids(first.path("job_ids")));
    JsonNode chosen = onlyForecast(first.path("dataset_id").asText());
    assertThat(chosen.path("model").asText()).isEqualTo("auto_arima");
    assertThat(chosen.path("spec").path("name").asText()).as(chosen.toString()).isEqualTo("arima");
    JsonNode second = Http.JSON.readTree(upload(noisySeasonalCsv(72), ""));
    Http.Res created =
        http.postJson(
            "/api/jobs",
            "{\"dataset_id\":\""
                + second.path("dataset_id").asText()
                + "\",\"type\":\"rescoring\",\"source_dataset_id\":\""
                + first.path("dataset_id").asText()
                + "\",\"horizon\":6}");
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    awaitCompleted(ids(created.json().path("job_ids")));
    JsonNode rescored = onlyForecast(second.path("dataset_id").asText());
    assertThat(rescored.path("model").asText()).as(rescored.toString()).isEqualTo("arima");
    JsonNode before = chosen.path("fitted_parameters");
    JsonNode after = rescored.path("fitted_parameters");
    for (String k : List.of("p", "d", "q", "P", "D", "Q", "include_mean", "include_drift")) {
      assertThat(after.path(k).asDouble())
          .as(k + " of " + after)
          .isEqualTo(before.path(k).asDouble());
    }
    List<String> names = new ArrayList<>();
    after.fieldNames().forEachRemaining(names::add);
    List<String> beforeNames = new ArrayList<>();
    before.fieldNames().forEachRemaining(beforeNames::add);
    assertThat(names).isEqualTo(beforeNames);
    boolean reestimated = false;
    for (String k : names.subList(8, names.size())) {
      reestimated |= after.path(k).asDouble() != before.path(k).asDouble();
    }
    assertThat(reestimated).as("coefficients estimated again: %s vs %s", after, before).isTrue();
  }

  @Test
  void accuratePreset_isListedWithItsMembers_andSearchesThem() throws Exception {
    JsonNode presets = http.get("/api/models").json().path("presets");
    List<String> names = new ArrayList<>();
    presets.forEach(p -> names.add(p.path("name").asText()));
    assertThat(names).containsExactly("default", "accurate");
    JsonNode accurate = presets.get(1);
    List<String> members = new ArrayList<>();
    accurate.path("members").forEach(m -> members.add(m.asText()));
    assertThat(members).contains("auto_arima", "ets", "adida", "imapa");
    JsonNode up =
        Http.JSON.readTree(
            upload(noisySeasonalCsv(48), "?optimize=true&horizon=6&folds=1&preset=accurate"));
    // ARIMA and ETS searches in every fold and in the combination: slower than the default list.
    awaitCompleted(ids(up.path("job_ids")), Duration.ofMinutes(3));
    JsonNode result = onlyForecast(up.path("dataset_id").asText());
    List<String> tried = new ArrayList<>();
    result.path("cv_scores").forEach(c -> tried.add(c.path("model").asText()));
    assertThat(tried).as(result.toString()).contains("auto_arima", "ets");
  }

  private JsonNode onlyForecast(String dataset) {
    JsonNode forecasts =
        http.get("/api/datasets/" + dataset + "/forecasts").json().path("forecasts");
    assertThat(forecasts).hasSize(1);
    return forecasts.get(0);
  }

  /** One monthly SKU: level, trend, a yearly cycle and autocorrelated noise (fixed seed). */
  private static String noisySeasonalCsv(int months) {
    StringBuilder sb = new StringBuilder("unique_id,ds,y\n");
    long seed = 7;
    double e = 0;
    for (int m = 0; m < months; m++) {
      seed = seed * 6364136223846793005L + 1442695040888963407L;
      e = 0.6 * e + ((seed >>> 11) / (double) (1L << 53) - 0.5) * 8;
      double y = 200 + 0.7 * m + 25 * Math.sin(2 * Math.PI * m / 12) + e;
      sb.append(String.format(Locale.ROOT, "A,%d-%02d-01,%.4f%n", 2018 + m / 12, m % 12 + 1, y));
    }
    return sb.toString();
  }

  @Test
  void rescoringWithoutStoredModels_failsSayingWhatToDo_inTheUsersTerms() throws Exception {
    JsonNode up = Http.JSON.readTree(upload(TestServers.monthlyCsv(1, 24, 1.0), ""));
    Http.Res created =
        http.postJson(
            "/api/jobs",
            "{\"dataset_id\":\""
                + up.path("dataset_id").asText()
                + "\",\"type\":\"rescoring\",\"horizon\":3}");
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    String id = created.json().path("job_ids").get(0).asText();
    String error =
        await()
            .atMost(Duration.ofSeconds(30))
            .until(
                () -> http.get("/api/jobs/" + id).json().path("error").asText(""),
                e -> !e.isEmpty());
    assertThat(error)
        .isEqualTo(
            "no stored best model for SKU 'SKU0' in dataset "
                + up.path("dataset_id").asText()
                + "; optimize first");
  }

  @Test
  void sameIdempotencyKey_returnsTheSameJobs_withoutDuplicates() throws Exception {
    JsonNode up = Http.JSON.readTree(upload(TestServers.monthlyCsv(2, 24, 1.0), ""));
    String body =
        "{\"dataset_id\":\""
            + up.path("dataset_id").asText()
            + "\",\"idempotency_key\":\"k-1\",\"horizon\":3}";
    Http.Res a = http.postJson("/api/jobs", body);
    Http.Res b = http.postJson("/api/jobs", body);
    assertThat(a.status()).isEqualTo(201);
    assertThat(b.status()).isEqualTo(200);
    assertThat(b.json().path("job_ids")).isEqualTo(a.json().path("job_ids"));
    assertThat(b.json().path("batch_id")).isEqualTo(a.json().path("batch_id"));
    JsonNode listed =
        http.get("/api/jobs/status?batch=" + a.json().path("batch_id").asText()).json();
    assertThat(listed.path("jobs")).hasSize(2);
  }

  @Test
  void uploadWithJobs_sameIdempotencyKey_answersTheFirstUpload_andStoresNothingNew()
      throws Exception {
    String name = "idempotent-upload-" + System.nanoTime();
    String csv = TestServers.monthlyCsv(2, 24, 1.0);
    Supplier<Http.Res> send =
        () ->
            http.send(
                HttpRequest.newBuilder(
                        http.uri("/api/datasets?optimize=true&horizon=3&name=" + name))
                    .header("Content-Type", "text/csv")
                    .header("Idempotency-Key", "upload-key-1")
                    .POST(HttpRequest.BodyPublishers.ofString(csv)));
    Http.Res first = send.get();
    Http.Res again = send.get();
    assertThat(first.status()).as(first.body()).isEqualTo(201);
    assertThat(again.status()).as(again.body()).isIn(200, 201);
    assertThat(again.json().path("dataset_id")).isEqualTo(first.json().path("dataset_id"));
    assertThat(again.json().path("job_ids")).isEqualTo(first.json().path("job_ids"));
    int stored = 0;
    for (JsonNode d : http.get("/api/datasets?limit=200").json().path("datasets")) {
      if (d.path("name").asText().equals(name)) {
        stored++;
      }
    }
    assertThat(stored).as("datasets named " + name).isEqualTo(1);
  }

  @Test
  void resumingWithLastEventId_replaysEveryLaterEvent() throws Exception {
    JsonNode up =
        Http.JSON.readTree(upload(TestServers.monthlyCsv(2, 24, 1.0), "?optimize=true&horizon=3"));
    awaitCompleted(ids(up.path("job_ids")));
    try (SseReader all = new SseReader(http, "/api/events", 0L)) {
      await().atMost(Duration.ofSeconds(10)).until(() -> all.jobEvents().size() >= 6);
      long middle = all.jobEvents().get(2).id();
      try (SseReader resumed = new SseReader(http, "/api/events", middle)) {
        await()
            .atMost(Duration.ofSeconds(10))
            .untilAsserted(() -> {
              List<Long> expected =
                  all.jobEvents().stream()
                      .map(SseReader.Event::id)
                      .filter(i -> i > middle)
                      .toList();
              assertThat(resumed.jobEvents().stream().map(SseReader.Event::id).toList())
                  .startsWith(
                      expected.subList(0, Math.min(3, expected.size())).toArray(Long[]::new));
              assertThat(resumed.jobEvents().get(0).id()).isEqualTo(expected.get(0));
            });
      }
    }
  }

  public static List<String> ids(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }
}
