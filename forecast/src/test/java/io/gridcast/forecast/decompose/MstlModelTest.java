package io.gridcast.forecast.decompose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.gridcast.forecast.model.FittedModel;
import io.gridcast.forecast.model.ModelFitException;
import io.gridcast.forecast.model.Naive;
import io.gridcast.forecast.theta.Theta;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MstlModelTest {
  private static final double[] HOURLY = DecomposeFixtures.series().get("synth_hourly2");

  @Test
  void forecast_isTheAdjustedForecastPlusEachComponentsLastCycle() {
    MstlModel spec = new MstlModel("mstl_naive", new Naive(), new double[] {24, 168}, null);
    MstlDecomposition d = Mstl.of(24, 168).decompose(HOURLY);
    int n = HOURLY.length;

    double[] f = spec.fit(HOURLY, 1).forecast(200);

    double level = d.adjusted()[n - 1];
    for (int h = 0; h < 200; h++) {
      double expected = level + d.seasonal(0)[n - 24 + h % 24] + d.seasonal(1)[n - 168 + h % 168];
      assertThat(f[h]).as("h=%d", h + 1).isCloseTo(expected, within(1e-9));
    }
  }

  @Test
  void fittedValues_areTheInnerOneStepForecastsPlusTheSeasonalComponentsAtTheSameTime() {
    MstlModel spec = new MstlModel("mstl_naive", new Naive(), new double[] {24, 168}, null);
    MstlDecomposition d = Mstl.of(24, 168).decompose(HOURLY);

    double[] fitted = spec.fit(HOURLY, 1).fittedValues().orElseThrow();

    assertThat(fitted).hasSize(HOURLY.length);
    assertThat(fitted[0]).isNaN();
    for (int t = 1; t < HOURLY.length; t++) {
      double expected = d.adjusted()[t - 1] + d.seasonal(0)[t] + d.seasonal(1)[t];
      assertThat(fitted[t]).as("t=%d", t).isCloseTo(expected, within(1e-9));
    }
  }

  @Test
  void fittedValues_onTheLogScale_areTransformedBack() {
    MstlModel spec =
        new MstlModel("mstl_naive", new Naive(), new double[] {24}, null).withLambda(0);
    double[] logged = Arrays.stream(HOURLY).map(Math::log).toArray();
    double[] onLog =
        new MstlModel("mstl_naive", new Naive(), new double[] {24}, null)
            .fit(logged, 1)
            .fittedValues()
            .orElseThrow();

    double[] fitted = spec.fit(HOURLY, 1).fittedValues().orElseThrow();

    for (int t = 1; t < HOURLY.length; t++) {
      assertThat(fitted[t]).as("t=%d", t).isCloseTo(Math.exp(onLog[t]), within(1e-6));
    }
  }

  @Test
  void fit_withoutPeriods_usesTheSinglePeriodItIsGiven() {
    MstlModel spec = MstlModel.of("mstl_theta", new Theta());

    double[] own = spec.fit(HOURLY, 24).forecast(48);
    double[] named = spec.withPeriods(24).fit(HOURLY, 1).forecast(48);

    assertThat(own).containsExactly(named);
  }

  @Test
  void fit_withNoPeriodThatFitsMoreThanTwice_fitsTheInnerModelToTheRawSeries() {
    double[] y = Arrays.copyOf(HOURLY, 300);
    MstlModel spec = new MstlModel("mstl_theta", new Theta(), new double[] {168}, null);

    double[] f = spec.fit(y, 1).forecast(10);

    assertThat(f).containsExactly(new Theta().fit(y, 1).forecast(10));
  }

  @Test
  void fit_onAPrefix_ignoresLaterValues_andDropsPeriodsThePrefixCannotHold() {
    MstlModel spec = new MstlModel("mstl_theta", new Theta(), new double[] {24, 168}, null);

    double[] prefix = spec.fit(HOURLY, 300, 1).forecast(24);
    double[] copy =
        new MstlModel("mstl_theta", new Theta(), new double[] {24}, null)
            .fit(Arrays.copyOf(HOURLY, 300), 1)
            .forecast(24);

    assertThat(prefix).containsExactly(copy);
  }

  @Test
  void fit_onTheLogScale_refusesNonPositiveValues() {
    double[] y = HOURLY.clone();
    y[10] = 0;
    MstlModel spec = new MstlModel("mstl_theta", new Theta(), new double[] {24}, 0.0);

    assertThatThrownBy(() -> spec.fit(y, 1))
        .isInstanceOf(ModelFitException.class)
        .hasMessageContaining("mstl_theta")
        .hasMessageContaining("positive values, got 0.0 at 10");
  }

  @Test
  void interval_isTheInnerIntervalShiftedLikeThePoints() {
    MstlModel spec = new MstlModel("mstl_theta", new Theta(), new double[] {24, 168}, null);
    FittedModel fit = spec.fit(HOURLY, 1);

    double[] f = fit.forecast(48);
    var i95 = fit.interval(48, 0.95).orElseThrow();

    for (int h = 0; h < 48; h++) {
      assertThat(i95.lower()[h]).isLessThan(f[h]);
      assertThat(i95.upper()[h]).isGreaterThan(f[h]);
      assertThat((i95.lower()[h] + i95.upper()[h]) / 2).isCloseTo(f[h], within(1e-9));
    }
  }

  @Test
  void parameters_carryPeriodsAndLambda_andRebuildTheSameSpec() {
    MstlModel spec = new MstlModel("mstl_theta", new Theta(0.3), new double[] {7, 365.25}, 0.0);

    Map<String, Double> p = spec.parameters();
    MstlModel rebuilt = MstlModel.fromParameters("mstl_theta", p, Theta::fromParameters);

    assertThat(p)
        .containsExactly(
            Map.entry("period1", 7.0),
            Map.entry("period2", 365.25),
            Map.entry("lambda", 0.0),
            Map.entry("alpha", 0.3));
    assertThat(rebuilt).isEqualTo(spec);
  }

  @Test
  void fittedSpec_keepsThePeriodsAndTheInnerModelsEstimates() {
    MstlModel spec = new MstlModel("mstl_theta", new Theta(), new double[] {24, 168}, null);

    MstlModel fitted = (MstlModel) spec.fit(HOURLY, 1).spec();

    assertThat(fitted.periods()).containsExactly(24, 168);
    assertThat(fitted.inner().parameters()).containsKey("alpha");
  }

  @Test
  void constructor_refusesAPeriodBelowTwo() {
    assertThatThrownBy(() -> new MstlModel("mstl_theta", new Theta(), new double[] {1.5}, null))
        .hasMessageContaining("[1.5]");
  }
}
