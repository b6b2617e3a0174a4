package io.gridcast.forecast.ets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.gridcast.forecast.model.ModelFitException;
import io.gridcast.forecast.model.PredictionInterval;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Defined behaviour on awkward data, rescoring, restrictions and names. */
class EtsBehaviourTest {
  private static final double[] N1500 = RReference.series().get("N1500");

  private static List<Double> boxed(double[] v) {
    return Arrays.stream(v).boxed().toList();
  }

  private static void assertAllFinite(EtsModel model, int h) {
    assertThat(boxed(model.forecast(h))).allMatch(Double::isFinite);
    PredictionInterval pi = model.interval(h, 0.95).orElseThrow();
    assertThat(boxed(pi.lower())).allMatch(Double::isFinite);
    assertThat(boxed(pi.upper())).allMatch(Double::isFinite);
  }

  @Test
  void constantSeries_forecastsTheConstant_withFiniteFigures() {
    double[] y = new double[40];
    Arrays.fill(y, 7.5);

    EtsModel model = EtsSpec.auto().fit(y, 12);

    assertThat(boxed(model.forecast(12)))
        .allSatisfy(v -> assertThat(v).isCloseTo(7.5, within(1e-9)));
    assertAllFinite(model, 24);
    assertThat(model.aicc()).isPresent();
  }

  @Test
  void allZeroSeries_usesAnAdditiveStructure_andForecastsZero() {
    EtsModel model = EtsSpec.auto().fit(new double[30], 4);

    assertThat(model.structure().needsPositiveData()).isFalse();
    assertThat(boxed(model.forecast(8))).allSatisfy(v -> assertThat(v).isCloseTo(0, within(1e-9)));
    assertAllFinite(model, 8);
  }

  @Test
  void negativeValues_excludeMultiplicativeStructures_fromSelection() {
    double[] y = new double[48];
    Random rnd = new Random(7);
    for (int t = 0; t < y.length; t++) {
      y[t] = -50 + 10 * Math.sin(2 * Math.PI * t / 12) + rnd.nextGaussian();
    }

    EtsModel model = EtsSpec.auto().fit(y, 12);

    assertThat(model.structure().needsPositiveData()).isFalse();
    assertAllFinite(model, 18);
  }

  @Test
  void multiplicativeStructure_onNonPositiveData_failsWithTheMinimum() {
    double[] y = {3, 4, 0, 5, 6, 7, 8, 9};

    assertThatThrownBy(() -> EtsSpec.of(EtsStructure.MNN).fit(y, 1))
        .isInstanceOf(ModelFitException.class)
        .hasMessageContaining("ets_mnn")
        .hasMessageContaining("minimum is 0.0");
  }

  @Test
  void shortSeries_fewerThanTwoSeasons_selectsANonSeasonalStructure() {
    double[] y = Arrays.copyOf(N1500, 20);

    EtsModel model = EtsSpec.auto().fit(y, 12);

    assertThat(model.structure().seasonal()).isFalse();
    assertAllFinite(model, 18);
  }

  @Test
  void shortSeries_fixedSeasonalStructure_failsWithTheReason() {
    double[] y = Arrays.copyOf(N1500, 20);

    assertThatThrownBy(() -> EtsSpec.of(EtsStructure.AAA).fit(y, 12))
        .isInstanceOf(ModelFitException.class)
        .hasMessageContaining("two full seasons (24 values)")
        .hasMessageContaining("got 20");
  }

  @Test
  void fewerThanFourValues_automaticSelectionFails_withTheCount() {
    assertThatThrownBy(() -> EtsSpec.auto().fit(new double[] {1, 2, 3}, 1))
        .isInstanceOf(ModelFitException.class)
        .hasMessageContaining("at least 4 observations, got 3");
    assertThatThrownBy(() -> EtsSpec.of(EtsStructure.ANN).fit(new double[] {1, 2}, 1))
        .isInstanceOf(ModelFitException.class)
        .hasMessageContaining("got 2");
  }

  @Test
  void fourValues_automaticSelection_fallsBackToAic_andStaysFinite() {
    EtsModel model = EtsSpec.auto().fit(new double[] {10, 12, 11, 13}, 1);

    assertThat(model.aicc()).isEmpty();
    assertAllFinite(model, 5);
  }

