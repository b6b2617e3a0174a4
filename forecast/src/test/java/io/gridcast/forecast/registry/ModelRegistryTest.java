package io.gridcast.forecast.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridcast.forecast.model.FittedModel;
import io.gridcast.forecast.model.ModelSpec;
import io.gridcast.forecast.model.Naive;
import io.gridcast.forecast.search.CandidateSet;
import io.gridcast.forecast.search.Combination;
import io.gridcast.forecast.series.Series;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ModelRegistryTest {

  /** A test-only spec with one parameter. */
  record Scaled(String name, double factor) implements ModelSpec {
    @Override
    public Map<String, Double> parameters() {
      return Map.of("factor", factor);
    }

    @Override
    public FittedModel fit(double[] y, int n, int period) {
      return new Naive().fit(y, n, period);
    }
  }

  private static ModelDescriptor scaled(String name, ModelTrait... traits) {
    return ModelDescriptor.of(
            name,
            "test",
            "test model",
            p -> new Scaled(name, p.getOrDefault("factor", 1.0)),
            traits)
        .withParameters(ParameterRange.of("factor", 0, 2, 1, "scale"));
  }

  private static final ModelRegistry REGISTRY =
      ModelRegistry.builder()
          .registerAll(ModelRegistry.standard())
          .register(scaled("seasonal", ModelTrait.SEASONAL))
          .register(scaled("positive", ModelTrait.POSITIVE_ONLY))
          .register(
              scaled("croston_like", ModelTrait.INTERMITTENT, ModelTrait.INTERMITTENT_ONLY)
                  .withGrid(
                      List.of(new Scaled("croston_like", 0.5), new Scaled("croston_like", 1.5))))
          .build();

  @Test
  void standard_registersNaive() {
    assertThat(ModelRegistry.standard().names()).contains("naive");
    assertThat(ModelRegistry.standard().descriptor("naive").grid()).containsExactly(new Naive());
  }

  @Test
  void unknownName_listsTheKnownOnes() {
    assertThatThrownBy(() -> REGISTRY.candidates(List.of("naive", "prophet")))
        .isInstanceOf(UnknownModelException.class)
        .hasMessageStartingWith("unknown model 'prophet'; known models: naive, snaive, drift,")
        .hasMessageContaining(", ets_madm, ets_mam, ")
        .hasMessageEndingWith(
            ", arima, auto_arima, arima_x, ets_x, regression, seasonal, positive, croston_like");
  }

  @Test
  void medianExpression_buildsAMedianCombination_ofTheFirstGridPoints() {
    List<ModelSpec> c =
        REGISTRY.candidates(List.of("median(naive,snaive,drift)", "median(naive+mean)"));
    assertThat(c).hasSize(2);
    assertThat(((Combination) c.get(0)).aggregation()).isEqualTo(Combination.Aggregation.MEDIAN);
    assertThat(((Combination) c.get(0)).label()).isEqualTo("median(naive,snaive,drift)");
    assertThat(((Combination) c.get(1)).members()).hasSize(2);
    assertThat(REGISTRY.isKnown("median(naive,theta)")).isTrue();
    assertThat(REGISTRY.isKnown("median(naive,prophet)")).isFalse();
    assertThatThrownBy(() -> REGISTRY.candidates(List.of("median(naive,prophet)")))
        .isInstanceOf(UnknownModelException.class);
  }

  @Test
  void splitNames_keepsTheCommasOfAMedian() {
    assertThat(ModelRegistry.splitNames(" ets, median(ets,theta , naive),a+b,"))
        .containsExactly("ets", "median(ets,theta , naive)", "a+b");
  }

  @Test
  void create_validatesParameterNamesAndRanges() {
    assertThat(REGISTRY.create("positive", Map.of("factor", 1.5)))
        .isEqualTo(new Scaled("positive", 1.5));
    assertThatThrownBy(() -> REGISTRY.create("positive", Map.of("factor", 3.0)))
        .isInstanceOf(InvalidModelParameterException.class)
        .hasMessage("positive.factor = 3.0 is outside [0.0, 2.0]");
    assertThatThrownBy(() -> REGISTRY.create("positive", Map.of("alpha", 0.1)))
        .hasMessageContaining("no parameter 'alpha'");
  }

  @Test
  void names_expandToGrids_andPlusJoinedNamesToACombination() {
    List<ModelSpec> c = REGISTRY.candidates(List.of("croston_like", "naive+positive"));
    assertThat(c)
        .containsExactly(
            new Scaled("croston_like", 0.5),
            new Scaled("croston_like", 1.5),
            Combination.of(new Naive(), new Scaled("positive", 1.0)));
  }

  @Test
  void registeringANameTwice_isRejected() {
    assertThatThrownBy(() -> ModelRegistry.builder().register(scaled("a")).register(scaled("a")))
        .hasMessageContaining("'a' registered twice");
  }

  @Test
  void defaultSelection_skipsSeasonalOnShortSeries_withAReason() {
    CandidateSet set =
        DefaultSelection.of(ModelRegistry.standard()).candidatesFor(Series.of("s", 12, ones(20)));
    assertThat(set.candidates())
        .extracting(ModelSpec::name)
        .doesNotContain("snaive", "holt_winters_additive", "holt_winters_multiplicative");
    assertThat(set.skipped()).contains("snaive: needs two full seasons (24 values), series has 20");
  }

  @Test
  void defaultSelection_skipsPositiveOnlyModels_onZerosOrNegatives() {
    CandidateSet set =
        DefaultSelection.of(ModelRegistry.standard())
            .candidatesFor(Series.of("z", 2, 3, 0, 2, 5, 1, 4));
    assertThat(set.skipped())
        .contains("holt_winters_multiplicative: needs positive values, series has minimum 0.0");
    assertThat(set.candidates()).extracting(ModelSpec::name).contains("holt_winters_additive");
  }

  @Test
  void regularSeries_getTheDefaultList_withTheCombinationAsIncumbent() {
    CandidateSet set =
        DefaultSelection.of(ModelRegistry.standard())
            .candidatesFor(Series.of("r", 1, 3, 1, 2, 5, 1, 4, 2, 3));
    assertThat(set.candidates().get(0)).isInstanceOf(Combination.class);
    assertThat(((Combination) set.candidates().get(0)).label())
        .isEqualTo("combination(theta+damped_holt_sa)");
    assertThat(set.incumbentMargin()).isEqualTo(DefaultSelection.DEFAULT_INCUMBENT_MARGIN);
    double[] longSeries = new double[DefaultSelection.LONG_SERIES];
    for (int t = 0; t < longSeries.length; t++) {
      longSeries[t] = 10 + Math.sin(t);
    }
    assertThat(
            DefaultSelection.of(ModelRegistry.standard())
                .candidatesFor(Series.of("long", 1, longSeries))
                .incumbentMargin())
        .isEqualTo(DefaultSelection.LONG_SERIES_INCUMBENT_MARGIN);
    assertThat(set.candidates()).extracting(ModelSpec::name).doesNotContain("croston", "tsb");
  }

  @Test
  void intermittentSeries_getTheIntermittentList_withoutIncumbent() {
    CandidateSet sparse =
        DefaultSelection.of(ModelRegistry.standard())
            .candidatesFor(Series.of("i", 1, 0, 0, 2, 0, 0, 4, 0, 0));
    assertThat(sparse.candidates())
        .extracting(ModelSpec::name)
        .containsExactly("ses", "croston", "sba", "tsb", "mean", "moving_average");
    assertThat(sparse.incumbentMargin()).isZero();
  }

  @Test
  void intermittentOnlyModels_namedExplicitly_areTriedOnRegularSeriesToo() {
    DefaultSelection d = DefaultSelection.of(REGISTRY);
    assertThat(d.candidates()).extracting(ModelSpec::name).doesNotContain("croston_like");
    assertThat(
            DefaultSelection.named(REGISTRY, List.of("croston_like"))
                .candidatesFor(Series.of("r", 1, 3, 1, 2, 5))
                .candidates())
        .hasSize(2);
    CandidateSet regular =
        DefaultSelection.named(REGISTRY, List.of("naive", "croston_like"))
            .withIncumbentMargin(0)
            .candidatesFor(Series.of("r", 1, 3, 1, 2, 5, 1, 4));
    assertThat(regular.candidates()).extracting(ModelSpec::name).contains("croston_like");
  }

  @Test
  void combinationIsSkipped_whenAMemberIs() {
    CandidateSet set =
        DefaultSelection.named(REGISTRY, List.of("naive+seasonal"))
            .candidatesFor(Series.of("s", 1, 1, 2, 3));
    assertThat(set.candidates()).isEmpty();
    assertThat(set.skipped())
        .containsExactly(
            "combination(naive+seasonal): member seasonal: seasonal, but the period is 1");
  }

  private static double[] ones(int n) {
    double[] y = new double[n];
    Arrays.fill(y, 1);
    return y;
  }
}
