package io.gridcast.forecast.arima;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The differencing decisions of {@code auto_arima} against R on a sample of M3 series: the KPSS
 * statistic ({@code urca::ur.kpss}), {@code ndiffs()}, the STL seasonal strength and {@code
 * nsdiffs()}.
 */
class DifferencingTestsTest {
  static Stream<AutoArimaSample.Tests> sample() {
    return AutoArimaSample.tests().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("sample")
  void kpss_matchesUrca(AutoArimaSample.Tests t) {
    double[] y = AutoArimaSample.series().get(t.series());
    assertThat(Kpss.statistic(y, Kpss.defaultLags(y.length)))
        .isCloseTo(t.kpss(), within(1e-10 * t.kpss()));
    double[] dy = Constancy.difference(y, 1);
    assertThat(Kpss.statistic(dy, Kpss.defaultLags(dy.length)))
        .isCloseTo(t.kpssDiff(), within(1e-10 * t.kpssDiff()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("sample")
  void ndiffs_matchesR(AutoArimaSample.Tests t) {
    assertThat(Kpss.ndiffs(AutoArimaSample.series().get(t.series()), 0.05, 2))
        .isEqualTo(t.ndiffs());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("sample")
  void seasonalStrengthAndNsdiffs_matchR(AutoArimaSample.Tests t) {
    double[] y = AutoArimaSample.series().get(t.series());
    if (!Double.isNaN(t.seasonalStrength())) {
      assertThat(SeasonalDifferencing.strength(y, t.period()))
          .isCloseTo(t.seasonalStrength(), within(1e-9));
    }
    if (t.period() > 1) {
      assertThat(SeasonalDifferencing.nsdiffs(y, t.period())).isEqualTo(t.nsdiffs());
    }
  }

  @Test
  void pValue_interpolatesTheCriticalValues() {
    assertThat(Kpss.pValue(0.2)).isEqualTo(0.1);
    assertThat(Kpss.pValue(0.463)).isCloseTo(0.05, within(1e-15));
    assertThat(Kpss.pValue(0.5185)).isCloseTo(0.0375, within(1e-12));
    assertThat(Kpss.pValue(2.0)).isEqualTo(0.01);
  }

  @Test
  void isConstant_followsRsAllEqual() {
    assertThat(Constancy.isConstant(new double[] {5, 5, 5})).isTrue();
    assertThat(Constancy.isConstant(new double[] {5, 5, 5 * (1 + 1e-9)})).isTrue();
    assertThat(Constancy.isConstant(new double[] {5, 5, 5.001})).isFalse();
  }
}
