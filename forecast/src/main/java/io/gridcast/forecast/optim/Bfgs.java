package io.gridcast.forecast.optim;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Quasi-Newton (BFGS variable metric) minimisation with central-difference gradients, a port of R's
 * {@code optim(method = "BFGS")} ({@code vmmin}, Nash 1990, with R's {@code fmingr}), so that a
 * model fitted here follows R's path from the same start; and R's {@code optimhess} Hessian.
 *
 * <p>Coordinates are scaled, {@code u = x / parscale}. The gradient in {@code u} is {@code g_i =
 * (f(u + e_i h) - f(u - e_i h)) / 2h} with {@code h = ndeps}. From {@code u} the search direction
 * is {@code t = -B g} ({@code B} the inverse Hessian estimate, reset to the identity when the
 * direction is not downhill or the curvature condition fails); the step {@code lambda} starts at 1
 * and shrinks by 0.2 until {@code f(u + lambda t) <= f(u) + 1e-4 lambda g't} (Armijo). After an
 * accepted step {@code s = lambda t} with gradient change {@code c}, when {@code D1 = s'c > 0}:
 *
 * <pre>
 *   B += ((1 + c'Bc / D1) s s' - (Bc) s' - s (Bc)') / D1
 * </pre>
 *
 * <p>It stops when the step changes no coordinate ({@code 10 + u == 10 + u'}) right after a reset,
 * when {@code |f' - f| <= reltol (|f| + reltol)}, when {@code f' <= abstol}, or after {@code
 * maxIterations} gradients. Stateless and thread-safe; the objective is called on the calling
 * thread only and must not keep or modify the array it is given.
 */
public final class Bfgs {
  private static final double STEP_REDUCTION = 0.2;
  private static final double ACCEPTANCE = 1.0e-4;
  private static final double RELTEST = 10.0;

  private Bfgs() {}

  /** A function to minimise, in original (unscaled) coordinates. */
  @FunctionalInterface
  public interface Objective {
    double value(double[] x);
  }

  /**
   * Settings; {@link #R_DEFAULTS} are those of R's {@code optim}.
   *
   * @param relativeTolerance R's {@code reltol}, {@code sqrt(eps)} by default
   * @param absoluteTolerance R's {@code abstol}, {@code -Inf} by default
   * @param maxIterations R's {@code maxit} (gradient evaluations), 100 by default
   * @param step R's {@code ndeps}, the finite-difference step in scaled coordinates
   */
  public record Options(
      double relativeTolerance, double absoluteTolerance, int maxIterations, double step) {
    public static final Options R_DEFAULTS =
        new Options(Math.sqrt(Math.ulp(1.0)), Double.NEGATIVE_INFINITY, 100, 1.0e-3);

    public Options {
      if (!(step > 0)) {
        throw new IllegalArgumentException("step must be > 0: " + step);
      }
    }

    /** The same settings with another iteration budget ({@code 0}: evaluate the start only). */
    public Options withMaxIterations(int max) {
      return new Options(relativeTolerance, absoluteTolerance, max, step);
    }
  }

  /**
   * Outcome of a search.
   *
   * @param point the last accepted point, original coordinates
   * @param value the objective there
   * @param converged false when the iteration budget ran out (R's convergence code 1)
   * @param evaluations objective calls, gradients included
   */
  public record Result(double[] point, double value, boolean converged, int evaluations) {}

  /**
   * Minimises {@code f} from {@code start} (not modified) with coordinates scaled by {@code
   * parscale}.
   *
   * @throws OptimizationException when the start is not finite or a finite difference is not
   */
  public static Result minimize(Objective f, double[] start, double[] parscale, Options o) {
    int n = start.length;
    if (parscale.length != n) {
      throw new IllegalArgumentException(
          "parscale has " + parscale.length + " entries for " + n + " parameters");
    }
    Scaled s = new Scaled(f, parscale);
    double[] b = new double[n];
    for (int i = 0; i < n; i++) {
      b[i] = start[i] / parscale[i];
    }
    if (o.maxIterations() <= 0 || n == 0) {
      return new Result(s.unscale(b), s.value(b), true, s.evaluations);
    }
    double[] g = new double[n];
    double[] t = new double[n];
    double[] x = new double[n];
    double[] c = new double[n];
    double[][] bm = new double[n][n];
    double f0 = s.value(b);
    if (!Double.isFinite(f0)) {
      throw new OptimizationException("initial value in BFGS is not finite: " + f0);
    }
    double fmin = f0;
    double fv = f0;
    int gradcount = 1;
    s.gradient(b, g, o.step());
    int iter = 1;
    int ilast = gradcount;
    int count;
    do {
      if (ilast == gradcount) {
        for (int i = 0; i < n; i++) {
          Arrays.fill(bm[i], 0, i, 0.0);
          bm[i][i] = 1.0;
        }
      }
      System.arraycopy(b, 0, x, 0, n);
      System.arraycopy(g, 0, c, 0, n);
      double gradproj = 0;
      for (int i = 0; i < n; i++) {
        double sum = 0;
        for (int j = 0; j <= i; j++) {
          sum -= bm[i][j] * g[j];
        }
        for (int j = i + 1; j < n; j++) {
          sum -= bm[j][i] * g[j];
        }
        t[i] = sum;
        gradproj += sum * g[i];
      }
      if (gradproj < 0.0) {
        double steplength = 1.0;
        boolean accpoint = false;
        do {
          count = 0;
          for (int i = 0; i < n; i++) {
            b[i] = x[i] + steplength * t[i];
            if (RELTEST + x[i] == RELTEST + b[i]) {
              count++;
            }
          }
          if (count < n) {
            fv = s.value(b);
            accpoint = Double.isFinite(fv) && fv <= fmin + gradproj * steplength * ACCEPTANCE;
            if (!accpoint) {
              steplength *= STEP_REDUCTION;
            }
          }
        } while (!(count == n || accpoint));
        boolean enough =
            fv > o.absoluteTolerance()
                && Math.abs(fv - fmin)
                    > o.relativeTolerance() * (Math.abs(fmin) + o.relativeTolerance());
        if (!enough) {
          count = n;
          fmin = fv;
        }
        if (count < n) {
          fmin = fv;
          s.gradient(b, g, o.step());
          gradcount++;
          iter++;
          double d1 = 0;
          for (int i = 0; i < n; i++) {
            t[i] = steplength * t[i];
            c[i] = g[i] - c[i];
            d1 += t[i] * c[i];
          }
          if (d1 > 0) {
            double d2 = 0;
            for (int i = 0; i < n; i++) {
              double sum = 0;
              for (int j = 0; j <= i; j++) {
                sum += bm[i][j] * c[j];
              }
              for (int j = i + 1; j < n; j++) {
                sum += bm[j][i] * c[j];
              }
              x[i] = sum;
              d2 += sum * c[i];
            }
            d2 = 1.0 + d2 / d1;
            for (int i = 0; i < n; i++) {
              for (int j = 0; j <= i; j++) {
                bm[i][j] += (d2 * t[i] * t[j] - x[i] * t[j] - t[i] * x[j]) / d1;
              }
            }
          } else {
            ilast = gradcount;
          }
        } else if (ilast < gradcount) {
          count = 0;
          ilast = gradcount;
        }
      } else {
        count = 0;
        if (ilast == gradcount) {
          count = n;
        } else {
          ilast = gradcount;
        }
      }
      if (iter >= o.maxIterations()) {
        break;
      }
      if (gradcount - ilast > 2 * n) {
        ilast = gradcount;
      }
    } while (count != n || ilast != gradcount);
    return new Result(s.unscale(b), fmin, iter < o.maxIterations(), s.evaluations);
  }

  /**
   * The Hessian of {@code f} at {@code x} as R's {@code optimhess}: row {@code i} is the
   * central-difference gradient at {@code x +- ndeps e_i} differenced, {@code H_ij = (g_j(x + h_i)
   * - g_j(x - h_i)) / (2 ndeps)}, then symmetrised. Points repeated between rows are evaluated
   * once.
   *
   * @throws OptimizationException when a finite difference is not finite
   */
  public static double[][] hessian(Objective f, double[] x, double[] parscale, double ndeps) {
    int n = x.length;
    Memo memo = new Memo(f);
    Scaled s = new Scaled(memo, parscale);
    double[] dpar = new double[n];
    for (int i = 0; i < n; i++) {
      dpar[i] = x[i] / parscale[i];
    }
    double[] df1 = new double[n];
    double[] df2 = new double[n];
    double[][] h = new double[n][n];
    for (int i = 0; i < n; i++) {
      double eps = ndeps / parscale[i];
      dpar[i] = dpar[i] + eps;
      s.gradient(dpar, df1, ndeps);
      dpar[i] = dpar[i] - 2 * eps;
      s.gradient(dpar, df2, ndeps);
      for (int j = 0; j < n; j++) {
        h[i][j] = (df1[j] - df2[j]) / (2 * eps * parscale[i] * parscale[j]);
      }
      dpar[i] = dpar[i] + eps;
    }
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < i; j++) {
        double tmp = 0.5 * (h[i][j] + h[j][i]);
        h[i][j] = tmp;
        h[j][i] = tmp;
      }
    }
    return h;
  }

  /** The objective seen in scaled coordinates, with R's central differences. */
  private static final class Scaled {
    private final Objective f;
    private final double[] parscale;
    private final double[] point;
    int evaluations;

    Scaled(Objective f, double[] parscale) {
      this.f = f;
      this.parscale = parscale;
      this.point = new double[parscale.length];
    }

    double value(double[] u) {
      for (int i = 0; i < u.length; i++) {
        if (!Double.isFinite(u[i])) {
          throw new OptimizationException("non-finite value supplied by BFGS: " + u[i]);
        }
        point[i] = u[i] * parscale[i];
      }
      evaluations++;
      return f.value(point);
    }

    void gradient(double[] u, double[] df, double h) {
      for (int i = 0; i < u.length; i++) {
        point[i] = u[i] * parscale[i];
      }
      for (int i = 0; i < u.length; i++) {
        point[i] = (u[i] + h) * parscale[i];
        double v1 = f.value(point);
        point[i] = (u[i] - h) * parscale[i];
        double v2 = f.value(point);
        evaluations += 2;
        df[i] = (v1 - v2) / (2 * h);
        if (!Double.isFinite(df[i])) {
          throw new OptimizationException(
              "non-finite finite-difference value for parameter " + (i + 1));
        }
        point[i] = u[i] * parscale[i];
      }
    }

    double[] unscale(double[] u) {
      double[] out = new double[u.length];
      for (int i = 0; i < u.length; i++) {
        out[i] = u[i] * parscale[i];
      }
      return out;
    }
  }

  /** Remembers the values at exact points, which the Hessian's gradients share. */
  private static final class Memo implements Objective {
    private final Objective f;
    private final Map<Key, Double> seen = new HashMap<>();

    Memo(Objective f) {
      this.f = f;
    }

    @Override
    public double value(double[] x) {
      Key k = new Key(x.clone());
      Double v = seen.get(k);
      if (v == null) {
        v = f.value(x);
        seen.put(k, v);
      }
      return v;
    }
  }

  private record Key(double[] x) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && Arrays.equals(x, k.x);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(x);
    }
  }
}
