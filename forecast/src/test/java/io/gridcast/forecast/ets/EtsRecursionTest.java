package io.gridcast.forecast.ets;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class EtsRecursionTest {
  @ParameterizedTest
  @EnumSource(EtsStructure.class)
  void specialisedLikelihood_isBitForBit_theGeneralRecursion(EtsStructure s) {
    double[] y = RReference.series().get("N1900");
    int m = 12;
    double[] x0 = new double[s.stateLength(m)];
    x0[0] = y[0];
    int off = 1;
    if (s.hasTrend()) {
      x0[1] = 3.5;
      off = 2;
    }
    for (int j = 0; j < (s.seasonal() ? m : 0); j++) {
      x0[off + j] = s.multiplicativeSeason() ? 0.9 + 0.02 * j : -60 + 10 * j;
    }

    double general =
        EtsRecursion.run(s, m, 0.31, 0.02, 0.05, 0.93, y, y.length, x0, new double[m], null, null);
    double fast =
        EtsRecursion.likelihood(s, m, 0.31, 0.02, 0.05, 0.93, y, y.length, x0, new double[m]);

    assertThat(fast).isEqualTo(general);
    assertThat(fast).isFinite();
  }

  @ParameterizedTest
  @CsvSource({
    // roots 0.5 and -0.9: z^2 + 0.4 z - 0.45
    "-0.45, 0.4, 1, true",
    // roots 0.5 and 1.1: z^2 - 1.6 z + 0.55
    "0.55, -1.6, 1, false",
    // complex pair of modulus sqrt(0.98): z^2 - z + 0.98
    "0.98, -1, 1, true",
    // complex pair of modulus sqrt(1.02)
    "1.02, -1, 1, false"
  })
  void schurCohn_decidesWhetherAllRootsAreInsideTheUnitCircle(
      double c0, double c1, double c2, boolean stable) {
    double[] c = {c0, c1, c2, 0, 0, 0};

    assertThat(EtsAdmissibility.schurStable(c, 2)).isEqualTo(stable);
  }

  @ParameterizedTest
  @CsvSource({
    "0.5, 0.1, 0.2, 1, true",
    // gamma above 1 + 1/phi - alpha
    "0.5, 0.1, 1.6, 1, false",
    // beta far below -(1 - phi)(gamma/m + alpha)
    "0.5, -0.3, 0.1, 0.9, false"
  })
  void seasonalAdmissibility_followsRsTests(
      double alpha, double beta, double gamma, double phi, boolean expected) {
    assertThat(EtsAdmissibility.admissible(true, true, alpha, beta, gamma, phi, 12, new double[28]))
        .isEqualTo(expected);
  }
}