  @Test
  void fullySpecifiedSpec_evenOnTwoValues_runsTheRecursionWithoutEstimating() {
    EtsSpec spec = EtsSpec.of(EtsStructure.ANN, Map.of("alpha", 0.5, "l0", 10.0));

    EtsModel model = spec.fit(new double[] {12, 14}, 1);

    // l1 = 10 + 0.5 * 2 = 11, l2 = 11 + 0.5 * 3 = 12.5
    assertThat(model.forecast(2)).containsExactly(12.5, 12.5);
    assertAllFinite(model, 3);
  }

  @ParameterizedTest
  @EnumSource(EtsStructure.class)
  void fittedSpec_refitsWithoutOptimisation_toTheSameModel(EtsStructure s) {
    EtsModel fitted = EtsSpec.of(s).fit(N1500, 12);

    EtsModel refit = fitted.spec().fit(N1500, 12);

    assertThat(fitted.spec().name()).isEqualTo(s.registryName());
    assertThat(fitted.spec().parameters()).containsKeys("alpha", "l0");
    assertThat(refit.forecast(18)).containsExactly(fitted.forecast(18));
    assertThat(refit.logLikelihood()).isEqualTo(fitted.logLikelihood());
    assertThat(refit.spec()).isEqualTo(fitted.spec());
  }

  @Test
  void fittedSpec_listsEveryParameter_inRsOrder_withAllSeasonalStates() {
    EtsModel model = EtsSpec.of(EtsStructure.MADM).fit(N1500, 12);

    assertThat(model.spec().parameters().keySet())
        .containsExactly(
            "alpha", "beta", "gamma", "phi", "l0", "b0", "s0", "s1", "s2", "s3", "s4", "s5", "s6",
            "s7", "s8", "s9", "s10", "s11");
    double seasonSum =
        model.spec().parameters().entrySet().stream()
            .filter(e -> e.getKey().matches("s\\d+"))
            .mapToDouble(Map.Entry::getValue)
            .sum();
    assertThat(seasonSum).isCloseTo(12, within(1e-9));
    assertThat(model.estimatedParameterCount()).isEqualTo(4 + 2 + 11 + 1);
  }

  @Test
  void givenAlpha_staysFixed_whileTheRestIsEstimated() {
    EtsModel model = EtsSpec.of(EtsStructure.AAN, Map.of("alpha", 0.3)).fit(N1500, 12);

    assertThat(model.spec().parameters().get("alpha")).isEqualTo(0.3);
    assertThat(model.spec().parameters().get("beta")).isBetween(1e-4, 0.3);
  }

  @Test
  void partialInitialStates_areRejected_withTheExpectedNames() {
    EtsSpec spec = EtsSpec.of(EtsStructure.AAN, Map.of("l0", 100.0));

    assertThatThrownBy(() -> spec.fit(N1500, 12))
        .isInstanceOf(ModelFitException.class)
        .hasMessageContaining("[l0, b0]");
  }

  @Test
  void restrictedSelection_onlyTriesAllowedStructures() {
    EtsModel additive = EtsSpec.auto(EtsSelection.DEFAULT.additiveOnly()).fit(N1500, 12);
    EtsModel flat = EtsSpec.auto(EtsSelection.DEFAULT.nonSeasonal()).fit(N1500, 12);

    assertThat(additive.structure().needsPositiveData()).isFalse();
    assertThat(flat.structure().seasonal()).isFalse();
    // R picks ETS(M,N,N) for N1500 with every structure allowed.
    assertThat(EtsSpec.auto().fit(N1500, 12).structure()).isEqualTo(EtsStructure.MNN);
    assertThat(additive.structure()).isNotEqualTo(EtsStructure.MNN);
  }

  @Test
  void registryNames_roundTrip_andUnknownNamesListTheKnownOnes() {
    assertThat(EtsSpec.registryNames()).hasSize(16).contains("ets", "ets_aadn", "ets_madm");
    for (String name : EtsSpec.registryNames()) {
      assertThat(EtsSpec.forName(name, Map.of()).name()).isEqualTo(name);
    }
    assertThatThrownBy(() -> EtsSpec.forName("ets_amm", Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ets_amm")
        .hasMessageContaining("ets_mam");
  }

  @Test
  void unknownParameter_isRejected_withItsName() {
    assertThatThrownBy(() -> EtsSpec.of(EtsStructure.ANN, Map.of("beta", 0.1)).fit(N1500, 12))
        .isInstanceOf(ModelFitException.class)
        .hasMessageContaining("beta");
  }
}
