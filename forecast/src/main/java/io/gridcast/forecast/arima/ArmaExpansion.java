package io.gridcast.forecast.arima;

import java.util.Arrays;

/**
 * Multiplies out the seasonal polynomials (R's {@code ARIMA_transPars}): {@code phi(B) Phi(B^m) = 1
 * - sum_k phi*_k B^k} and {@code theta(B) Theta(B^m) = 1 + sum_k theta*_k B^k}, i.e.
 *
 * <pre>
 *   phi*_(jm + i) = -phi_i Phi_j (i, j >= 1),   phi*_i = phi_i,   phi*_(jm) = Phi_j
 *   theta*_(jm + i) = theta_i Theta_j,          theta*_i = theta_i, theta*_(jm) = Theta_j
 * </pre>
 *
 * optionally after mapping the AR blocks through {@link StationaryTransform}. Not thread-safe: one
 * instance per fit, reused without allocating.
 */
final class ArmaExpansion {
  private final ArmaLayout layout;
  private final double[] params;
  private final double[] work;

  /** Expanded AR coefficients {@code phi*_1..phi*_(p+mP)}. */
  final double[] phi;

  /** Expanded MA coefficients {@code theta*_1..theta*_(q+mQ)}. */
  final double[] theta;

  ArmaExpansion(ArmaLayout layout) {
    this.layout = layout;
    this.params = new double[layout.size()];
    this.work = new double[Math.max(1, Math.max(layout.p(), layout.sp()))];
    this.phi = new double[layout.phiLength()];
    this.theta = new double[layout.thetaLength()];
  }

  /** Fills {@link #phi} and {@link #theta} from the parameter vector {@code par}. */
  void expand(double[] par, boolean transform) {
    int mp = layout.p();
    int mq = layout.q();
    int msp = layout.sp();
    int msq = layout.sq();
    int ns = layout.period();
    double[] in = par;
    if (transform) {
      System.arraycopy(par, 0, params, 0, layout.arma());
      if (mp > 0) {
        StationaryTransform.toCoefficients(par, 0, mp, params, work);
      }
      if (msp > 0) {
        StationaryTransform.toCoefficients(par, mp + mq, msp, params, work);
      }
      in = params;
    }
    System.arraycopy(in, 0, phi, 0, mp);
    System.arraycopy(in, mp, theta, 0, mq);
    Arrays.fill(phi, mp, phi.length, 0.0);
    Arrays.fill(theta, mq, theta.length, 0.0);
    for (int j = 0; j < msp; j++) {
      double s = in[j + mp + mq];
      phi[(j + 1) * ns - 1] += s;
      for (int i = 0; i < mp; i++) {
        phi[(j + 1) * ns + i] -= in[i] * s;
      }
    }
    for (int j = 0; j < msq; j++) {
      double s = in[j + mp + mq + msp];
      theta[(j + 1) * ns - 1] += s;
      for (int i = 0; i < mq; i++) {
        theta[(j + 1) * ns + i] += in[i + mp] * s;
      }
    }
  }
}
