package io.gridcast.forecast.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridcast.forecast.metric.Metric;
import io.gridcast.forecast.model.ModelSpec;
import io.gridcast.forecast.model.Naive;
import io.gridcast.forecast.model.PredictionInterval;
import io.gridcast.forecast.search.TestSpecs.Constant;
import io.gridcast.forecast.search.TestSpecs.Failing;
import io.gridcast.forecast.search.TestSpecs.LastSeason;
import io.gridcast.forecast.search.TestSpecs.Mean;
import io.gridcast.forecast.search.TestSpecs.NanForecast;
import io.gridcast.forecast.series.Series;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class GridOptimizerTest {
  private static final List<ModelSpec> GRID =
      List.of(new Naive(), new Mean(), new LastSeason(), new Constant(0));

  private static GridOptimizer optimizer(int h) {
    return GridOptimizer.builder().horizon(h).folds(3).metric(Metric.SMAPE).build();
  }

  @Test
  void seasonalSeries_choosesTheSeasonalCandidate_andRanksEveryCandidate() {
    Series s = Series.of("s", 12, TestSpecs.seasonal(60, 12, 100));
    OptimizationResult r = optimizer(12).optimize(s, GRID);

    assertThat(r.chosen()).isEqualTo(new LastSeason());
    assertThat(r.folds()).isEqualTo(3);
    assertThat(r.scores()).hasSize(4);
    assertThat(r.scores().get(0).spec()).isEqualTo(new LastSeason());
    assertThat(r.scores()).extracting(CandidateScore::score).isSorted();
    assertThat(r.forecast()).containsExactly(Arrays.copyOfRange(s.values(), 48, 60));
    assertThat(r.fallbackReason()).isEmpty();
  }

  @Test
  void sameInput_givesTheSameResult() {
    Series s = noisy("d", 80, 7);
    OptimizationResult a = optimizer(6).optimize(s, GRID);
    OptimizationResult b = optimizer(6).optimize(s, GRID);
    assertThat(a.forecast()).containsExactly(b.forecast());
    assertThat(a.scores()).isEqualTo(b.scores());
    assertThat(a.interval80().lower()).containsExactly(b.interval80().lower());
  }

  @Test
  void veryShortSeries_fallsBackToNaive_withReason_andFiniteIntervals() {
    for (double[] v : List.of(new double[] {5}, new double[] {5, 7})) {
      OptimizationResult r = optimizer(4).optimize(Series.of("short", 1, v), GRID);
      assertThat(r.chosen()).isEqualTo(new Naive());
      assertThat(r.fallbackReason()).get().asString().contains("fewer than 3");
      assertThat(r.forecast()).containsOnly(v[v.length - 1]);
      assertFinite(r);
    }
  }

  @Test
  void seriesShorterThanTheHorizon_isBacktestedOnAShorterWindow() {
    OptimizationResult r = optimizer(12).optimize(Series.of("s", 1, 3, 4, 5, 6, 7), GRID);
    assertThat(r.folds()).isEqualTo(1);
    assertThat(r.forecast()).hasSize(12);
    assertThat(r.fallbackReason()).isEmpty();
    assertFinite(r);
  }

  @Test
  void noCandidateFits_fallsBackToNaive_namingTheFailure() {
    OptimizationResult r =
        optimizer(3).optimize(noisy("x", 30, 1), List.of(new Failing(), new NanForecast()));
    assertThat(r.chosen()).isEqualTo(new Naive());
    assertThat(r.fallbackReason())
        .get()
        .asString()
        .contains("no candidate could be fitted")
        .contains("always fails");
    assertThat(r.scores()).allSatisfy(c -> assertThat(c.failure()).isPresent());
    assertThat(r.scores().get(1).failure()).get().asString().contains("non-finite forecast");
    assertFinite(r);
  }

  @Test
  void seasonalCandidateOnShortSeries_isScoredAsFailed_withTheModelsReason() {
    OptimizationResult r =
        optimizer(3)
            .optimize(
                Series.of("s", 12, 1, 2, 3, 4, 5, 6, 7, 8, 9),
                List.of(new LastSeason(), new Naive()));
    assertThat(r.chosen()).isEqualTo(new Naive());
    assertThat(r.scores().get(1).failure()).get().asString().contains("needs two seasons");
  }

  @Test
  void modelWithoutAnalyticInterval_getsBacktestIntervals_nested_andClampedAtZero() {
    Series s = noisy("n", 60, 3);
    OptimizationResult r = optimizer(8).optimize(s, List.of(new Mean()));
    assertThat(r.intervalMethod()).isEqualTo(IntervalMethod.BACKTEST);
    assertFinite(r);
    double[] f = r.forecast();
    for (int i = 0; i < f.length; i++) {
      assertThat(r.interval80().lower()[i]).isLessThanOrEqualTo(f[i]).isGreaterThanOrEqualTo(0);
      assertThat(r.interval95().lower()[i]).isLessThanOrEqualTo(r.interval80().lower()[i]);
      assertThat(r.interval95().upper()[i]).isGreaterThan(r.interval80().upper()[i]);
    }
    // widths never shrink with the step
    double[] hi = r.interval95().upper();
    for (int i = 1; i < hi.length; i++) {
      assertThat(hi[i] - f[i]).isGreaterThanOrEqualTo(hi[i - 1] - f[i - 1] - 1e-12);
    }
  }

  @Test
  void intermittentSeries_getsFiniteNonNegativeIntervals() {
    double[] y = new double[45];
    Random rnd = new Random(7);
    for (int t = 0; t < y.length; t++) {
      y[t] = rnd.nextDouble() < 0.75 ? 0 : 1 + rnd.nextInt(5);
    }
    OptimizationResult r = optimizer(6).optimize(Series.of("i", 12, y), List.of(new Mean()));
    assertFinite(r);
    assertThat(boxed(r.interval95().lower()))
        .allSatisfy(v -> assertThat(v).isGreaterThanOrEqualTo(0));
    assertThat(r.interval95().upper()[0]).isGreaterThan(r.forecast()[0]);
  }

  @Test
  void negativeHistory_isNotClamped() {
    double[] y = new double[40];
    for (int t = 0; t < y.length; t++) {
      y[t] = (t % 2 == 0 ? -1 : 1) * (t % 5);
    }
    OptimizationResult r = optimizer(4).optimize(Series.of("neg", 1, y), List.of(new Mean()));
    assertThat(r.interval95().lower()[0]).isNegative();
  }

  @Test
  void constantAndAllZeroSeries_giveZeroScoresAndNoNaN() {
    for (double level : new double[] {0, 42}) {
      double[] y = new double[30];
      Arrays.fill(y, level);
      for (Metric m : Metric.values()) {
        OptimizationResult r =
            GridOptimizer.builder()
                .horizon(5)
                .metric(m)
                .build()
                .optimize(Series.of("c", 12, y), GRID);
        assertFinite(r);
        assertThat(r.forecast()).containsOnly(level);
        if (!(m == Metric.MAPE && level == 0)) {
          assertThat(r.score()).as(m + " on " + level).isZero();
        }
      }
    }
  }

  @Test
  void analyticIntervals_areUsedWhenTheModelHasThem() {
    OptimizationResult r = optimizer(4).optimize(noisy("a", 40, 2), List.of(new Naive()));
    assertThat(r.intervalMethod()).isEqualTo(IntervalMethod.ANALYTIC);
  }

  @Test
  void progress_countsCandidates_andCancellationStopsWithANamedException() {
    List<long[]> seen = new ArrayList<>();
    optimizer(4)
        .optimize(
            noisy("p", 40, 1),
            CandidateSet.of(GRID),
            (done, total) -> seen.add(new long[] {done, total}),
            CancellationCheck.NEVER);
    assertThat(seen).extracting(a -> a[0]).containsExactly(1L, 2L, 3L, 4L);
    assertThat(seen).extracting(a -> a[1]).containsOnly(4L);

    AtomicInteger polls = new AtomicInteger();
    assertThatThrownBy(() ->
            optimizer(4)
                .optimize(
                    noisy("p", 40, 1),
                    CandidateSet.of(GRID),
                    ProgressListener.NONE,
                    () -> polls.incrementAndGet() > 2))
        .isInstanceOf(OptimizationCancelledException.class)
        .hasMessageContaining("'p'")
        .hasMessageContaining("after 2 of 4");
  }

  @Test
  void aiccPruning_keepsTheBestPerFamily_andRecordsWhy() {
    List<ModelSpec> grid =
        List.of(new Constant(1, 30), new Constant(2, 10), new Constant(3, 20), new Naive());
    OptimizationResult r =
        GridOptimizer.builder().horizon(3).aiccPruning(1).build().optimize(noisy("x", 30, 4), grid);
    assertThat(r.scores())
        .filteredOn(c -> c.failure().isPresent())
        .extracting(c -> c.spec())
        .containsExactlyInAnyOrder(new Constant(1, 30), new Constant(3, 20));
    assertThat(r.scores())
        .anySatisfy(c ->
            assertThat(c.failure()).get().asString().contains("pruned by AICc within constant"));
  }

  @Test
  void batch_runsInParallel_andKeepsInputOrder_withTheSameResultsAsOneByOne() {
    List<Series> all = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      all.add(noisy("s" + i, 30 + i, i));
    }
    GridOptimizer opt = GridOptimizer.builder().horizon(5).parallelism(2).build();
    AtomicInteger progress = new AtomicInteger();
    List<OptimizationResult> batch =
        opt.optimizeAll(
            all,
            CandidateSource.fixed(GRID),
            (d, t) -> progress.incrementAndGet(),
            CancellationCheck.NEVER);
    assertThat(batch)
        .extracting(OptimizationResult::seriesId)
        .containsExactlyElementsOf(all.stream().map(Series::id).toList());
    for (int i = 0; i < all.size(); i++) {
      assertThat(batch.get(i).forecast())
          .containsExactly(opt.optimize(all.get(i), GRID).forecast());
    }
    assertThat(progress.get()).isEqualTo(40);
  }

  @Test
  void batchCancellation_propagates() {
    List<Series> all = List.of(noisy("a", 30, 1), noisy("b", 30, 2));
    assertThatThrownBy(() ->
            optimizer(3)
                .optimizeAll(all, CandidateSource.fixed(GRID), ProgressListener.NONE, () -> true))
        .isInstanceOf(OptimizationCancelledException.class);
  }

  @Test
  void builder_rejectsBadValues_namingThem() {
    assertThatThrownBy(() -> GridOptimizer.builder().folds(0))
        .isInstanceOf(InvalidOptimizerSettingException.class)
        .hasMessage("folds must be >= 1, got 0");
    assertThatThrownBy(() -> GridOptimizer.builder().horizon(-2)).hasMessageContaining("-2");
    assertThatThrownBy(() -> GridOptimizer.builder().parallelism(0)).hasMessageContaining("0");
    assertThatThrownBy(() -> GridOptimizer.builder().build()).hasMessageContaining("horizon");
  }

  @Test
  void foldPlan_placesOriginsOneHorizonApart_andAdaptsToShortSeries() {
    assertThat(FoldPlan.of(100, 10, 3, 10, 1).origins()).containsExactly(70, 80, 90);
    assertThat(FoldPlan.of(100, 10, 3, 1, 1).origins()).containsExactly(88, 89, 90);
    // two seasons of 12 needed before the first origin: only 2 folds fit in 40 values
    assertThat(FoldPlan.of(40, 6, 3, 6, 12).origins()).containsExactly(28, 34);
    FoldPlan tiny = FoldPlan.of(5, 10, 3, 10, 1);
    assertThat(tiny.origins()).containsExactly(3);
    assertThat(tiny.testHorizon()).isEqualTo(2);
    assertThat(FoldPlan.of(2, 10, 3, 10, 1).folds()).isZero();
  }

  private static Series noisy(String id, int n, long seed) {
    Random rnd = new Random(seed);
    double[] y = new double[n];
    double level = 50;
    for (int t = 0; t < n; t++) {
      level += rnd.nextGaussian();
      y[t] = Math.max(0, level + 3 * rnd.nextGaussian());
    }
    return Series.of(id, 1, y);
  }

  private static void assertFinite(OptimizationResult r) {
    assertThat(boxed(r.forecast())).allSatisfy(v -> assertThat(v).isFinite());
    for (PredictionInterval p : List.of(r.interval80(), r.interval95())) {
      assertThat(boxed(p.lower())).hasSize(r.horizon()).allSatisfy(v -> assertThat(v).isFinite());
      assertThat(boxed(p.upper())).hasSize(r.horizon()).allSatisfy(v -> assertThat(v).isFinite());
    }
  }

  private static List<Double> boxed(double[] a) {
    return Arrays.stream(a).boxed().toList();
  }
}
