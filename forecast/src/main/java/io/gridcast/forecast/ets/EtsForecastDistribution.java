package io.gridcast.forecast.ets;

/**
 * Forecast means and variances of Hyndman et al. (2008, ch. 6), as R's {@code forecast.ets()}
 * computes them without simulation.
 *
 * <ul>
 *   <li>Class 1 (additive error, season N or A): {@code v(1) = s2}, {@code v(h) = s2 (1 + sum_{j<h}
 *       c_j^2)} with {@code c_j = alpha + beta (phi + ... + phi^j) + gamma [j mod m = 0]}.
 *   <li>Class 2 (multiplicative error, season N or A): {@code theta(1) = mu(1)^2}, {@code theta(h)
 *       = mu(h)^2 + s2 sum_{j<h} c_j^2 theta(h - j)}, {@code v(h) = (1 + s2) theta(h) - mu(h)^2}.
 *   <li>Class 3 (multiplicative error and season): the second-order moment recursion of R's {@code
 *       class3()} on the Kronecker-structured state {@code M = (l, b)' (s1..sm)}; its mean carries
 *       the {@code s2} correction term, which is why R's point forecasts of these models differ
 *       slightly from the plain recursion.
 * </ul>
 *
 * <p>R's {@code class1()} places gamma on the second seasonal state when there is no trend, which
 * shifts the seasonal term of c_j by one step for ANA, MNA; this class uses the book's c_j.
 */
final class EtsForecastDistribution {
  private EtsForecastDistribution() {}

  /** Means (index 0) and variances (index 1) for steps 1..h. */
  static double[][] meanAndVariance(
      EtsStructure s,
      int m,
      double alpha,
      double beta,
      double gamma,
      double phi,
      double sigma2,
      double[] last,
      int h,
      boolean withVariance) {
    if (s.multiplicativeSeason()) {
      return class3(s, m, alpha, beta, gamma, phi, sigma2, last, h, withVariance);
    }
    double[] mu = EtsRecursion.pointForecast(s, m, phi, last, h);
    double[] var = new double[h];
    if (!withVariance) {
      return new double[][] {mu, var};
    }
    double[] c2 = new double[h];
    double ph = s.damped() ? phi : 1;
    double phiSum = 0;
    double pw = 1;
    for (int j = 1; j < h; j++) {
      pw *= ph;
      phiSum += pw;
      double c =
          alpha + (s.hasTrend() ? beta * phiSum : 0) + (s.seasonal() && j % m == 0 ? gamma : 0);
      c2[j] = c * c;
    }
    if (!s.multiplicativeError()) {
      double acc = 1;
      var[0] = sigma2;
      for (int j = 1; j < h; j++) {
        acc += c2[j];
        var[j] = sigma2 * acc;
      }
    } else {
      double[] theta = new double[h];
      for (int j = 0; j < h; j++) {
        double t = mu[j] * mu[j];
        for (int i = 1; i <= j; i++) {
          t += sigma2 * c2[i] * theta[j - i];
        }
        theta[j] = t;
        var[j] = (1 + sigma2) * t - mu[j] * mu[j];
      }
    }
    return new double[][] {mu, var};
  }

