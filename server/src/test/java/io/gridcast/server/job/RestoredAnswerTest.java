package io.gridcast.server.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.gridcast.forecast.series.Frequency;
import io.gridcast.forecast.series.Series;
import io.gridcast.forecast.series.TimeAxis;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RestoredAnswerTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A body as {@link ResultBody#of} lays it out: sku first, ds first in forecast. */
  private static final String BODY =
      "{\"sku\":\"<img src=x>\",\"model\":\"theta\","
          + "\"spec\":{\"name\":\"theta\",\"parameters\":{\"alpha\":0.3141592653589793}},"
          + "\"metric\":\"smape\",\"score\":12.5,\"candidates\":[{\"model\":\"naive\",\"score\":null}],"
          + "\"forecast\":{\"ds\":[\"2030-04-01\",\"2030-05-01\",\"2030-06-01\"],"
          + "\"y_hat\":[1.0,2.25,1.0E-7],\"lo_80\":[0.5,1.5,-3.0],\"hi_95\":[2,3,4]},"
          + "\"interval_method\":\"analytic\",\"fallback_reason\":null}";

  private static Series series() {
    return new Series(
        "<img src=x>",
        new double[] {1, 2, 3},
        12,
        new TimeAxis.Dates(LocalDate.parse("2030-01-01"), Frequency.MONTH_START),
        0);
  }

  @Test
  @SuppressWarnings("unchecked")
  void theCachedComputationOfABody_restoresToThatBody_forTheSameSeries() throws Exception {
    String computation = JobJson.write(ResultBody.computation(JSON.readValue(BODY, Map.class)));
    RestoredAnswer a = RestoredAnswer.of(series(), computation);
    assertThat(a.bodyJson()).isEqualTo(BODY); // same fields, same order, numbers as written
    assertThat(a.model()).isEqualTo("theta");
    assertThat(a.metric()).isEqualTo("smape");
    assertThat(a.score()).isEqualTo(12.5);
  }

  @Test
  @SuppressWarnings("unchecked")
  void anotherSeries_getsItsOwnSkuAndDates_andTheSameComputation() throws Exception {
    String computation = JobJson.write(ResultBody.computation(JSON.readValue(BODY, Map.class)));
    Series other =
        new Series(
            "ITEM-9",
            new double[] {1, 2, 3, 4},
            12,
            new TimeAxis.Dates(LocalDate.parse("2040-01-01"), Frequency.MONTH_START),
            0);
    Map<String, Object> body =
        JSON.readValue(RestoredAnswer.of(other, computation).bodyJson(), Map.class);
    assertThat(body.get("sku")).isEqualTo("ITEM-9");
    assertThat((Map<String, Object>) body.get("forecast"))
        .containsEntry("ds", java.util.List.of("2040-05-01", "2040-06-01", "2040-07-01"));
    assertThat(ResultBody.computation(body))
        .isEqualTo(ResultBody.computation(JSON.readValue(BODY, Map.class)));
  }

  @Test
  void aComputationWithoutASpecName_isRefused() {
    assertThatThrownBy(() -> RestoredAnswer.of(series(), "{\"metric\":\"smape\",\"forecast\":{}}"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("spec.name");
  }
}
