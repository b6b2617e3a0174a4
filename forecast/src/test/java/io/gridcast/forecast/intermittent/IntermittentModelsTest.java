package io.gridcast.forecast.intermittent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class IntermittentModelsTest {
  private static final double[] DEMAND = {0, 0, 3, 0, 0, 0, 5, 0, 2, 0, 0, 4};

  @Test
  void croston_smoothsSizesAndIntervals_firstIntervalCountedFromPeriodZero() {
    // sizes 3,5,2,4 and intervals 3,4,2,3, SES from the first element with alpha 0.5
    double z = 3;
    double q = 3;
    double[][] rest = {{5, 4}, {2, 2}, {4, 3}};
    for (double[] r : rest) {
      z = 0.5 * r[0] + 0.5 * z;
      q = 0.5 * r[1] + 0.5 * q;
    }
    assertThat(new Croston(0.5).fit(DEMAND, 1).forecast(2)).containsExactly(z / q, z / q);
    assertThat(new Sba(0.5).fit(DEMAND, 1).forecast(1)[0]).isCloseTo(z / q * 0.75, within(1e-12));
  }

  @Test
  void tsb_decaysThroughARunOfZeros_whileCrostonStaysFlat() {
    double[] obsolete = new double[30];
    for (int t = 0; t < 10; t++) {
      obsolete[t] = 4;
    }
    double tsb = new Tsb(0.2, 0.2).fit(obsolete, 1).forecast(1)[0];
    double croston = new Croston(0.2).fit(obsolete, 1).forecast(1)[0];
    assertThat(croston).isCloseTo(4, within(1e-12));
    assertThat(tsb).isLessThan(0.1 * croston).isPositive();
  }

  @Test
  void estimatedAlpha_isWithinTheSearchRange_andReportedInTheFittedSpec() {
    double a = new Croston(null).fit(DEMAND, 1).spec().parameters().get("alpha");
    assertThat(a).isBetween(CrostonCore.ALPHA_MIN, CrostonCore.ALPHA_MAX);
    var tsb = new Tsb(null, 0.1).fit(DEMAND, 1).spec().parameters();
    assertThat(tsb.get("beta")).isEqualTo(0.1);
    assertThat(tsb.get("alpha")).isBetween(CrostonCore.ALPHA_MIN, CrostonCore.ALPHA_MAX);
  }
}
