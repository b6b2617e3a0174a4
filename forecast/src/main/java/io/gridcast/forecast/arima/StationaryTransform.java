package io.gridcast.forecast.arima;

/**
 * The reparametrisation that keeps an autoregressive polynomial stationary during optimisation
 * (Jones 1980), as R's {@code arima(transform.pars = TRUE)}: unconstrained values {@code u_k} map
 * to partial autocorrelations {@code pi_k = tanh(u_k)} in (-1, 1), and the Durbin-Levinson
 * recursion turns those into AR coefficients,
 *
 * <pre>
 *   phi(k)_k = pi_k,   phi(k)_j = phi(k-1)_j - pi_k phi(k-1)_(k-j),   j &lt; k
 * </pre>
 *
 * so every value of {@code u} gives a stationary polynomial. The inverse runs the recursion
 * backwards, {@code phi(k-1)_j = (phi(k)_j + pi_k phi(k)_(k-j)) / (1 - pi_k^2)}, and takes {@code
 * atanh}. Only the non-seasonal and seasonal AR blocks are transformed; MA and regression
 * coefficients pass through. Stateless; callers pass the scratch arrays.
 */
final class StationaryTransform {
  /** Step of R's finite-difference Jacobian of the transform. */
  static final double JACOBIAN_STEP = 1.0e-3;

  private StationaryTransform() {}

  /**
   * Maps {@code raw[off..off+p)} to AR coefficients in {@code out[off..off+p)}.
   *
   * @param work scratch of length >= p
   */
  static void toCoefficients(double[] raw, int off, int p, double[] out, double[] work) {
    for (int j = 0; j < p; j++) {
      double v = Math.tanh(raw[off + j]);
      work[j] = v;
      out[off + j] = v;
    }
    for (int j = 1; j < p; j++) {
      double a = out[off + j];
      for (int k = 0; k < j; k++) {
        work[k] -= a * out[off + j - k - 1];
      }
      System.arraycopy(work, 0, out, off, j);
    }
  }

  /**
   * Maps the AR coefficients {@code phi[off..off+p)} back to unconstrained values in {@code
   * out[off..off+p)}; NaN when the polynomial is not stationary.
   */
  static void toUnconstrained(double[] phi, int off, int p, double[] out, double[] work) {
    System.arraycopy(phi, off, out, off, p);
    System.arraycopy(phi, off, work, 0, p);
    for (int j = p - 1; j > 0; j--) {
      double a = out[off + j];
      for (int k = 0; k < j; k++) {
        work[k] = (out[off + k] + a * out[off + j - k - 1]) / (1 - a * a);
      }
      System.arraycopy(work, 0, out, off, j);
    }
    for (int j = 0; j < p; j++) {
      out[off + j] = atanh(out[off + j]);
    }
  }

  /** Applies {@link #toCoefficients} to both AR blocks of a parameter vector, in place. */
  static double[] undo(ArmaLayout layout, double[] par) {
    double[] out = par.clone();
    double[] work = new double[Math.max(layout.p(), layout.sp())];
    if (layout.p() > 0) {
      toCoefficients(par, 0, layout.p(), out, work);
    }
    if (layout.sp() > 0) {
      toCoefficients(par, layout.sarOffset(), layout.sp(), out, work);
    }
    return out;
  }

  /** Applies {@link #toUnconstrained} to both AR blocks of a parameter vector. */
  static double[] invert(ArmaLayout layout, double[] par) {
    double[] out = par.clone();
    double[] work = new double[Math.max(layout.p(), layout.sp())];
    if (layout.p() > 0) {
      toUnconstrained(par, 0, layout.p(), out, work);
    }
    if (layout.sp() > 0) {
      toUnconstrained(par, layout.sarOffset(), layout.sp(), out, work);
    }
    return out;
  }

  /**
   * The Jacobian {@code A[i][j] = d coef_j / d raw_i} of {@link #undo} by forward differences of
   * step {@value #JACOBIAN_STEP} (R's {@code ARIMA_Gradtrans}); identity outside the AR blocks.
   */
  static double[][] jacobian(ArmaLayout layout, double[] raw) {
    int n = raw.length;
    double[][] a = new double[n][n];
    for (int i = 0; i < n; i++) {
      a[i][i] = 1;
    }
    block(raw, 0, layout.p(), a);
    block(raw, layout.sarOffset(), layout.sp(), a);
    return a;
  }

  private static void block(double[] raw, int off, int p, double[][] a) {
    if (p == 0) {
      return;
    }
    double[] w1 = new double[p];
    double[] w2 = new double[p];
    double[] w3 = new double[p];
    double[] work = new double[p];
    System.arraycopy(raw, off, w1, 0, p);
    toCoefficients(w1, 0, p, w2, work);
    for (int i = 0; i < p; i++) {
      w1[i] += JACOBIAN_STEP;
      toCoefficients(w1, 0, p, w3, work);
      for (int j = 0; j < p; j++) {
        a[off + i][off + j] = (w3[j] - w2[j]) / JACOBIAN_STEP;
      }
      w1[i] -= JACOBIAN_STEP;
    }
  }

  private static double atanh(double x) {
    return 0.5 * Math.log1p(2 * x / (1 - x));
  }
}
