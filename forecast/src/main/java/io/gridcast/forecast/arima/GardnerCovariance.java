package io.gridcast.forecast.arima;

import java.util.Arrays;

/**
 * The stationary state covariance {@code P0} by Gardner, Harvey and Phillips' (1980, Applied
 * Statistics algorithm AS 154) method, the one R's {@code arima} uses by default ({@code SSinit =
 * "Gardner1980"}): the {@code r(r+1)/2} distinct equations of {@code P0 = T P0 T' + R R'} are
 * accumulated one row at a time into a triangular system by square-root-free Givens rotations and
 * solved by back-substitution; a pure MA model needs only back-substitution.
 *
 * <p>Near a unit root this solve loses accuracy (R's documentation says so); it is used here, for
 * small state dimensions, because R's estimates follow its rounding there. {@link
 * StationaryCovariance} gives the same matrix in {@code O(r^2 + p^3)} for large dimensions. Not
 * thread-safe: one instance per fit, reused across evaluations.
 */
final class GardnerCovariance {
  private final int maxR;
  private final double[] xnext;
  private final double[] xrow;
  private final double[] rbar;
  private final double[] thetab;
  private final double[] v;
  private final double[] packed;

  GardnerCovariance(int maxR) {
    this.maxR = maxR;
    int np = maxR * (maxR + 1) / 2;
    this.xnext = new double[np];
    this.xrow = new double[np];
    this.rbar = new double[Math.max(1, np * (np - 1) / 2)];
    this.thetab = new double[np];
    this.v = new double[np];
    this.packed = new double[Math.max(np, maxR * maxR)];
  }

  /** Writes {@code P0} ({@code r x r}, row-major) into {@code out}. */
  void compute(double[] phi, int p, double[] theta, int q, int r, double[] out) {
    if (r > maxR) {
      throw new IllegalArgumentException("state dimension " + r + " > workspace " + maxR);
    }
    if (r == 1) {
      out[0] = p > 0 ? 1.0 / (1.0 - phi[0] * phi[0]) : 1.0;
      return;
    }
    int np = r * (r + 1) / 2;
    int nrbar = np * (np - 1) / 2;
    int ind = 0;
    for (int j = 0; j < r; j++) {
      double vj = j == 0 ? 1.0 : (j - 1 < q ? theta[j - 1] : 0.0);
      for (int i = j; i < r; i++) {
        double vi = i == 0 ? 1.0 : (i - 1 < q ? theta[i - 1] : 0.0);
        v[ind++] = vi * vj;
      }
    }
    double[] pk = packed;
    if (p > 0) {
      Arrays.fill(rbar, 0, nrbar, 0.0);
      Arrays.fill(pk, 0, np, 0.0);
      Arrays.fill(thetab, 0, np, 0.0);
      Arrays.fill(xnext, 0, np, 0.0);
      ind = 0;
      int ind1 = -1;
      int npr = np - r;
      int npr1 = npr + 1;
      int indj = npr;
      int ind2 = npr - 1;
      for (int j = 0; j < r; j++) {
        double phij = j < p ? phi[j] : 0.0;
        xnext[indj++] = 0.0;
        int indi = npr1 + j;
        for (int i = j; i < r; i++) {
          double ynext = v[ind++];
          double phii = i < p ? phi[i] : 0.0;
          if (j != r - 1) {
            xnext[indj] = -phii;
            if (i != r - 1) {
              xnext[indi] -= phij;
              xnext[++ind1] = -1.0;
            }
          }
          xnext[npr] = -phii * phij;
          if (++ind2 >= np) {
            ind2 = 0;
          }
          xnext[ind2] += 1.0;
          include(np, ynext, pk);
          xnext[ind2] = 0.0;
          if (i != r - 1) {
            xnext[indi++] = 0.0;
            xnext[ind1] = 0.0;
          }
        }
      }
      int ithisr = nrbar - 1;
      int im = np - 1;
      for (int i = 0; i < np; i++) {
        double bi = thetab[im];
        int jm = np - 1;
        for (int j = 0; j < i; j++) {
          bi -= rbar[ithisr--] * pk[jm--];
        }
        pk[im--] = bi;
      }
      // re-order: the last r entries hold the first row
      for (int i = 0; i < r; i++) {
        xnext[i] = pk[npr + i];
      }
      int to = np - 1;
      int from = npr - 1;
      for (int i = 0; i < npr; i++) {
        pk[to--] = pk[from--];
      }
      System.arraycopy(xnext, 0, pk, 0, r);
    } else {
      int indn = np;
      ind = np;
      for (int i = 0; i < r; i++) {
        for (int j = 0; j <= i; j++) {
          --ind;
          pk[ind] = v[ind];
          if (j != 0) {
            pk[ind] += pk[--indn];
          }
        }
      }
    }
    // unpack the upper triangle (stored by rows of the lower one, column-major in R) to full
    Arrays.fill(out, 0, r * r, 0.0);
    System.arraycopy(pk, 0, out, 0, r);
    ind = np;
    for (int i = r - 1; i > 0; i--) {
      for (int j = r - 1; j >= i; j--) {
        out[r * i + j] = pk[--ind];
      }
    }
    for (int i = 0; i < r - 1; i++) {
      for (int j = i + 1; j < r; j++) {
        out[i + r * j] = out[j + r * i];
      }
    }
  }

  /** Givens inclusion of the row {@code xnext} with response {@code ynext} (AS 154 INCLU2). */
  private void include(int np, double ynext, double[] d) {
    System.arraycopy(xnext, 0, xrow, 0, np);
    int ithisr = 0;
    for (int i = 0; i < np; i++) {
      if (xrow[i] != 0.0) {
        double xi = xrow[i];
        double di = d[i];
        double dpi = di + xi * xi;
        d[i] = dpi;
        double cbar = di / dpi;
        double sbar = xi / dpi;
        for (int k = i + 1; k < np; k++) {
          double xk = xrow[k];
          double rbthis = rbar[ithisr];
          xrow[k] = xk - xi * rbthis;
          rbar[ithisr++] = cbar * rbthis + sbar * xk;
        }
        double xk = ynext;
        ynext = xk - xi * thetab[i];
        thetab[i] = cbar * thetab[i] + sbar * xk;
        if (di == 0.0) {
          return;
        }
      } else {
        ithisr = ithisr + np - i - 1;
      }
    }
  }
}
