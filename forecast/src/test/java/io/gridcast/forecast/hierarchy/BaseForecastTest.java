package io.gridcast.forecast.hierarchy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.gridcast.forecast.model.Naive;
import io.gridcast.forecast.model.PredictionInterval;
import io.gridcast.forecast.search.GridOptimizer;
import io.gridcast.forecast.search.OptimizationResult;
import io.gridcast.forecast.series.Series;
import java.util.List;
import org.junit.jupiter.api.Test;

class BaseForecastTest {

  @Test
  void fromASearchResult_takesItsForecastResidualsAndTheStandardErrorOfItsInterval() {
    double[] y = {10, 12, 11, 15, 14, 13, 16, 18, 17, 19, 21, 20};
    OptimizationResult r =
        GridOptimizer.builder()
            .horizon(3)
            .parallelism(1)
            .build()
            .optimize(Series.of("s", 1, y), List.of(new Naive()));
    BaseForecast b = BaseForecast.of(r);
    assertThat(b.mean()).containsExactly(20, 20, 20);
    assertThat(b.residuals()).containsExactly(r.residuals());
    // naive: se(h) = sigma sqrt(h), sigma² the mean squared difference
    double sumSq = 0;
    for (int t = 1; t < y.length; t++) {
      sumSq += (y[t] - y[t - 1]) * (y[t] - y[t - 1]);
    }
    double sigma = Math.sqrt(sumSq / (y.length - 1));
    for (int h = 0; h < 3; h++) {
      assertThat(b.standardError()[h]).isCloseTo(sigma * Math.sqrt(h + 1), within(1e-9));
    }
  }

  @Test
  void intervalOfAnotherLength_isRefused() {
    PredictionInterval pi = new PredictionInterval(0.8, new double[] {1}, new double[] {3});
    assertThatThrownBy(() -> BaseForecast.of(2, 2).withInterval(pi))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("interval for 1 steps, forecasts for 2");
  }
}
