package io.gridcast.forecast.ets;

/**
 * The admissible parameter region of Hyndman et al. (2008, ch. 10): the discount matrix {@code D =
 * F - g w'} must have every eigenvalue inside the unit circle, so that the forecasts forget the
 * initial state. The tests are those of R's {@code admissible()}.
 *
 * <p>Non-seasonal: {@code 1 - 1/phi < alpha < 1 + 1/phi} and {@code alpha (phi - 1) < beta < (1 +
 * phi)(2 - alpha)}. Seasonal: three linear pre-tests, then the roots of
 *
 * <pre>
 *   z^(m+1) + (a + b - phi) z^m + (a + b - a phi) (z^(m-1) + ... + z^2)
 *           + (a + b - a phi + g - 1) z + phi (1 - a - g)
 * </pre>
 *
 * must lie within {@code 1 + 1e-10} of the origin. Where R finds the roots numerically, this class
 * runs the Schur-Cohn recursion on {@code P((1 + 1e-10) z)}: O(m^2), no allocation beyond a scratch
 * array, and exact for the same region.
 */
final class EtsAdmissibility {
  private static final double ROOT_SLACK = 1 + 1e-10;

  private EtsAdmissibility() {}

  /**
   * Whether the parameters are admissible.
   *
   * @param hasBeta the structure has a trend (beta used)
   * @param seasonal the structure has a season (gamma used)
   * @param phi 1 when undamped
   * @param scratch at least 2 (m + 2) doubles
   */
  static boolean admissible(
      boolean hasBeta,
      boolean seasonal,
      double alpha,
      double beta,
      double gamma,
      double phi,
      int m,
      double[] scratch) {
    if (phi < 0 || phi > 1 + 1e-8) {
      return false;
    }
    if (!seasonal) {
      if (alpha < 1 - 1 / phi || alpha > 1 + 1 / phi) {
        return false;
      }
      return !hasBeta || !(beta < alpha * (phi - 1) || beta > (1 + phi) * (2 - alpha));
    }
    if (m <= 1) {
      return true;
    }
    double bt = hasBeta ? beta : 0;
    double d = 1 - 1 / phi - alpha;
    if (gamma < Math.max(d, 0) || gamma > 1 + 1 / phi - alpha) {
      return false;
    }
    if (alpha < 1 - 1 / phi - gamma * (1 - m + phi + phi * m) / (2 * phi * m)) {
      return false;
    }
    if (bt < -(1 - phi) * (gamma / m + alpha)) {
      return false;
    }
    // c[i] = coefficient of z^i, degree m + 1, evaluated at (1 + 1e-10) z.
    int deg = m + 1;
    double[] c = scratch;
    c[deg] = 1;
    c[m] = alpha + bt - phi;
    for (int i = 2; i < m; i++) {
      c[i] = alpha + bt - alpha * phi;
    }
    c[1] = alpha + bt - alpha * phi + gamma - 1;
    c[0] = phi * (1 - alpha - gamma);
    double scale = 1;
    for (int i = 1; i <= deg; i++) {
      scale *= ROOT_SLACK;
      c[i] *= scale;
    }
    return schurStable(c, deg);
  }

  /**
   * All roots of {@code sum c[i] z^i} strictly inside the unit circle. {@code c} is overwritten and
   * must have room for {@code 2 (degree + 1)} values (the upper half is scratch).
   */
  static boolean schurStable(double[] c, int degree) {
    int tmp = degree + 1;
    for (int k = degree; k >= 1; k--) {
      double lead = c[k];
      if (lead == 0 || !Double.isFinite(lead)) {
        return false;
      }
      double rho = c[0] / lead;
      if (!(Math.abs(rho) < 1)) {
        return false;
      }
      // q(z) = (p(z) - rho p*(z)) / z with p*(z) = z^k p(1/z)
      for (int i = 1; i <= k; i++) {
        c[tmp + i - 1] = c[i] - rho * c[k - i];
      }
      System.arraycopy(c, tmp, c, 0, k);
    }
    return true;
  }
}