  private static double[][] class3(
      EtsStructure s,
      int m,
      double alpha,
      double beta,
      double gamma,
      double phi,
      double sigma2,
      double[] last,
      int h,
      boolean withVariance) {
    int k = s.hasTrend() ? 2 : 1;
    int d = k * m;
    double[] f1 = new double[k * k];
    double[] g1 = new double[k * k];
    if (k == 1) {
      f1[0] = 1;
      g1[0] = alpha;
    } else {
      f1[0] = 1;
      f1[1] = 1;
      f1[2] = 0;
      f1[3] = s.damped() ? phi : 1;
      g1[0] = alpha;
      g1[1] = alpha;
      g1[2] = beta;
      g1[3] = beta;
    }
    // F2: row 0 = e_m', rows 1..m-1 = [I 0]; G2: only (0, m-1) = gamma.
    double[] f2 = new double[m * m];
    f2[m - 1] = 1;
    for (int i = 1; i < m; i++) {
      f2[i * m + i - 1] = 1;
    }
    double[] g2 = new double[m * m];
    g2[m - 1] = gamma;
    // Mh (k x m) = (l, b)' (s1..sm), column-major vec index r + k c.
    double[] mh = new double[d];
    for (int r = 0; r < k; r++) {
      for (int c = 0; c < m; c++) {
        mh[r + k * c] = last[r] * last[k + c];
      }
    }
    double[] mu = new double[h];
    double[] var = new double[h];
    double[] f21 = withVariance ? kron(f2, m, f1, k) : null;
    double[] g21 = withVariance ? kron(g2, m, g1, k) : null;
    double[] kk = null;
    if (withVariance) {
      double[] a = kron(g2, m, f1, k);
      double[] b = kron(f2, m, g1, k);
      kk = new double[d * d];
      for (int i = 0; i < kk.length; i++) {
        kk[i] = a[i] + b[i];
      }
    }
    double[] vh = new double[d * d];
    double[] next = new double[d];
    for (int i = 0; i < h; i++) {
      double mui = 0;
      for (int r = 0; r < k; r++) {
        mui += mh[r + k * (m - 1)];
      }
      mu[i] = mui;
      if (withVariance) {
        double hv = 0;
        for (int r = 0; r < k; r++) {
          for (int c = 0; c < k; c++) {
            hv += vh[(k * (m - 1) + r) * d + k * (m - 1) + c];
          }
        }
        var[i] = (1 + sigma2) * hv + sigma2 * mui * mui;
        double[] outer = new double[d * d];
        for (int r = 0; r < d; r++) {
          for (int c = 0; c < d; c++) {
            outer[r * d + c] = mh[r] * mh[c];
          }
        }
        double[] fvf = sandwich(f21, vh, f21, d);
        double[] fvg = sandwich(f21, vh, g21, d);
        double[] gvf = sandwich(g21, vh, f21, d);
        double[] vpo = new double[d * d];
        double[] v3 = new double[d * d];
        for (int q = 0; q < vpo.length; q++) {
          vpo[q] = vh[q] + outer[q];
          v3[q] = 3 * vh[q] + 2 * outer[q];
        }
        double[] kvk = sandwich(kk, vpo, kk, d);
        double[] gvg = sandwich(g21, v3, g21, d);
        for (int q = 0; q < vh.length; q++) {
          vh[q] = fvf[q] + sigma2 * (fvg[q] + gvf[q] + kvk[q] + sigma2 * gvg[q]);
        }
      }
      // Mh <- F1 Mh F2' + G1 Mh G2' s2
      for (int r = 0; r < k; r++) {
        for (int c = 0; c < m; c++) {
          double v = 0;
          for (int a = 0; a < k; a++) {
            for (int b = 0; b < m; b++) {
              double mab = mh[a + k * b];
              v +=
                  f1[r * k + a] * mab * f2[c * m + b]
                      + g1[r * k + a] * mab * g2[c * m + b] * sigma2;
            }
          }
          next[r + k * c] = v;
        }
      }
      System.arraycopy(next, 0, mh, 0, d);
    }
    return new double[][] {mu, var};
  }

  /** A ⊗ B for square row-major A (p x p) and B (q x q). */
  private static double[] kron(double[] a, int p, double[] b, int q) {
    int d = p * q;
    double[] out = new double[d * d];
    for (int ar = 0; ar < p; ar++) {
      for (int ac = 0; ac < p; ac++) {
        double av = a[ar * p + ac];
        if (av == 0) {
          continue;
        }
        for (int br = 0; br < q; br++) {
          for (int bc = 0; bc < q; bc++) {
            out[(ar * q + br) * d + ac * q + bc] = av * b[br * q + bc];
          }
        }
      }
    }
    return out;
  }

  /** A V B' for d x d row-major matrices. */
  private static double[] sandwich(double[] a, double[] v, double[] b, int d) {
    double[] av = new double[d * d];
    for (int i = 0; i < d; i++) {
      for (int k = 0; k < d; k++) {
        double x = a[i * d + k];
        if (x == 0) {
          continue;
        }
        for (int j = 0; j < d; j++) {
          av[i * d + j] += x * v[k * d + j];
        }
      }
    }
    double[] out = new double[d * d];
    for (int i = 0; i < d; i++) {
      for (int j = 0; j < d; j++) {
        double sum = 0;
        for (int k = 0; k < d; k++) {
          sum += av[i * d + k] * b[j * d + k];
        }
        out[i * d + j] = sum;
      }
    }
    return out;
  }
}
