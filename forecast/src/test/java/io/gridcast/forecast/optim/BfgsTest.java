package io.gridcast.forecast.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** BFGS against R's {@code optim(method = "BFGS")} and {@code optimHess} (R 4.2.2). */
class BfgsTest {
  private static final Bfgs.Objective ROSENBROCK =
      x -> 100 * Math.pow(x[1] - x[0] * x[0], 2) + Math.pow(1 - x[0], 2);

  @Test
  void minimize_followsRsPath_onRosenbrock() {
    Bfgs.Result r =
        Bfgs.minimize(
            ROSENBROCK, new double[] {-1.2, 1}, new double[] {1, 1}, Bfgs.Options.R_DEFAULTS);
    // R: optim(c(-1.2, 1), fr, method = "BFGS"): par, value, 118 function and 38 gradient calls
    assertThat(r.point()[0]).isCloseTo(0.99980443323139745, within(1e-12));
    assertThat(r.point()[1]).isCloseTo(0.99960838062348123, within(1e-12));
    assertThat(r.value()).isCloseTo(3.8273827561079511e-08, within(1e-18));
    assertThat(r.evaluations()).isEqualTo(118 + 38 * 2 * 2);
    assertThat(r.converged()).isTrue();
  }

  @Test
  void minimize_honoursParscale_asR() {
    Bfgs.Objective f = x -> Math.pow(x[0] - 3, 2) + 10 * Math.pow(x[1] + 1, 4) + x[0] * x[1];
    Bfgs.Result r =
        Bfgs.minimize(f, new double[] {1, 1}, new double[] {10, 0.5}, Bfgs.Options.R_DEFAULTS);
    assertThat(r.point()[0]).isCloseTo(3.7266677624214117, within(1e-10));
    assertThat(r.point()[1]).isCloseTo(-1.4533358099286426, within(1e-10));
    assertThat(r.value()).isCloseTo(-4.4656962766305295, within(1e-12));
  }

  @Test
  void hessian_matchesOptimHess() {
    double[][] h =
        Bfgs.hessian(
            ROSENBROCK,
            new double[] {0.99980443323139745, 0.99960838062348123},
            new double[] {1, 1},
            1e-3);
    assertThat(h[0][0]).isCloseTo(801.68813340155748, within(1e-7));
    assertThat(h[0][1]).isCloseTo(-399.92177329254457, within(1e-7));
    assertThat(h[1][0]).isEqualTo(h[0][1]);
    assertThat(h[1][1]).isCloseTo(199.99999999998923, within(1e-7));
  }

  @Test
  void minimize_refusesANonFiniteStart() {
    assertThatThrownBy(() ->
            Bfgs.minimize(
                x -> Double.NaN, new double[] {0}, new double[] {1}, Bfgs.Options.R_DEFAULTS))
        .isInstanceOf(OptimizationException.class)
        .hasMessageContaining("initial value");
  }

  @Test
  void minimize_withoutIterations_evaluatesTheStartOnly() {
    Bfgs.Result r =
        Bfgs.minimize(
            ROSENBROCK,
            new double[] {-1.2, 1},
            new double[] {1, 1},
            Bfgs.Options.R_DEFAULTS.withMaxIterations(0));
    assertThat(r.point()).containsExactly(-1.2, 1);
    assertThat(r.value()).isCloseTo(24.2, within(1e-12));
  }
}
