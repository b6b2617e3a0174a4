package io.gridcast.forecast.smoothing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class BoundedMinimizerTest {

  @Test
  void minimize_findsAnInteriorMinimumOfAShiftedQuadratic() {
    BoundedMinimizer.Result r =
        BoundedMinimizer.minimize(
            x -> Math.pow(x[0] - 0.3, 2) + 2 * Math.pow(x[1] - 0.7, 2) + Math.pow(x[2] - 0.1, 2),
            new double[] {0, 0, 0},
            new double[] {1, 1, 1});
    assertThat(r.x()[0]).isCloseTo(0.3, within(1e-4));
    assertThat(r.x()[1]).isCloseTo(0.7, within(1e-4));
    assertThat(r.x()[2]).isCloseTo(0.1, within(1e-4));
  }

  @Test
  void minimize_staysInsideTheBox_whenTheMinimumIsOutside() {
    BoundedMinimizer.Result r =
        BoundedMinimizer.minimize(
            x -> Math.pow(x[0] + 1, 2) + Math.pow(x[1] - 3, 2),
            new double[] {0, 0},
            new double[] {1, 1});
    assertThat(r.x()[0]).isCloseTo(0, within(1e-6));
    assertThat(r.x()[1]).isCloseTo(1, within(1e-6));
  }

  @Test
  void minimize_oneDimension_findsTheGlobalOfTwoBasins() {
    BoundedMinimizer.Result r =
        BoundedMinimizer.minimize(
            x -> Math.min(Math.pow(x[0] - 0.2, 2) + 0.1, Math.pow(x[0] - 0.8, 2)),
            new double[] {0},
            new double[] {1});
    assertThat(r.x()[0]).isCloseTo(0.8, within(1e-7));
  }
}
