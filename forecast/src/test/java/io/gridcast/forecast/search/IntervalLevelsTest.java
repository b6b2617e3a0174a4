package io.gridcast.forecast.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridcast.forecast.model.ModelSpec;
import io.gridcast.forecast.model.Naive;
import io.gridcast.forecast.model.PredictionInterval;
import io.gridcast.forecast.search.TestSpecs.Mean;
import io.gridcast.forecast.series.Series;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class IntervalLevelsTest {

  private static Series noisy(int n) {
    Random rnd = new Random(11);
    double[] y = new double[n];
    double level = 50;
    for (int t = 0; t < n; t++) {
      level += rnd.nextGaussian();
      y[t] = level + 3 * rnd.nextGaussian();
    }
    return Series.of("s", 1, y);
  }

  private static OptimizationResult run(List<ModelSpec> models, double... levels) {
    GridOptimizer.Builder b = GridOptimizer.builder().horizon(6).folds(3);
    if (levels.length > 0) {
      b.levels(levels);
    }
    return b.build().optimize(noisy(60), models);
  }

  @Test
  void defaultLevels_are80And95() {
    OptimizationResult r = run(List.of(new Naive()));
    assertThat(r.intervals()).extracting(PredictionInterval::level).containsExactly(0.8, 0.95);
    assertThat(r.interval80()).isSameAs(r.intervals().get(0));
  }

  @Test
  void anyLevels_giveOneNestedIntervalEach_ascending_analyticOrFromTheBacktest() {
    for (List<ModelSpec> models :
        List.<List<ModelSpec>>of(List.of(new Naive()), List.of(new Mean()))) {
      OptimizationResult r = run(models, 99, 50, 90);
      assertThat(r.intervals())
          .extracting(PredictionInterval::level)
          .containsExactly(0.5, 0.9, 0.99);
      for (int s = 0; s < r.horizon(); s++) {
        double f = r.forecast()[s];
        double width = 0;
        for (PredictionInterval p : r.intervals()) {
          double w = p.upper()[s] - p.lower()[s];
          assertThat(p.lower()[s]).isLessThanOrEqualTo(f);
          assertThat(p.upper()[s]).isGreaterThanOrEqualTo(f);
          assertThat(w).as(r.intervalMethod() + " level " + p.level()).isGreaterThan(width);
          width = w;
        }
      }
    }
    assertThat(run(List.of(new Naive()), 90).intervalMethod()).isEqualTo(IntervalMethod.ANALYTIC);
    assertThat(run(List.of(new Mean()), 90).intervalMethod()).isEqualTo(IntervalMethod.BACKTEST);
  }

  @Test
  void aLevelInTheDefaults_givesTheSameIntervalAsTheDefaults() {
    OptimizationResult defaults = run(List.of(new Mean()));
    OptimizationResult custom = run(List.of(new Mean()), 95, 50);
    assertThat(custom.interval95().upper()).containsExactly(defaults.interval95().upper());
    assertThatThrownBy(custom::interval80)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no interval at level 0.8");
  }

  @Test
  void levelsOutsideZeroToHundred_orRepeated_orNone_areRefused() {
    for (double bad : new double[] {0, 100, -5, 120, Double.NaN}) {
      assertThatThrownBy(() -> GridOptimizer.builder().levels(80, bad))
          .isInstanceOf(InvalidOptimizerSettingException.class)
          .hasMessageContaining("levels each must be in (0, 100), got " + bad);
    }
    assertThatThrownBy(() -> GridOptimizer.builder().levels(80, 80))
        .hasMessageContaining("must not repeat a level");
    assertThatThrownBy(() -> GridOptimizer.builder().levels())
        .hasMessageContaining("at least one level");
    assertThatThrownBy(() -> GridOptimizer.builder().levels("80,x"))
        .hasMessageContaining("levels must be percentages such as 80,95, got '80,x'");
    assertThat(GridOptimizer.builder().horizon(1).levels(" 95, 50").build().settings().levels())
        .containsExactly(50.0, 95.0);
  }

  @Test
  void naiveFallback_hasEveryAskedLevel() {
    OptimizationResult r =
        GridOptimizer.builder()
            .horizon(3)
            .levels(60, 99.5)
            .build()
            .optimize(Series.of("short", 1, 4, 5), List.of(new Naive()));
    assertThat(r.fallback()).isPresent();
    assertThat(r.intervals()).extracting(PredictionInterval::level).containsExactly(0.6, 0.995);
  }
}
