package io.gridcast.server.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridcast.forecast.series.Frequency;
import io.gridcast.forecast.series.Series;
import io.gridcast.forecast.series.TimeAxis;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RestoredAnswerTest {

  /** A body as a search writes it for {@code sku} with these forecast dates. */
  private static ResultBody body(String sku, List<String> ds) {
    return body(sku, ds, null);
  }

  private static ResultBody body(String sku, List<String> ds, ResultBody.FallbackNote fallback) {
    return new ResultBody(
        sku,
        "MS",
        new double[] {12},
        "theta",
        Map.of("alpha", 0.3141592653589793),
        new ResultBody.Spec("theta", Map.of("alpha", 0.3141592653589793), null),
        Map.of("alpha", 0.3),
        "smape",
        12.5,
        3,
        List.of(new ResultBody.CvScore("naive", Map.of(), null, "series too short")),
        new ResultBody.Forecast(
            ds,
            new Double[] {1.0, 2.25, 1.0E-7},
            List.of(
                new ResultBody.Band(
                    50, new Double[] {0.5, 1.5, -3.0}, new Double[] {2.0, 3.0, 4.0}),
                new ResultBody.Band(
                    97.5, new Double[] {0.0, null, -4.0}, new Double[] {2.0, 3.0, 4.0}))),
        "analytic",
        fallback,
        Map.of("price", -4.25),
        null,
        null);
  }

  private static Series series(String id, int length, String start) {
    return new Series(
        id,
        new double[length],
        12,
        new TimeAxis.Dates(LocalDate.parse(start), Frequency.MONTH_START),
        0);
  }

  @Test
  void theCachedComputationOfABody_restoresToThatBody_forTheSameSeries() {
    ResultBody body = body("<img src=x>", List.of("2030-04-01", "2030-05-01", "2030-06-01"));
    String computation = JobJson.write(body.computation());
    assertThat(computation).doesNotContain("<img").doesNotContain("2030-");
    RestoredAnswer a = RestoredAnswer.of(series("<img src=x>", 3, "2030-01-01"), computation);
    assertThat(a.bodyJson()).isEqualTo(JobJson.write(body)); // same fields, order and numbers
    assertThat(a.model()).isEqualTo("theta");
    assertThat(a.metric()).isEqualTo("smape");
    assertThat(a.score()).isEqualTo(12.5);
    assertThat(a.frequency()).isEqualTo("MS");
    assertThat(a.fallback()).isNull();
    assertThat(a.bodyJson()).contains("\"lo_50\":[0.5,1.5,-3.0]").contains("\"hi_97.5\"");
  }

  @Test
  void aCachedFallback_isRestoredWithItsCauseAndReason() {
    ResultBody.FallbackNote note =
        new ResultBody.FallbackNote("best_refit_failed", "theta: refit failed");
    ResultBody body = body("A", List.of("2030-04-01", "2030-05-01", "2030-06-01"), note);
    RestoredAnswer a =
        RestoredAnswer.of(series("A", 3, "2030-01-01"), JobJson.write(body.computation()));
    assertThat(a.fallback()).isEqualTo(note);
    assertThat(a.bodyJson()).isEqualTo(JobJson.write(body));
  }

  @Test
  void anotherSeries_getsItsOwnSkuAndDates_andTheSameComputation() {
    String computation =
        JobJson.write(body("A", List.of("2030-04-01", "2030-05-01", "2030-06-01")).computation());
    RestoredAnswer a = RestoredAnswer.of(series("ITEM-9", 4, "2040-01-01"), computation);
    assertThat(a.bodyJson())
        .isEqualTo(
            JobJson.write(body("ITEM-9", List.of("2040-05-01", "2040-06-01", "2040-07-01"))));
  }

  @Test
  void aComputationWithoutASpecName_isRefused() {
    assertThatThrownBy(() ->
            RestoredAnswer.of(
                series("A", 3, "2030-01-01"), "{\"metric\":\"smape\",\"forecast\":{}}"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("spec.name");
  }
}
