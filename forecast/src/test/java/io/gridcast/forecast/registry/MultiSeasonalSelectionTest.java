package io.gridcast.forecast.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridcast.forecast.decompose.MstlModel;
import io.gridcast.forecast.model.ModelSpec;
import io.gridcast.forecast.search.CandidateSet;
import io.gridcast.forecast.search.GridOptimizer;
import io.gridcast.forecast.search.OptimizationResult;
import io.gridcast.forecast.series.Series;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MultiSeasonalSelectionTest {
  private static final ModelRegistry REGISTRY = ModelRegistry.standard();

  /** Hourly-like data: a daily and a weekly cycle on a slow trend, with noise; all positive. */
  private static double[] twoCycles(int n, double offset) {
    Random r = new Random(7);
    double[] y = new double[n];
    for (int t = 0; t < n; t++) {
      y[t] =
          offset
              + 0.01 * t
              + 20 * Math.sin(2 * Math.PI * t / 24)
              + 12 * Math.cos(2 * Math.PI * t / 168)
              + r.nextGaussian();
    }
    return y;
  }

  private static Series hourly(int n, double offset) {
    return Series.of("h", 24, twoCycles(n, offset)).withSeasonalPeriods(24, 168);
  }

  private static List<MstlModel> mstl(CandidateSet set) {
    return set.candidates().stream()
        .filter(MstlModel.class::isInstance)
        .map(MstlModel.class::cast)
        .toList();
  }

  @Test
  void multiSeasonalSeries_getTheMstlModels_withTheSeriesPeriods_afterTheIncumbent() {
    CandidateSet set = DefaultSelection.of(REGISTRY).candidatesFor(hourly(700, 100));

    assertThat(mstl(set)).extracting(ModelSpec::name).containsExactly("mstl_theta", "mstl_theta");
    assertThat(mstl(set)).allSatisfy(m -> assertThat(m.periods()).containsExactly(24, 168));
    assertThat(mstl(set)).extracting(MstlModel::lambda).containsExactly(null, 0.0);
    assertThat(set.candidates().get(0).name()).isEqualTo("combination");
    assertThat(set.incumbentMargin()).isEqualTo(DefaultSelection.LONG_SERIES_INCUMBENT_MARGIN);
  }

  @Test
  void seriesWithOnlyOnePeriodThatFitsMoreThanTwice_getNoMstlModels() {
    assertThat(mstl(DefaultSelection.of(REGISTRY).candidatesFor(hourly(300, 100)))).isEmpty();
    assertThat(
            mstl(
                DefaultSelection.of(REGISTRY)
                    .candidatesFor(Series.of("m", 12, twoCycles(120, 100)))))
        .isEmpty();
  }

  @Test
  void logForms_areLeftOut_forSeriesWithZerosOrNegatives_withAReason() {
    CandidateSet set = DefaultSelection.of(REGISTRY).candidatesFor(hourly(700, 0));

    assertThat(mstl(set)).extracting(MstlModel::lambda).containsExactly((Double) null);
    assertThat(set.skipped()).anyMatch(s -> s.startsWith("mstl_theta(lambda=0.0): needs positive"));
  }

  @Test
  void namedModels_getTheSeriesPeriods_unlessTheSpecNamesItsOwn() {
    Series daily = Series.of("d", 7, twoCycles(1000, 100)).withSeasonalPeriods(7, 365.25);

    CandidateSet named =
        DefaultSelection.named(REGISTRY, List.of("mstl_theta")).candidatesFor(daily);
    ModelSpec given = REGISTRY.create("mstl_theta", Map.of("period1", 7.0));

    assertThat(mstl(named)).allSatisfy(m -> assertThat(m.periods()).containsExactly(7, 365.25));
    assertThat(((MstlModel) given).periods()).containsExactly(7);
    assertThat(DefaultSelection.withSeriesPeriods(given, daily)).isSameAs(given);
  }

  @Test
  void create_acceptsPeriodsAndLambda_andRefusesEtsParameters() {
    ModelSpec spec =
        REGISTRY.create("mstl_ets", Map.of("period1", 24.0, "period2", 168.0, "lambda", 0.0));

    assertThat(spec.parameters())
        .containsExactly(
            Map.entry("period1", 24.0), Map.entry("period2", 168.0), Map.entry("lambda", 0.0));
    assertThatThrownBy(() -> REGISTRY.create("mstl_ets", Map.of("alpha", 0.2)))
        .isInstanceOf(InvalidModelParameterException.class)
        .hasMessageContaining("no parameter 'alpha'");
    assertThatThrownBy(() -> REGISTRY.create("mstl_theta", Map.of("lambda", 2.0)))
        .hasMessageContaining("mstl_theta.lambda = 2.0 is outside [0.0, 1.0]");
  }

  @Test
  void defaultSearch_choosesAnMstlModel_whenItsBacktestBeatsTheIncumbentClearly() {
    Series s = hourly(700, 100);

    OptimizationResult r =
        GridOptimizer.builder()
            .horizon(48)
            .build()
            .optimize(s, DefaultSelection.of(REGISTRY).candidatesFor(s));

    assertThat(r.chosen().name()).startsWith("mstl_");
    assertThat(((MstlModel) r.chosen()).periods()).containsExactly(24, 168);
  }
}
