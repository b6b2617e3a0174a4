package io.gridcast.forecast.arima;

/**
 * Where the roots of the AR and MA polynomials lie, as R's checks use them.
 *
 * <ul>
 *   <li>{@link #outsideCircle}: whether every root of {@code 1 - sum a_i z^i} has modulus above
 *       {@code radius}, by the Schur-Cohn step-down: with {@code b_i = a_i radius^i}, the
 *       reflection coefficients {@code k_j = b(j)_j}, {@code b(j-1)_i = (b(j)_i + k_j b(j)_(j-i)) /
 *       (1 - k_j^2)} must all satisfy {@code |k_j| < 1}. Exact up to rounding, no root finding (R's
 *       {@code arCheck} and {@code auto.arima}'s "min root > 1.01" test).
 *   <li>{@link #invertMa}: R's {@code maInvert}: roots of {@code 1 + sum theta_i z^i} inside the
 *       unit circle are replaced by their reciprocals and the polynomial is multiplied out again
 *       (same autocovariances, invertible form).
 * </ul>
 */
final class ArmaRoots {
  private ArmaRoots() {}

  /**
   * Whether all roots of {@code 1 - sum_(i=1..p) a_(off+i-1) z^i} have modulus {@code > radius}
   * (trailing zero coefficients dropped; true for a constant polynomial).
   */
  static boolean outsideCircle(double[] a, int off, int p, double radius) {
    int deg = p;
    while (deg > 0 && a[off + deg - 1] == 0) {
      deg--;
    }
    if (deg == 0) {
      return true;
    }
    double[] b = new double[deg];
    double scale = 1;
    for (int i = 0; i < deg; i++) {
      scale *= radius;
      b[i] = a[off + i] * scale;
    }
    double[] work = new double[deg];
    for (int j = deg - 1; j >= 0; j--) {
      double k = b[j];
      if (!(Math.abs(k) < 1)) {
        return false;
      }
      double den = 1 - k * k;
      for (int i = 0; i < j; i++) {
        work[i] = (b[i] + k * b[j - i - 1]) / den;
      }
      System.arraycopy(work, 0, b, 0, j);
    }
    return true;
  }

  /** R's {@code arCheck}: the AR polynomial {@code 1 - sum a_i z^i} is stationary. */
  static boolean stationary(double[] a, int off, int p) {
    return outsideCircle(a, off, p, 1.0);
  }

  /**
   * The smallest root modulus of {@code 1 - sum c_i z^i} is below {@code radius}, where {@code c}
   * is {@code coef} up to its last entry of magnitude above {@code 1e-8} (R's {@code auto.arima}
   * trims that way); {@code sign = -1} tests {@code 1 + sum c_i z^i}.
   */
  static boolean rootInside(double[] coef, int length, double sign, double radius) {
    int last = 0;
    for (int i = 0; i < length; i++) {
      if (Math.abs(coef[i]) > 1e-8) {
        last = i + 1;
      }
    }
    if (last == 0) {
      return false;
    }
    double[] a = new double[last];
    for (int i = 0; i < last; i++) {
      a[i] = sign * coef[i];
    }
    return !outsideCircle(a, 0, last, radius);
  }

  /**
   * R's {@code maInvert} on {@code ma[off..off+q)}, in place: the invertible MA polynomial with the
   * same autocovariances.
   */
  static void invertMa(double[] ma, int off, int q) {
    int q0 = q;
    while (q0 > 0 && ma[off + q0 - 1] == 0) {
      q0--;
    }
    if (q0 == 0) {
      return;
    }
    double[] coef = new double[q0 + 1];
    coef[0] = 1;
    System.arraycopy(ma, off, coef, 1, q0);
    double[][] roots = PolynomialRoots.of(coef);
    boolean any = false;
    for (double[] z : roots) {
      any |= Math.hypot(z[0], z[1]) < 1;
    }
    if (!any) {
      return;
    }
    if (q0 == 1) {
      ma[off] = 1 / ma[off];
      for (int i = 1; i < q; i++) {
        ma[off + i] = 0;
      }
      return;
    }
    // x <- 1; for (root) x <- c(x, 0) - c(0, x) / root
    double[] re = {1};
    double[] im = {0};
    for (double[] z : roots) {
      double zr = z[0];
      double zi = z[1];
      if (Math.hypot(zr, zi) < 1) {
        double d = zr * zr + zi * zi;
        zr = zr / d;
        zi = -zi / d;
      }
      double d = zr * zr + zi * zi;
      double[] nr = new double[re.length + 1];
      double[] ni = new double[re.length + 1];
      for (int i = 0; i < re.length; i++) {
        nr[i] += re[i];
        ni[i] += im[i];
        // (re + i im) / (zr + i zi)
        double qr = (re[i] * zr + im[i] * zi) / d;
        double qi = (im[i] * zr - re[i] * zi) / d;
        nr[i + 1] -= qr;
        ni[i + 1] -= qi;
      }
      re = nr;
      im = ni;
    }
    for (int i = 0; i < q0; i++) {
      ma[off + i] = re[i + 1];
    }
    for (int i = q0; i < q; i++) {
      ma[off + i] = 0;
    }
  }
}
