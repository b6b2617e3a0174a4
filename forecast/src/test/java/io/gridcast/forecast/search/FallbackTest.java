package io.gridcast.forecast.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridcast.forecast.model.FittedModel;
import io.gridcast.forecast.model.ModelFitException;
import io.gridcast.forecast.model.ModelSpec;
import io.gridcast.forecast.model.Naive;
import io.gridcast.forecast.search.TestSpecs.Failing;
import io.gridcast.forecast.search.TestSpecs.Mean;
import io.gridcast.forecast.series.Series;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FallbackTest {
  private static final GridOptimizer OPTIMIZER = GridOptimizer.builder().horizon(3).build();

  private static Series trend(int n) {
    double[] y = new double[n];
    for (int t = 0; t < n; t++) {
      y[t] = 10 + t + (t % 3);
    }
    return Series.of("s", 1, y);
  }

  /** Fits on backtest prefixes but not on all {@code full} values: the best fails to refit. */
  record FailsOnAllData(int full) implements ModelSpec {
    @Override
    public String name() {
      return "fails_on_all_data";
    }

    @Override
    public Map<String, Double> parameters() {
      return Map.of();
    }

    @Override
    public FittedModel fit(double[] y, int n, int period) {
      if (n >= full) {
        throw new ModelFitException(name(), "cannot refit");
      }
      return new TestSpecs.Constant(y[n - 1]).fit(y, n, period);
    }
  }

  @Test
  void aResultThatDidNotFallBack_saysSo() {
    OptimizationResult r = OPTIMIZER.optimize(trend(30), List.of(new Naive()));
    assertThat(r.fallback()).isEmpty();
    assertThat(r.fallbackReason()).isEmpty();
  }

  @Test
  void shortSeries_fallsBackToNaive_asShortSeries() {
    OptimizationResult r = OPTIMIZER.optimize(Series.of("s", 1, 3, 4), List.of(new Mean()));
    assertThat(r.fallback())
        .get()
        .extracting(Fallback::cause)
        .isEqualTo(Fallback.Cause.SHORT_SERIES);
    assertThat(r.fallback().get().isNaive()).isTrue();
    assertThat(r.fallback().get().cause().code()).isEqualTo("short_series");
    assertThat(r.fallbackReason()).contains("series has 2 values, fewer than 3: naive forecast");
    assertThat(r.chosen()).isEqualTo(new Naive());
  }

  @Test
  void noCandidates_fallsBackToNaive_asNoCandidates() {
    OptimizationResult r = OPTIMIZER.optimize(trend(30), List.of());
    assertThat(r.fallback())
        .get()
        .extracting(Fallback::cause)
        .isEqualTo(Fallback.Cause.NO_CANDIDATES);
  }

  @Test
  void everyCandidateFailing_fallsBackToNaive_namingTheFailures() {
    OptimizationResult r = OPTIMIZER.optimize(trend(30), List.of(new Failing()));
    Fallback f = r.fallback().orElseThrow();
    assertThat(f.cause()).isEqualTo(Fallback.Cause.NO_CANDIDATE_FITTED);
    assertThat(f.isNaive()).isTrue();
    assertThat(f.reason()).contains("no candidate could be fitted").contains("always fails");
  }

  @Test
  void aBestCandidateThatCannotRefit_givesWayToTheNext_andTheResultSaysWhy() {
    OptimizationResult r =
        OPTIMIZER.optimize(trend(30), List.of(new FailsOnAllData(30), new Mean()));
    Fallback f = r.fallback().orElseThrow();
    assertThat(r.scores().get(0).spec()).isEqualTo(new FailsOnAllData(30));
    assertThat(r.chosen()).isEqualTo(new Mean());
    assertThat(f.cause()).isEqualTo(Fallback.Cause.BEST_REFIT_FAILED);
    assertThat(f.isNaive()).isFalse();
    assertThat(f.reason()).contains("best candidates failed to refit").contains("cannot refit");
  }
}
