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

  private static final String COMPUTATION =
      "{\"model\":\"theta\",\"spec\":{\"name\":\"theta\",\"parameters\":{\"alpha\":0.3141592653589793}},"
          + "\"metric\":\"smape\",\"score\":12.5,\"candidates\":[{\"model\":\"naive\",\"score\":null}],"
          + "\"forecast\":{\"y_hat\":[1.0,2.25,1.0E-7],\"lo_80\":[0.5,1.5,-3.0],\"hi_95\":[2,3,4]},"
          + "\"interval_method\":\"analytic\",\"fallback_reason\":null}";

  private static Series series() {
    return new Series(
        "<img src=x>",
        new double[] {1, 2, 3},
        12,
        new TimeAxis.Dates(LocalDate.parse("2030-01-01"), Frequency.MONTHLY),
        0);
  }

  @Test
  @SuppressWarnings("unchecked")
  void copiesTheComputation_withTheAskersSkuAndDates_exactlyAsTheMapRestoreDoes() throws Exception {
    RestoredAnswer a = RestoredAnswer.of(series(), COMPUTATION);
    Map<String, Object> viaMap =
        ResultBody.restore(series(), JSON.readValue(COMPUTATION, Map.class));
    assertThat(JSON.readTree(a.bodyJson())).isEqualTo(JSON.readTree(JobJson.write(viaMap)));
    // Same field order too: sku first, ds first in forecast.
    assertThat(a.bodyJson()).startsWith("{\"sku\":\"<img src=x>\",\"model\":\"theta\"");
    assertThat(a.bodyJson())
        .contains("\"forecast\":{\"ds\":[\"2030-04-01\",\"2030-05-01\",\"2030-06-01\"],\"y_hat\"");
    assertThat(a.bodyJson()).contains("0.3141592653589793").contains("1.0E-7");
    assertThat(a.model()).isEqualTo("theta");
    assertThat(a.metric()).isEqualTo("smape");
    assertThat(a.score()).isEqualTo(12.5);
  }

  @Test
  void aComputationWithoutASpecName_isRefused() {
    assertThatThrownBy(() -> RestoredAnswer.of(series(), "{\"metric\":\"smape\",\"forecast\":{}}"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("spec.name");
  }
}
