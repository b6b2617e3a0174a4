package io.gridcast.forecast.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridcast.forecast.model.Drift;
import io.gridcast.forecast.model.ModelSpec;
import io.gridcast.forecast.model.MovingAverage;
import io.gridcast.forecast.model.Naive;
import io.gridcast.forecast.series.Series;
import io.gridcast.forecast.smoothing.Ses;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class IncumbentMarginTest {
  private static final GridOptimizer OPTIMIZER =
      GridOptimizer.builder().horizon(4).folds(3).parallelism(1).build();

  private static Series noisyLevel() {
    Random r = new Random(7);
    double[] y = new double[48];
    for (int t = 0; t < y.length; t++) {
      y[t] = 100 + 10 * r.nextGaussian();
    }
    return Series.of("noisy", 1, y);
  }

  private static double score(OptimizationResult r, ModelSpec spec) {
    return r.scores().stream().filter(s -> s.spec().equals(spec)).findFirst().orElseThrow().score();
  }

  @Test
  void incumbent_staysWhenAChallengerIsOnlySlightlyBetter_andYieldsWhenClearlyBeaten() {
    Series s = noisyLevel();
    ModelSpec incumbent = new Naive();
    ModelSpec challenger = new Ses(0.1);
    List<ModelSpec> specs = List.of(incumbent, challenger);
    OptimizationResult plain = OPTIMIZER.optimize(s, new CandidateSet(specs, List.of()));
    double a = score(plain, incumbent);
    double b = score(plain, challenger);
    assertThat(b).as("the challenger scores better on a noisy level").isLessThan(a);
    assertThat(plain.chosen()).isEqualTo(challenger);
    double gap = 1 - b / a;

    OptimizationResult guarded =
        OPTIMIZER.optimize(s, new CandidateSet(specs, List.of(), Math.min(0.99, gap + 0.01)));
    assertThat(guarded.chosen()).isEqualTo(incumbent);

    OptimizationResult open = OPTIMIZER.optimize(s, new CandidateSet(specs, List.of(), gap / 2));
    assertThat(open.chosen()).isEqualTo(challenger);
  }

  @Test
  void keptIncumbent_getsIntervalsFromItsOwnBacktestErrors() {
    double[] y = new double[40];
    for (int t = 0; t < y.length; t++) {
      y[t] = 10 + t + (t % 2 == 0 ? 1 : -1);
    }
    Series s = Series.of("zigzag", 1, y);
    // Drift is the clear winner; a moving average (no analytic interval) as incumbent with a 99%
    // hurdle stays, and its backtest intervals come from its own errors, not the winner's.
    ModelSpec incumbent = new MovingAverage(3);
    List<ModelSpec> specs = List.of(incumbent, new Drift());
    OptimizationResult kept = OPTIMIZER.optimize(s, new CandidateSet(specs, List.of(), 0.99));
    OptimizationResult alone = OPTIMIZER.optimize(s, List.of(incumbent));
    assertThat(kept.scores().get(0).spec()).isEqualTo(new Drift());
    assertThat(kept.chosen()).isEqualTo(incumbent);
    assertThat(kept.intervalMethod()).isEqualTo(IntervalMethod.BACKTEST);
    assertThat(kept.interval80().upper()).containsExactly(alone.interval80().upper());
  }
}
