package io.gridcast.server.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.gridcast.server.app.GridcastServer;
import io.gridcast.server.config.DatabaseUrl;
import io.gridcast.server.config.Role;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The time axis through the API and the database, run once per database: every frequency inferred
 * and set, stored and restored with its labels exactly, forecast on the calendar; gaps refused and
 * filled; offsets normalised; date formats; seasonal periods reaching the search; interval levels
 * and fallbacks in every result.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class TimeAxisContract {
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

  static List<TimeAxisCases.Case> cases() {
    return TimeAxisCases.all();
  }

  private JsonNode upload(String csv, String query) {
    Http.Res r = http.post("/api/datasets" + query, "text/csv", csv);
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r.json();
  }

  private void awaitCompleted(JsonNode answer) {
    for (JsonNode id : answer.path("job_ids")) {
      await()
          .atMost(Duration.ofSeconds(90))
          .until(
              () -> http.get("/api/jobs/" + id.asText()).json().path("status").asText(),
              s -> s.equals("completed") || s.equals("failed"));
    }
  }

  private JsonNode result(String dataset, String sku) {
    Http.Res r = http.get("/api/datasets/" + dataset + "/forecasts?sku=" + enc(sku));
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    assertThat(r.json().path("forecasts")).as(r.body()).hasSize(1);
    return r.json().path("forecasts").get(0);
  }

  private static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  @Test
  void everyFrequency_isInferred_storedWithItsLabels_andForecastOnTheCalendar() {
    StringBuilder csv = new StringBuilder("unique_id,ds,y\n");
    cases().forEach(c -> csv.append(c.csvRows()));
    JsonNode up =
        upload(
            csv.toString(),
            "?optimize=true&models=naive&horizon=" + TimeAxisCases.HORIZON + "&name=all");
    String dataset = up.path("dataset_id").asText();
    assertThat(up.path("fill").asText()).isEqualTo("none");
    assertThat(up.path("filled").asLong()).isZero();
    awaitCompleted(up);
    for (TimeAxisCases.Case c : cases()) {
      JsonNode history =
          http.get("/api/datasets/" + dataset + "/series?sku=" + enc(c.sku())).json();
      assertThat(history.path("frequency").asText()).as(c.sku()).isEqualTo(c.frequency());
      assertThat(texts(history.path("ds"))).as(c.sku()).isEqualTo(c.history());
      JsonNode r = result(dataset, c.sku());
      assertThat(r.path("frequency").asText()).as(c.sku()).isEqualTo(c.frequency());
      assertThat(texts(r.path("forecast").path("ds"))).as(c.sku()).isEqualTo(c.future());
      assertThat(r.path("fallback").isNull()).as(c.sku()).isTrue();
    }
    // the job's own result names the frequency too
    JsonNode job = http.get("/api/jobs/" + up.path("job_ids").get(0).asText()).json();
    assertThat(job.path("result").path("skus").get(0).path("frequency").asText())
        .isEqualTo(cases().get(0).frequency());
    // and so does every CSV row, beside a ds written as the series writes it
    List<String> lines =
        http.get("/api/datasets/" + dataset + "/forecasts?format=csv").body().lines().toList();
    assertThat(lines).hasSize(1 + cases().size() * TimeAxisCases.HORIZON);
    TimeAxisCases.Case me = TimeAxisCases.of("ME");
    assertThat(lines)
        .anyMatch(l -> l.startsWith(me.sku() + "," + me.future().get(0) + ",naive,13.0,"))
        .anyMatch(l -> l.startsWith("S-B,2024-03-18,naive,") && l.endsWith(",B,"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void aFrequencySetByTheCaller_isUsed_andNamedInEveryResult(TimeAxisCases.Case c) {
    JsonNode up =
        upload(
            "unique_id,ds,y\n" + c.csvRows(),
            "?optimize=true&models=naive&horizon="
                + TimeAxisCases.HORIZON
                + "&frequency="
                + enc(c.frequency()));
    assertThat(up.path("frequency").asText()).isEqualTo(c.frequency());
    awaitCompleted(up);
    JsonNode r = result(up.path("dataset_id").asText(), c.sku());
    assertThat(r.path("frequency").asText()).isEqualTo(c.frequency());
    assertThat(texts(r.path("forecast").path("ds"))).isEqualTo(c.future());
  }

  @Test
  void aGap_isRefusedByDefault_namingItsFirstMissingStamps_andNothingIsStored() {
    int before = http.get("/api/datasets?limit=1000").json().path("datasets").size();
    Http.Res r =
        http.post(
            "/api/datasets",
            "text/csv",
            "unique_id,ds,y\nA,2024-01-01 00:00,1\nA,2024-01-01 01:00,2\nA,2024-01-01 04:00,5\n"
                + "A,2024-01-01 05:00,6\n");
    assertThat(r.status()).as(r.body()).isEqualTo(422);
    JsonNode e = r.json().path("error");
    assertThat(e.path("message").asText())
        .contains("series 'A' misses 2 values (2024-01-01 02:00, 2024-01-01 03:00)")
        .contains("fill");
    assertThat(e.path("details").path("line").asInt()).isEqualTo(4);
    assertThat(e.path("details").path("column").asText()).isEqualTo("ds");
    assertThat(e.path("details").path("sku").asText()).isEqualTo("A");
    assertThat(e.path("details").path("ds").asText()).isEqualTo("2024-01-01 02:00");
    assertThat(http.get("/api/datasets?limit=1000").json().path("datasets")).hasSize(before);
  }

  @Test
  void eachFillMode_fillsTheGaps_andTheAnswerCountsThem() {
    String csv = "unique_id,ds,y\nA,2024-01-01,2\nA,2024-01-02,4\nA,2024-01-05,10\nB,1,1\nB,3,3\n";
    for (String fill : List.of("zero", "previous", "linear")) {
      JsonNode up = upload(csv, "?fill=" + fill);
      assertThat(up.path("fill").asText()).isEqualTo(fill);
      assertThat(up.path("filled").asLong()).as(fill).isEqualTo(3);
      JsonNode h = http.get("/api/datasets/" + up.path("dataset_id").asText() + "/series/A").json();
      assertThat(h.path("filled").asInt()).isEqualTo(2);
      assertThat(h.path("y").toString())
          .as(fill)
          .isEqualTo(
              switch (fill) {
                case "zero" -> "[2.0,4.0,0.0,0.0,10.0]";
                case "previous" -> "[2.0,4.0,4.0,4.0,10.0]";
                default -> "[2.0,4.0,6.0,8.0,10.0]";
              });
      JsonNode d = http.get("/api/datasets/" + up.path("dataset_id").asText()).json();
      assertThat(d.path("dataset").path("fill").asText()).isEqualTo(fill);
      assertThat(d.path("dataset").path("filled").asLong()).isEqualTo(3);
    }
  }

  @Test
  void offsets_areNormalisedToUtc_andWallClockStampsKeptAsTheyCame() {
    JsonNode up =
        upload(
            "unique_id,ds,y\n"
                + "UTC,2024-03-31T00:30+02:00,1\nUTC,2024-03-31T01:30+02:00,2\n"
                + "UTC,2024-03-31T03:30+03:00,3\nUTC,2024-03-31T03:30+02:00,4\n"
                + "LOCAL,2024-03-31 00:30:00.5,1\nLOCAL,2024-03-31 01:30:00.5,2\n"
                + "LOCAL,2024-03-31 02:30:00.5,3\nLOCAL,2024-03-31 03:30:00.5,4\n",
            "?optimize=true&models=naive&horizon=2");
    awaitCompleted(up);
    String dataset = up.path("dataset_id").asText();
    JsonNode utc = http.get("/api/datasets/" + dataset + "/series/UTC").json();
    assertThat(texts(utc.path("ds")))
        .containsExactly(
            "2024-03-30T22:30Z", "2024-03-30T23:30Z", "2024-03-31T00:30Z", "2024-03-31T01:30Z");
    assertThat(texts(result(dataset, "UTC").path("forecast").path("ds")))
        .containsExactly("2024-03-31T02:30Z", "2024-03-31T03:30Z");
    JsonNode local = http.get("/api/datasets/" + dataset + "/series/LOCAL").json();
    assertThat(texts(local.path("ds")).get(0)).isEqualTo("2024-03-31 00:30:00.5");
    assertThat(texts(result(dataset, "LOCAL").path("forecast").path("ds")))
        .containsExactly("2024-03-31 04:30:00.5", "2024-03-31 05:30:00.5");
  }

  @Test
  void aDateFormat_readsTheStamps_andWritesEveryLabelInIt() {
    JsonNode up =
        upload(
            "unique_id,ds,y\nA,30/12/2023,1\nA,31/12/2023,2\nA,01/01/2024,3\n",
            "?optimize=true&models=naive&horizon=2&date_format=" + enc("dd/MM/yyyy"));
    awaitCompleted(up);
    String dataset = up.path("dataset_id").asText();
    JsonNode h = http.get("/api/datasets/" + dataset + "/series/A").json();
    assertThat(texts(h.path("ds"))).containsExactly("30/12/2023", "31/12/2023", "01/01/2024");
    assertThat(texts(result(dataset, "A").path("forecast").path("ds")))
        .containsExactly("02/01/2024", "03/01/2024");
  }

  @Test
  void hourlySeries_keepTheirDailyAndWeeklyPeriods_andTheDefaultSearchTriesMstl() {
    StringBuilder csv = new StringBuilder("unique_id,ds,y\n");
    for (int t = 0; t < 24 * 7 * 3; t++) {
      double y = 50 + 10 * Math.sin(2 * Math.PI * t / 24) + 5 * Math.sin(2 * Math.PI * t / 168);
      csv.append(
          String.format(Locale.ROOT, "H,2024-01-%02d %02d:00:00,%.3f%n", 1 + t / 24, t % 24, y));
    }
    JsonNode up = upload(csv.toString(), "?optimize=true&horizon=24");
    awaitCompleted(up);
    String dataset = up.path("dataset_id").asText();
    JsonNode h = http.get("/api/datasets/" + dataset + "/series/H").json();
    assertThat(h.path("seasonal_periods").toString()).isEqualTo("[24.0,168.0]");
    JsonNode r = result(dataset, "H");
    assertThat(r.path("seasonal_periods").toString()).isEqualTo("[24.0,168.0]");
    assertThat(r.path("cv_scores").findValuesAsText("model")).anyMatch(m -> m.startsWith("mstl"));
    assertThat(texts(r.path("forecast").path("ds")).get(0)).isEqualTo("2024-01-22 00:00:00");
    // a caller's seasonality replaces the frequency's
    JsonNode one = upload(csv.toString(), "?seasonality=24");
    JsonNode h24 =
        http.get("/api/datasets/" + one.path("dataset_id").asText() + "/series/H").json();
    assertThat(h24.path("seasonal_periods").toString()).isEqualTo("[24.0]");
  }

  @Test
  void requestedLevels_giveTheirIntervals_inJsonAndCsv_andTheDefaultStays80And95() {
    String csv = TestServers.monthlyCsv(1, 24, 1.0);
    JsonNode up = upload(csv, "?optimize=true&models=naive&horizon=2&level=" + enc("99,50"));
    awaitCompleted(up);
    String dataset = up.path("dataset_id").asText();
    JsonNode f = result(dataset, "SKU0").path("forecast");
    List<String> keys = new ArrayList<>();
    f.fieldNames().forEachRemaining(keys::add);
    assertThat(keys).containsExactly("ds", "y_hat", "lo_50", "hi_50", "lo_99", "hi_99");
    String header =
        http.get("/api/datasets/" + dataset + "/forecasts?format=csv")
            .body()
            .lines()
            .findFirst()
            .orElseThrow();
    assertThat(header)
        .isEqualTo("unique_id,ds,model,y_hat,lo_50,hi_50,lo_99,hi_99,frequency,fallback");
    // POST /api/jobs takes a list; the dataset's export then names every level it holds
    Http.Res again =
        http.postJson(
            "/api/jobs",
            "{\"dataset_id\":\""
                + dataset
                + "\",\"models\":[\"naive\"],\"horizon\":2,"
                + "\"level\":[90]}");
    assertThat(again.status()).as(again.body()).isIn(200, 201);
    awaitCompleted(again.json());
    JsonNode f90 = result(dataset, "SKU0").path("forecast");
    assertThat(f90.has("lo_90")).isTrue();
    assertThat(f90.has("lo_50")).isFalse();
    JsonNode plain = upload(csv, "?optimize=true&models=naive&horizon=2");
    awaitCompleted(plain);
    assertThat(result(plain.path("dataset_id").asText(), "SKU0").path("forecast").has("lo_95"))
        .isTrue();
  }

  @Test
  void aShortSeries_saysItFellBack_andWhy_inJsonAndCsv() {
    JsonNode up =
        upload(
            "unique_id,ds,y\nTINY,2024-01-01,4\nTINY,2024-02-01,5\n", "?optimize=true&horizon=2");
    awaitCompleted(up);
    String dataset = up.path("dataset_id").asText();
    JsonNode r = result(dataset, "TINY");
    assertThat(r.path("fallback").path("cause").asText()).isEqualTo("short_series");
    assertThat(r.path("fallback").path("reason").asText()).isNotBlank();
    JsonNode job = http.get("/api/jobs/" + up.path("job_ids").get(0).asText()).json();
    assertThat(job.path("result").path("skus").get(0).path("fallback").path("cause").asText())
        .isEqualTo("short_series");
    List<String> lines =
        http.get("/api/datasets/" + dataset + "/forecasts?format=csv").body().lines().toList();
    assertThat(lines.get(1)).startsWith("TINY,2024-03-01,naive,5.0,").endsWith(",MS,short_series");
  }
}
