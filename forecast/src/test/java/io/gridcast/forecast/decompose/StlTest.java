package io.gridcast.forecast.decompose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class StlTest {
  private static final double[] Y = DecomposeFixtures.series().get("N1500");

  @Test
  void decompose_componentsAddUpToTheSeries() {
    StlDecomposition d = Stl.builder(12, SeasonalWindow.of(7)).robust(true).build().decompose(Y);

    for (int t = 0; t < Y.length; t++) {
      assertThat(d.seasonal()[t] + d.trend()[t] + d.remainder()[t]).isCloseTo(Y[t], within(1e-9));
    }
  }

  @Test
  void decompose_periodicWindow_givesAnExactlyPeriodicSeasonal() {
    double[] s = Stl.builder(12, SeasonalWindow.periodic()).build().decompose(Y).seasonal();

    for (int t = 12; t < s.length; t++) {
      assertThat(s[t]).isEqualTo(s[t - 12]);
    }
  }

  @Test
  void decompose_ofAPrefix_equalsDecomposingACopyOfThePrefix_andLeavesTheInputAlone() {
    double[] y = Y.clone();
    Stl stl = Stl.builder(12, SeasonalWindow.of(9)).build();

    StlDecomposition prefix = stl.decompose(y, 40);
    StlDecomposition copy = stl.decompose(Arrays.copyOf(Y, 40));

    assertThat(prefix.trend()).containsExactly(copy.trend());
    assertThat(prefix.seasonal()).containsExactly(copy.seasonal());
    assertThat(y).containsExactly(Y);
  }

  @Test
  void decompose_refusesASeriesWithoutMoreThanTwoCycles() {
    Stl stl = Stl.builder(12, SeasonalWindow.of(7)).build();

    assertThatThrownBy(() -> stl.decompose(Arrays.copyOf(Y, 24)))
        .isInstanceOf(TooFewCyclesException.class)
        .hasMessageContaining("period 12.0")
        .hasMessageContaining("got 24");
  }

  @Test
  void decompose_refusesNonFiniteValues() {
    double[] y = Y.clone();
    y[5] = Double.NaN;

    assertThatThrownBy(() -> Stl.builder(12, SeasonalWindow.of(7)).build().decompose(y))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("index 5");
  }

  @Test
  void builder_refusesBadSettings_namingTheValue() {
    assertThatThrownBy(() -> Stl.builder(1.5, SeasonalWindow.of(7)))
        .hasMessageContaining("period >= 2, got 1.5");
    assertThatThrownBy(() -> Stl.builder(12, SeasonalWindow.of(7)).seasonalDegree(2))
        .hasMessageContaining("seasonal degree must be 0 or 1, got 2");
    assertThatThrownBy(() -> Stl.builder(12, SeasonalWindow.of(7)).trendWindow(0))
        .hasMessageContaining("trend window must be >= 1, got 0");
    assertThatThrownBy(() -> SeasonalWindow.of(0)).hasMessageContaining("got 0");
  }

  @Test
  void nextOdd_roundsHalfToEvenAsR() {
    assertThat(Stl.nextOdd(12)).isEqualTo(13);
    assertThat(Stl.nextOdd(12.5)).isEqualTo(13);
    assertThat(Stl.nextOdd(13.5)).isEqualTo(15);
    assertThat(Stl.nextOdd(365.25)).isEqualTo(365);
  }
}
