package io.gridcast.forecast.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridcast.forecast.covariate.CovariateFit;
import io.gridcast.forecast.covariate.CovariateModelSpec;
import io.gridcast.forecast.covariate.Covariates;
import io.gridcast.forecast.covariate.RegressionSpec;
import io.gridcast.forecast.model.Naive;
import io.gridcast.forecast.registry.DefaultSelection;
import io.gridcast.forecast.registry.ModelRegistry;
import io.gridcast.forecast.series.Series;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CovariateSearchTest {
  private static final int N = 80;
  private static final int H = 6;

  /** A series driven by a promotion flag: y = 100 + 40 promo + noise. */
  private static double[] promo(long seed, int rows) {
    Random r = new Random(seed);
    double[] p = new double[rows];
    for (int t = 0; t < rows; t++) {
      p[t] = r.nextInt(4) == 0 ? 1 : 0;
    }
    return p;
  }

  private static Series series(double[] promo) {
    Random r = new Random(7);
    double[] y = new double[N];
    for (int t = 0; t < N; t++) {
      y[t] = 100 + 40 * promo[t] + r.nextGaussian();
    }
    return Series.of("sku", 1, y);
  }

  /**
   * A covariate model that records the rows it was given and whose forecast is the last row's value
   * of its one column: any row past a fit's horizon would show in {@link #seen}.
   */
  private record Spy(List<int[]> seen) implements CovariateModelSpec {
    @Override
    public String name() {
      return "spy";
    }

    @Override
    public Map<String, Double> parameters() {
      return Map.of();
    }

    @Override
    public CovariateFit fit(double[] y, int n, int period, Covariates x) {
      double[] c = x.column(0);
      int maxRow = 0;
      for (double v : c) {
        maxRow = Math.max(maxRow, (int) v);
      }
      seen.add(new int[] {n, x.rows(), maxRow});
      return RegressionSpec.defaults().fit(y, n, period, x);
    }
  }

  @Test
  void eachFold_seesOnlyTheCovariateRowsOfItsOwnHistoryAndHorizon() {
    double[] rowIndex = new double[N + H];
    for (int t = 0; t < rowIndex.length; t++) {
      rowIndex[t] = t; // the value tells which row a model was given
    }
    Covariates x = new Covariates(List.of("row"), new double[][] {rowIndex});
    List<int[]> seen = Collections.synchronizedList(new ArrayList<>());
    GridOptimizer opt = GridOptimizer.builder().horizon(H).folds(3).parallelism(1).build();

    opt.optimize(series(promo(1, N)), x, CandidateSet.of(List.of(new Spy(seen))));

    assertThat(seen).hasSize(4); // three folds and the refit
    for (int[] fit : seen) {
      int n = fit[0];
      assertThat(fit[1]).as("rows given to a fit on %d values", n).isEqualTo(n + H);
      assertThat(fit[2]).as("last row seen by a fit on %d values", n).isEqualTo(n + H - 1);
    }
    assertThat(seen.stream().mapToInt(f -> f[0]).toArray())
        .containsExactly(N - 3 * H, N - 2 * H, N - H, N);
  }

  @Test
  void covariateModels_winWhereTheCovariateDrivesDemand_andReportTheirCoefficients() {
    double[] p = promo(3, N + H);
    Covariates x = new Covariates(List.of("promo"), new double[][] {p});
    GridOptimizer opt = GridOptimizer.builder().horizon(H).parallelism(1).build();
    DefaultSelection selection = DefaultSelection.of(ModelRegistry.standard());
    Series s = series(p);

    OptimizationResult r = opt.optimize(s, x, selection.candidatesFor(s, x));

    assertThat(r.chosen()).isInstanceOf(CovariateModelSpec.class);
    assertThat(r.covariateNames()).containsExactly("promo");
    assertThat(r.covariateCoefficients().get("promo")).isBetween(38.0, 42.0);
    for (int step = 0; step < H; step++) {
      assertThat(r.forecast()[step]).isBetween(95 + 40 * p[N + step], 105 + 40 * p[N + step]);
    }
  }

  @Test
  void withoutCovariates_theCovariateModelsAreSkippedWithTheReason() {
    GridOptimizer opt = GridOptimizer.builder().horizon(H).parallelism(1).build();
    ModelRegistry registry = ModelRegistry.standard();
    CandidateSet set =
        DefaultSelection.named(registry, List.of("arima_x", "ets_x", "regression", "naive"))
            .candidatesFor(series(promo(1, N)));

    OptimizationResult r = opt.optimize(series(promo(1, N)), Covariates.none(), set);

    assertThat(r.chosen()).isEqualTo(new Naive());
    assertThat(r.fallback()).isEmpty();
    assertThat(r.skipped())
        .contains(
            "arima_x: needs covariates, the series has none",
            "ets_x: needs covariates, the series has none",
            "regression: needs covariates, the series has none");
    assertThat(r.covariateNames()).isEmpty();
    assertThat(r.covariateCoefficients()).isEmpty();
  }

  @Test
  void futureRowsShortOfTheHorizon_skipTheCovariateModelsNamingTheCoverage() {
    double[] p = promo(3, N + 2);
    Covariates x = new Covariates(List.of("promo"), new double[][] {p});
    GridOptimizer opt = GridOptimizer.builder().horizon(H).parallelism(1).build();
    CandidateSet set = CandidateSet.of(List.of(RegressionSpec.defaults(), new Naive()));

    OptimizationResult r = opt.optimize(series(promo(3, N)), x, set);

    assertThat(r.chosen()).isEqualTo(new Naive());
    assertThat(r.skipped()).containsExactly("regression: future covariates cover 2 of 6 steps");
  }

  @Test
  void defaultSelection_addsCovariateChallengersOnlyWhenThereAreCovariates() {
    DefaultSelection selection = DefaultSelection.of(ModelRegistry.standard());
    Series s = series(promo(1, N));
    Covariates x = new Covariates(List.of("promo"), new double[][] {promo(1, N + H)});

    List<String> without =
        selection.candidatesFor(s).candidates().stream().map(m -> m.name()).toList();
    List<String> with =
        selection.candidatesFor(s, x).candidates().stream().map(m -> m.name()).toList();

    assertThat(without).doesNotContain("arima_x", "ets_x", "regression");
    assertThat(with).endsWith("arima_x", "ets_x", "regression");
    assertThat(with.get(0)).isEqualTo(without.get(0));
  }

  @Test
  void optimizeEach_givesEachSeriesItsOwnCovariates() {
    double[] p = promo(3, N + H);
    Covariates x = new Covariates(List.of("promo"), new double[][] {p});
    Series driven = series(p);
    Series plain = new Series("plain", driven.values(), 1, driven.axis(), 0);
    GridOptimizer opt = GridOptimizer.builder().horizon(H).parallelism(2).build();
    CandidateSource source = CandidateSource.fixed(List.of(RegressionSpec.defaults()));

    List<OptimizationResult> out =
        opt.optimizeAll(
            List.of(driven, plain),
            s -> s.id().equals("sku") ? x : Covariates.none(),
            source,
            ProgressListener.NONE,
            CancellationCheck.NEVER);

    assertThat(out.get(0).covariateNames()).containsExactly("promo");
    assertThat(out.get(1).covariateNames()).isEmpty();
    assertThat(out.get(1).fallback()).isPresent();
  }
}
