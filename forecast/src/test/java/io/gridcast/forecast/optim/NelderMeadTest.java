package io.gridcast.forecast.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class NelderMeadTest {
  private static double rosenbrock(double[] x) {
    double a = 1 - x[0];
    double b = x[1] - x[0] * x[0];
    return a * a + 100 * b * b;
  }

  @Test
  void minimize_reproducesRsOptimOnRosenbrock_fromTheClassicStart() {
    NelderMead.Result r =
        NelderMead.minimize(
            NelderMeadTest::rosenbrock, new double[] {-1.2, 1}, NelderMead.Options.R_DEFAULTS);

    // R's example(optim): optim(c(-1.2, 1), fr) -> par 1.000260 1.000506, value 8.825241e-08,
    // 195 function evaluations.
    assertThat(r.point()[0]).isCloseTo(1.000260, within(1e-6));
    assertThat(r.point()[1]).isCloseTo(1.000506, within(1e-6));
    assertThat(r.value()).isCloseTo(8.825241e-08, within(1e-13));
    assertThat(r.evaluations()).isEqualTo(195);
    assertThat(r.converged()).isTrue();
  }

  @Test
  void minimize_withBox_neverEvaluatesOutsideIt() {
    double[] lower = {2, -5};
    double[] upper = {5, 5};

    NelderMead.Result r =
        NelderMead.minimize(
            x -> {
              assertThat(x[0]).isBetween(2.0, 5.0);
              return rosenbrock(x);
            },
            new double[] {3, 3},
            lower,
            upper,
            NelderMead.Options.R_DEFAULTS);

    assertThat(r.point()[0]).isCloseTo(2, within(1e-3));
    assertThat(r.point()[1]).isCloseTo(4, within(1e-2));
  }

  @Test
  void minimize_stopsAtTheEvaluationBudget() {
    NelderMead.Result r =
        NelderMead.minimize(
            NelderMeadTest::rosenbrock,
            new double[] {-1.2, 1},
            NelderMead.Options.R_DEFAULTS.withMaxEvaluations(20));

    assertThat(r.converged()).isFalse();
    assertThat(r.evaluations()).isBetween(21, 23);
  }

  @Test
  void minimize_rejectsAStartWhereTheObjectiveIsNotFinite() {
    assertThatThrownBy(() ->
            NelderMead.minimize(x -> Double.NaN, new double[] {1}, NelderMead.Options.R_DEFAULTS))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("NaN");
  }
}
