package io.gridcast.server.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.gridcast.server.app.GridcastServer;
import io.gridcast.server.config.DatabaseUrl;
import io.gridcast.server.config.Role;
import io.gridcast.server.it.Http;
import io.gridcast.server.it.TestServers;
import java.time.Duration;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Jobs with covariates through the API and a worker, run once per database: an optimization of a
 * series driven by price and promotions reports each covariate's coefficient, in the job's result
 * and in the stored forecast; a rescoring refits the stored model with the covariates; a validation
 * backtests a covariate model; holidays enter as covariates of their own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class CovariateJobContract {
  private static final int MONTHS = 48;
  private static final int HORIZON = 6;

  private GridcastServer server;

  abstract DatabaseUrl database();

  @BeforeAll
  void start() {
    server = TestServers.start(Role.SERVE, database(), 2);
  }

  @AfterAll
  void stop() {
    server.close();
  }

  /** Demand that falls 4 per unit of price and rises 25 in a promotion month, plus small noise. */
  public static String history() {
    StringBuilder sb = new StringBuilder("unique_id,ds,y,price,promo\n");
    for (int m = 0; m < MONTHS; m++) {
      double price = 10 + (m * 7 % 5);
      int promo = m % 5 == 0 ? 1 : 0;
      double y = 300 - 4 * price + 25 * promo + 3 * Math.sin(m * 1.7);
      sb.append(
          String.format(
              Locale.ROOT,
              "A,%s,%.4f,%.1f,%d\n",
              CovariateUploadContract.month(m),
              y,
              price,
              promo));
    }
    return sb.toString();
  }

  private static JsonNode awaitJob(Http http, String id) {
    await()
        .atMost(Duration.ofSeconds(120))
        .until(
            () -> http.get("/api/jobs/" + id).json().path("status").asText(),
            s -> s.equals("completed") || s.equals("failed"));
    JsonNode job = http.get("/api/jobs/" + id).json();
    assertThat(job.path("status").asText()).as(job.toString()).isEqualTo("completed");
    return job;
  }

  private static JsonNode submit(Http http, String body) {
    Http.Res r = http.post("/api/jobs", "application/json", body);
    assertThat(r.status()).as(r.body()).isBetween(200, 202);
    return r.json();
  }

  private String datasetWithFuture(Http http) {
    Http.Res up = http.post("/api/datasets", "text/csv", history());
    assertThat(up.status()).as(up.body()).isEqualTo(201);
    String id = up.json().path("dataset_id").asText();
    Http.Res f =
        http.post(
            "/api/datasets/" + id + "/future",
            "text/csv",
            CovariateUploadContract.future(1, MONTHS, MONTHS + HORIZON).replace("SKU0,", "A,"));
    assertThat(f.status()).as(f.body()).isEqualTo(201);
    return id;
  }

  @Test
  void anOptimizationWithCovariates_reportsEachCoefficient_inTheJobAndTheStoredForecast() {
    Http http = TestServers.client(server);
    String id = datasetWithFuture(http);
    JsonNode created =
        submit(
            http,
            "{\"dataset_id\":\"" + id + "\",\"models\":[\"arima_x\"],\"horizon\":" + HORIZON + "}");
    JsonNode job = awaitJob(http, created.path("job_ids").get(0).asText());
    JsonNode line = job.path("result").path("skus").get(0);
    assertThat(line.path("model").asText()).isEqualTo("arima_x");
    assertThat(line.path("covariates").path("price").asDouble()).isCloseTo(-4.0, within(0.5));
    assertThat(line.path("covariates").path("promo").asDouble()).isCloseTo(25.0, within(2.0));

    JsonNode stored = http.get("/api/datasets/" + id + "/forecasts?sku=A").json();
    JsonNode f = stored.path("forecasts").get(0);
    assertThat(f.path("covariates").path("price").asDouble()).isCloseTo(-4.0, within(0.5));
    assertThat(f.path("forecast").path("y_hat")).hasSize(HORIZON);
    // the future price of 12 and promotions 0,1,0,... shape the forecast
    double first = f.path("forecast").path("y_hat").get(0).asDouble();
    double second = f.path("forecast").path("y_hat").get(1).asDouble();
    assertThat(second - first).isCloseTo(25.0, within(6.0));

    // rescoring refits the stored arima_x with the covariates
    JsonNode rescored =
        awaitJob(
            http,
            submit(
                    http,
                    "{\"dataset_id\":\""
                        + id
                        + "\",\"type\":\"rescoring\",\"horizon\":"
                        + HORIZON
                        + "}")
                .path("job_ids")
                .get(0)
                .asText());
    JsonNode r = rescored.path("result").path("skus").get(0);
    assertThat(r.path("model").asText()).isEqualTo("arima_x");
    assertThat(r.path("covariates").path("price").asDouble()).isCloseTo(-4.0, within(0.5));
  }

  @Test
  void aValidation_backtestsACovariateModel_withTheStoredCovariates() {
    Http http = TestServers.client(server);
    String id = datasetWithFuture(http);
    JsonNode job =
        awaitJob(
            http,
            submit(
                    http,
                    "{\"dataset_id\":\""
                        + id
                        + "\",\"type\":\"validation\",\"models\":[\"regression\",\"naive\"],"
                        + "\"horizon\":"
                        + HORIZON
                        + "}")
                .path("job_ids")
                .get(0)
                .asText());
    JsonNode rows = job.path("result").path("per_sku");
    JsonNode regression = null;
    JsonNode naive = null;
    for (JsonNode row : rows) {
      if (row.path("model").asText().equals("regression")) {
        regression = row;
      } else {
        naive = row;
      }
    }
    assertThat(regression).as(rows.toString()).isNotNull();
    assertThat(regression.path("error").isMissingNode()).as(regression.toString()).isTrue();
    assertThat(regression.path("smape").asDouble())
        .as("the covariates explain the series; naive cannot see them")
        .isLessThan(naive.path("smape").asDouble());
  }

  @Test
  void holidays_areCovariatesOfTheirOwn_reportedByName() {
    Http http = TestServers.client(server);
    StringBuilder csv = new StringBuilder("unique_id,ds,y\n");
    java.time.LocalDate d = java.time.LocalDate.of(2023, 1, 1);
    java.util.Set<java.time.LocalDate> holidays =
        java.util.Set.of(
            java.time.LocalDate.of(2023, 1, 1),
            java.time.LocalDate.of(2023, 7, 4),
            java.time.LocalDate.of(2023, 12, 25),
            java.time.LocalDate.of(2024, 1, 1),
            java.time.LocalDate.of(2024, 7, 4));
    for (int i = 0; i < 560; i++, d = d.plusDays(1)) {
      double y = 100 + 5 * Math.sin(i * 0.9) - (holidays.contains(d) ? 60 : 0);
      csv.append(String.format(Locale.ROOT, "H,%s,%.3f\n", d, y));
    }
    Http.Res up =
        http.post(
            "/api/datasets?optimize=true&models=regression&horizon=7&holidays=US",
            "text/csv",
            csv.toString());
    assertThat(up.status()).as(up.body()).isEqualTo(201);
    JsonNode job = awaitJob(http, up.json().path("job_ids").get(0).asText());
    JsonNode line = job.path("result").path("skus").get(0);
    assertThat(line.path("covariates").has("holiday")).as(line.toString()).isTrue();
    assertThat(line.path("covariates").path("holiday").asDouble())
        .as("the marked holidays pull demand down; the other US holidays do not")
        .isLessThan(-10);
  }
}
