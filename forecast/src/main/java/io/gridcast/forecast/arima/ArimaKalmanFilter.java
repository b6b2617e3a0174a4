package io.gridcast.forecast.arima;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * The exact Gaussian likelihood of an ARIMA model by the Kalman filter on its state-space form, as
 * R's {@code stats::arima} computes it ({@code ARIMA_Like}, Gardner et al. 1980; Durbin and Koopman
 * 2001, ch. 4).
 *
 * <p>The state is the ARMA state in Harvey's form ({@code r = max(p, q + 1)} elements, initial
 * covariance {@link StationaryCovariance P0}) followed by the last {@code dd = d + mD} values of
 * the undifferenced series (diffuse: prior mean 0, variance {@code kappa = 1e6}); {@code y(t) = a_0
 * + sum_i delta_i a_(r+i)}. Each step predicts {@code a' = T a}, {@code P' = T P T' + R R'}, and
 * with the innovation {@code v = y - Z a'}, its variance {@code F = Z P' Z'} and {@code M = P' Z'}
 * updates {@code a = a' + M v / F}, {@code P = P' - M M' / F}. Steps with {@code F < 1e4} (all but
 * the diffuse start) add to
 *
 * <pre>
 *   S = sum v^2 / F,   L = sum log F,   n* = number of such steps,
 * </pre>
 *
 * and the concentrated objective is {@code 0.5 (log(S / n*) + L / n*)}; {@code sigma2 = S / n*}.
 *
 * <p>After the first {@code dd} steps the differencing part of the state holds observed values
 * exactly (its covariance is zero up to rounding), so from then on only the {@code r x r} ARMA
 * block of {@code P} is propagated: {@code O(r^2)} per step instead of {@code O((r + dd)^2)}, with
 * the same innovations. Not thread-safe: one instance per fit, reused across evaluations; nothing
 * is allocated per evaluation.
 */
final class ArimaKalmanFilter {
  /** R's prior variance of the diffuse (differencing) states. */
  static final double KAPPA = 1.0e6;

  /** Innovations with a variance at or above this are left out of the likelihood (R's rule). */
  static final double DIFFUSE_GAIN = 1.0e4;

  /**
   * Largest state dimension for which {@code P0} is computed by R's own algorithm ({@link
   * GardnerCovariance}); above it the {@code O(r^2)} {@link StationaryCovariance} is used.
   */
  static final int GARDNER_MAX = Integer.getInteger("arima.gardnerMax", 12);

  private final double[] delta;
  private final int dd;
  private final int[] deltaIndex;
  private final StationaryCovariance covariance;
  private final GardnerCovariance gardner;
  private final double[] q0;
  private final double[] rv;
  private final double[] a;
  private final double[] anew;
  private final double[] m;
  private final double[] pAug;
  private final double[] pnewAug;
  private final double[] mm;
  private final double[] p;
  private final double[] pnew;
  private int r;

  /** Sum of squared standardised innovations {@code S} of the last run. */
  double ssq;

  /** Sum of log innovation variances {@code L} of the last run. */
  double sumLog;

  /** Number of innovations counted {@code n*} of the last run. */
  int used;

  ArimaKalmanFilter(int maxR, double[] delta) {
    this.delta = delta.clone();
    this.dd = delta.length;
    this.deltaIndex = nonZero(delta);
    this.covariance = new StationaryCovariance(maxR);
    this.gardner = maxR <= GARDNER_MAX ? new GardnerCovariance(maxR) : null;
    int rd = maxR + dd;
    this.q0 = new double[maxR * maxR];
    this.rv = new double[maxR];
    this.a = new double[rd];
    this.anew = new double[rd];
    this.m = new double[rd];
    this.pAug = new double[rd * rd];
    this.pnewAug = new double[rd * rd];
    this.mm = new double[rd * rd];
    this.p = new double[maxR * maxR];
    this.pnew = new double[maxR * maxR];
  }

  private static int[] nonZero(double[] v) {
    return IntStream.range(0, v.length).filter(i -> v[i] != 0).toArray();
  }

  /**
   * Filters {@code y[0..n)} with AR coefficients {@code phi[0..np)} and MA coefficients {@code
   * theta[0..nq)}; the figures land in {@link #ssq}, {@link #sumLog}, {@link #used}.
   *
   * @param residuals receives {@code v / sqrt(F)} for every step when not null
   * @return false when the stationary covariance could not be computed
   */
  boolean run(double[] phi, int np, double[] theta, int nq, double[] y, int n, double[] residuals) {
    r = Math.max(np, nq + 1);
    if (gardner != null) {
      gardner.compute(phi, np, theta, nq, r, q0);
    } else if (!covariance.compute(phi, np, theta, nq, r, q0)) {
      return false;
    }
    for (int i = 0; i < r; i++) {
      rv[i] = i == 0 ? 1.0 : (i - 1 < nq ? theta[i - 1] : 0.0);
    }
    ssq = 0;
    sumLog = 0;
    used = 0;
    int rd = r + dd;
    Arrays.fill(a, 0, rd, 0.0);
    int start = 0;
    if (dd > 0) {
      start = Math.min(dd, n);
      augmented(phi, np, nq, y, start, residuals);
      for (int i = 0; i < r; i++) {
        System.arraycopy(pAug, i * rd, p, i * r, r);
      }
    } else {
      System.arraycopy(q0, 0, p, 0, r * r);
    }
    reduced(phi, np, y, start, n, residuals, dd == 0);
    return true;
  }

  /** The first {@code steps} steps on the full state, the diffuse prior included. */
  private void augmented(double[] phi, int np, int nq, double[] y, int steps, double[] res) {
    int rd = r + dd;
    Arrays.fill(pnewAug, 0, rd * rd, 0.0);
    for (int i = 0; i < r; i++) {
      System.arraycopy(q0, i * r, pnewAug, i * rd, r);
    }
    for (int i = r; i < rd; i++) {
      pnewAug[i * rd + i] = KAPPA;
    }
    for (int l = 0; l < steps; l++) {
      // anew = T a
      for (int i = 0; i < r; i++) {
        double tmp = i < r - 1 ? a[i + 1] : 0.0;
        if (i < np) {
          tmp += phi[i] * a[0];
        }
        anew[i] = tmp;
      }
      double lead = a[0];
      for (int k : deltaIndex) {
        lead += delta[k] * a[r + k];
      }
      for (int i = rd - 1; i > r; i--) {
        anew[i] = a[i - 1];
      }
      anew[r] = lead;
      if (l > 0) {
        predictAugmented(phi, np, nq);
      }
      double resid = y[l] - anew[0];
      for (int k : deltaIndex) {
        resid -= delta[k] * anew[r + k];
      }
      for (int i = 0; i < rd; i++) {
        double tmp = pnewAug[i * rd];
        for (int k : deltaIndex) {
          tmp += pnewAug[i * rd + r + k] * delta[k];
        }
        m[i] = tmp;
      }
      double gain = m[0];
      for (int k : deltaIndex) {
        gain += delta[k] * m[r + k];
      }
      account(resid, gain, l, res);
      for (int i = 0; i < rd; i++) {
        a[i] = anew[i] + m[i] * resid / gain;
      }
      for (int i = 0; i < rd; i++) {
        double mi = m[i];
        int row = i * rd;
        for (int j = 0; j < rd; j++) {
          pAug[row + j] = pnewAug[row + j] - mi * m[j] / gain;
        }
      }
    }
  }

  /** {@code Pnew = T P T' + R R'} on the full state. */
  private void predictAugmented(double[] phi, int np, int nq) {
    int rd = r + dd;
    // mm = T P
    for (int i = 0; i < r; i++) {
      double ph = i < np ? phi[i] : 0.0;
      boolean shift = i < r - 1;
      for (int j = 0; j < rd; j++) {
        double tmp = 0.0;
        if (i < np) {
          tmp += ph * pAug[j];
        }
        if (shift) {
          tmp += pAug[(i + 1) * rd + j];
        }
        mm[i * rd + j] = tmp;
      }
    }
    for (int j = 0; j < rd; j++) {
      double tmp = pAug[j];
      for (int k : deltaIndex) {
        tmp += delta[k] * pAug[(r + k) * rd + j];
      }
      mm[r * rd + j] = tmp;
    }
    for (int i = 1; i < dd; i++) {
      System.arraycopy(pAug, (r + i - 1) * rd, mm, (r + i) * rd, rd);
    }
    // Pnew = mm T'
    for (int i = 0; i < r; i++) {
      double ph = i < np ? phi[i] : 0.0;
      boolean shift = i < r - 1;
      for (int j = 0; j < rd; j++) {
        double tmp = 0.0;
        if (i < np) {
          tmp += ph * mm[j * rd];
        }
        if (shift) {
          tmp += mm[j * rd + i + 1];
        }
        pnewAug[j * rd + i] = tmp;
      }
    }
    for (int j = 0; j < rd; j++) {
      double tmp = mm[j * rd];
      for (int k : deltaIndex) {
        tmp += delta[k] * mm[j * rd + r + k];
      }
      pnewAug[j * rd + r] = tmp;
    }
    for (int i = 1; i < dd; i++) {
      for (int j = 0; j < rd; j++) {
        pnewAug[j * rd + r + i] = mm[j * rd + r + i - 1];
      }
    }
    for (int i = 0; i <= nq; i++) {
      double vi = rv[i];
      for (int j = 0; j <= nq; j++) {
        pnewAug[i * rd + j] += vi * rv[j];
      }
    }
  }

  /**
   * Steps {@code from..n} on the ARMA block; the differencing values in {@code a[r..)} shift in as
   * observed.
   *
   * @param initial whether {@code P} holds {@code P0} for the first step (no prediction then)
   */
  private void reduced(
      double[] phi, int np, double[] y, int from, int n, double[] res, boolean initial) {
    for (int l = from; l < n; l++) {
      for (int i = 0; i < r; i++) {
        double tmp = i < r - 1 ? a[i + 1] : 0.0;
        if (i < np) {
          tmp += phi[i] * a[0];
        }
        anew[i] = tmp;
      }
      if (dd > 0) {
        double lead = a[0];
        for (int k : deltaIndex) {
          lead += delta[k] * a[r + k];
        }
        for (int i = r + dd - 1; i > r; i--) {
          anew[i] = a[i - 1];
        }
        anew[r] = lead;
      }
      if (l == from && initial) {
        System.arraycopy(p, 0, pnew, 0, r * r);
      } else {
        predictReduced(phi, np);
      }
      double resid = y[l] - anew[0];
      for (int k : deltaIndex) {
        resid -= delta[k] * anew[r + k];
      }
      double gain = pnew[0];
      account(resid, gain, l, res);
      double scale = resid / gain;
      for (int i = 0; i < r; i++) {
        m[i] = pnew[i * r];
        a[i] = anew[i] + m[i] * scale;
      }
      for (int i = r; i < r + dd; i++) {
        a[i] = anew[i];
      }
      for (int i = 0; i < r; i++) {
        double mi = m[i] / gain;
        int row = i * r;
        for (int j = i; j < r; j++) {
          double v = pnew[row + j] - mi * m[j];
          p[row + j] = v;
          p[j * r + i] = v;
        }
      }
    }
  }

  /** {@code Pnew = T P T' + R R'} on the ARMA block (upper triangle computed, mirrored). */
  private void predictReduced(double[] phi, int np) {
    double p00 = p[0];
    int last = r - 1;
    for (int i = 0; i < r; i++) {
      double vi = rv[i];
      boolean arI = i < np;
      double phiI = arI ? phi[i] : 0.0;
      double pi0 = i < last ? p[(i + 1) * r] : 0.0;
      for (int j = i; j < r; j++) {
        double tmp = vi * rv[j];
        boolean arJ = j < np;
        if (arI && arJ) {
          tmp += phiI * phi[j] * p00;
        }
        if (j < last) {
          tmp += p[(i + 1) * r + j + 1];
          if (arI) {
            tmp += phiI * p[(j + 1) * r];
          }
        }
        if (arJ && i < last) {
          tmp += phi[j] * pi0;
        }
        pnew[i * r + j] = tmp;
        pnew[j * r + i] = tmp;
      }
    }
  }

  private void account(double resid, double gain, int l, double[] res) {
    if (gain < DIFFUSE_GAIN) {
      used++;
      ssq += resid * resid / gain;
      sumLog += Math.log(gain);
    }
    if (res != null) {
      res[l] = resid / Math.sqrt(gain);
    }
  }

  /** The state after the last step: {@code (a_arma, last dd values)}. */
  double[] state() {
    return Arrays.copyOf(a, r + dd);
  }

  /** The state covariance after the last step ({@code (r + dd)^2}, zero outside the ARMA block). */
  double[] stateCovariance() {
    int rd = r + dd;
    double[] out = new double[rd * rd];
    for (int i = 0; i < r; i++) {
      System.arraycopy(p, i * r, out, i * rd, r);
    }
    return out;
  }

  /** The ARMA state dimension of the last run. */
  int stateDimension() {
    return r;
  }
}
