package io.gridcast.forecast.arima;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Root checks and MA inversion against R's {@code polyroot}-based code. */
class ArmaRootsTest {
  @ParameterizedTest(name = "maInvert({0}) = {1} as R")
  @CsvSource(
      delimiter = '|',
      value = {
        "2 | 0.5",
        "-2.5 1 | -1.0000000000000022 0.25000000000000111",
        "0.5 3 0 | 0.16666666666666663 0.33333333333333315 0",
        "1.2 -0.4 2.1 | -0.19047619047619047 0.5714285714285714 0.47619047619047605",
        "-0.3 0.2 | -0.3 0.2"
      })
  void invertMa_matchesR(String in, String expected) {
    double[] ma = parse(in);
    ArmaRoots.invertMa(ma, 0, ma.length);
    double[] e = parse(expected);
    for (int i = 0; i < e.length; i++) {
      assertThat(ma[i]).isCloseTo(e[i], within(1e-12));
    }
  }

  @ParameterizedTest(name = "AR {0} stationary: {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "0.5 | true",
        "1.0 | false",
        "1.2 -0.3 | true",
        "1.3 -0.2 | false",
        "0 0 0 0 0 0 0 0 0 0 0 0.9 | true",
        "0.5 0 0 0 0 0 0 0 0 0 0 0.6 -0.3 | true",
        "0.5 0 0 0 0 0 0 0 0 0 0 1.05 -0.525 | false",
        "0 0 | true"
      })
  void stationary_agreesWithTheRootModuli(String coef, boolean expected) {
    double[] a = parse(coef);
    assertThat(ArmaRoots.stationary(a, 0, a.length)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "1 - {0} z has a root within 1.01: {1}")
  @CsvSource({"0.995, true", "0.985, false", "-0.995, true"})
  void rootInside_usesTheRadius(double phi, boolean inside) {
    assertThat(ArmaRoots.rootInside(new double[] {phi}, 1, 1, 1.01)).isEqualTo(inside);
    assertThat(ArmaRoots.rootInside(new double[] {-phi}, 1, -1, 1.01)).isEqualTo(inside);
  }

  private static double[] parse(String s) {
    String[] f = s.trim().split("\\s+");
    double[] out = new double[f.length];
    for (int i = 0; i < f.length; i++) {
      out[i] = Double.parseDouble(f[i]);
    }
    return out;
  }
}
