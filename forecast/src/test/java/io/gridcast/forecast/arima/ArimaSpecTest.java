package io.gridcast.forecast.arima;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.gridcast.forecast.model.ModelFitException;
import io.gridcast.forecast.model.ModelSpec;
import io.gridcast.forecast.registry.InvalidModelParameterException;
import io.gridcast.forecast.registry.ModelRegistry;
import io.gridcast.forecast.search.Combination;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The ARIMA specs as the registry, the search and a rescoring refit use them. */
class ArimaSpecTest {
  private static final ModelRegistry REGISTRY = ModelRegistry.standard();

  @Test
  void fittedSpec_carriesOrdersAndCoefficients_andRecreatesTheSameModel() {
    double[] y = ArimaReference.series().get("N1500");
    ArimaModel fitted = AutoArimaSpec.defaults().fit(y, 12);
    ModelSpec stored = fitted.spec();
    assertThat(stored.name()).isEqualTo(ArimaSpec.NAME);
    assertThat(stored.parameters()).containsKeys("p", "d", "q", "P", "D", "Q", "include_mean");
    ModelSpec again = REGISTRY.create(stored.name(), stored.parameters());
    ArimaModel refit = (ArimaModel) again.fit(y, 12);
    assertThat(refit.order()).isEqualTo(fitted.order());
    assertThat(refit.coefficients()).isEqualTo(fitted.coefficients());
    double[] a = fitted.forecast(12);
    double[] b = refit.forecast(12);
    for (int h = 0; h < 12; h++) {
      assertThat(b[h]).isCloseTo(a[h], within(1e-9 * Math.abs(a[h])));
    }
  }

  @Test
  void refitSpec_ofAutoArima_keepsTheChosenOrders_andEstimatesTheCoefficientsAgain() {
    double[] y = ArimaReference.series().get("N1500");
    ArimaModel fitted = AutoArimaSpec.defaults().fit(y, 12);
    ModelSpec refit = AutoArimaSpec.defaults().refitSpec(fitted.spec());
    assertThat(refit).isInstanceOf(ArimaSpec.class);
    assertThat(((ArimaSpec) refit).order()).isEqualTo(fitted.order());
    assertThat(((ArimaSpec) refit).coefficients()).isEmpty();
    double[] shorter = Arrays.copyOf(y, y.length - 12);
    ArimaModel again = (ArimaModel) refit.fit(shorter, 12);
    assertThat(again.order()).isEqualTo(fitted.order());
    assertThat(again.coefficients().keySet()).isEqualTo(fitted.coefficients().keySet());
    assertThat(again.coefficients()).isNotEqualTo(fitted.coefficients());
  }

  @Test
  void refitSpec_ofACombination_refitsEachMemberByItsOwnRule() {
    double[] y = ArimaReference.series().get("N1500");
    ModelSpec combination = REGISTRY.candidates(List.of("theta+auto_arima")).get(0);
    ModelSpec refit = combination.refitSpec(combination.fit(y, 12).spec());
    assertThat(refit).isInstanceOf(Combination.class);
    List<ModelSpec> members = ((Combination) refit).members();
    assertThat(members.get(0)).isEqualTo(((Combination) combination).members().get(0));
    assertThat(members.get(1).name()).isEqualTo(ArimaSpec.NAME);
  }

  @Test
  void registryOrders_withoutCoefficients_areEstimated() {
    double[] y = ArimaReference.series().get("N1500");
    ModelSpec spec = REGISTRY.create("arima", Map.of("p", 1.0, "d", 1.0, "q", 1.0));
    ArimaModel m = (ArimaModel) spec.fit(y, 12);
    assertThat(m.order()).isEqualTo(ArimaOrder.of(1, 1, 1));
    assertThat(m.coefficients()).containsOnlyKeys("ar1", "ma1");
    assertThat(REGISTRY.descriptor("arima").grid())
        .containsExactly(ArimaSpec.of(ArimaOrder.of(0, 1, 1, 0, 1, 1)));
  }

  @Test
  void badParameters_areRefusedWithTheValue() {
    assertThatThrownBy(() -> REGISTRY.create("arima", Map.of("p", 1.5)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("1.5");
    assertThatThrownBy(() -> REGISTRY.create("arima", Map.of("p", 9.0)))
        .isInstanceOf(InvalidModelParameterException.class)
        .hasMessageContaining("arima.p = 9.0");
    assertThatThrownBy(() -> REGISTRY.create("arima", Map.of("p", 1.0, "ma1", 0.5)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ma1");
  }

  @Test
  void regressors_areNeededToForecast() {
    double[] y = ArimaReference.series().get("N1500");
    int n = y.length;
    double[][] x = ArimaReference.regressors(List.of("step"), n, 4, 12);
    ArimaModel m = ArimaSpec.of(ArimaOrder.of(1, 0, 0)).fit(y, n, 12, x);
    assertThat(m.regressorCount()).isEqualTo(1);
    assertThatThrownBy(() -> m.forecast(4))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("1 regressors");
    double[][] future = {x[n], x[n + 1], x[n + 2], x[n + 3]};
    assertThat(m.forecast(4, future)).hasSize(4).doesNotContain(Double.NaN);
  }

  @Test
  void tooShortForTheDifferences_isAFitError() {
    assertThatThrownBy(() -> ArimaSpec.of(ArimaOrder.of(0, 1, 0, 0, 1, 0)).fit(new double[13], 12))
        .isInstanceOf(ModelFitException.class)
        .hasMessageContaining("not enough data");
  }

  @Test
  void autoArima_onAConstantSeries_fixesTheMean() {
    double[] y = new double[30];
    Arrays.fill(y, 7.5);
    ArimaModel m = AutoArimaSpec.defaults().fit(y, 12);
    assertThat(m.order()).isEqualTo(ArimaOrder.of(0, 0, 0));
    assertThat(m.coefficients()).containsEntry("intercept", 7.5);
    assertThat(m.forecast(3)).containsExactly(7.5, 7.5, 7.5);
  }

  @Test
  void intervals_widenWithTheHorizon_andCoverTheMean() {
    double[] y = ArimaReference.series().get("N1500");
    ArimaModel m = ArimaSpec.of(ArimaOrder.of(0, 1, 1, 0, 1, 1)).fit(y, 12);
    var i80 = m.interval(6, 0.8).orElseThrow();
    var i95 = m.interval(6, 0.95).orElseThrow();
    double[] f = m.forecast(6);
    for (int h = 0; h < 6; h++) {
      assertThat(i95.lower()[h]).isLessThan(i80.lower()[h]);
      assertThat(i80.lower()[h]).isLessThan(f[h]);
      assertThat(i80.upper()[h]).isGreaterThan(f[h]);
    }
    assertThat(i80.upper()[5] - i80.lower()[5]).isGreaterThan(i80.upper()[0] - i80.lower()[0]);
    double[][] cov =
        ArimaSpec.of(ArimaOrder.of(1, 1, 1)).fit(y, 12).coefficientCovariance().orElseThrow();
    assertThat(cov).hasDimensions(2, 2);
    assertThat(cov[0][0]).isPositive();
    assertThat(cov[1][1]).isPositive();
    assertThat(cov[0][1]).isEqualTo(cov[1][0]);
  }
}
