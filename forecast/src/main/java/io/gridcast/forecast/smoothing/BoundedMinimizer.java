package io.gridcast.forecast.smoothing;

import java.util.Arrays;

/**
 * Derivative-free minimisation inside a box {@code lower <= x <= upper}: a coarse grid to find the
 * basin, then Nelder-Mead (reflection 1, expansion 2, contraction 1/2, shrink 1/2) with every trial
 * point clamped into the box, restarted once from its own result; one dimension uses golden-section
 * search on the grid cell around the best grid point instead.
 *
 * <p>Stateless and thread-safe; objective values that are NaN count as +infinity. The objective
 * must neither keep nor change the array it is given: the minimiser reuses its trial arrays, so a
 * search allocates a handful of arrays, not one per evaluation (a worker fitting all day otherwise
 * makes most of its garbage here).
 */
public final class BoundedMinimizer {
  private BoundedMinimizer() {}

  /** A function of a parameter vector to minimise. */
  @FunctionalInterface
  public interface Objective {
    /** The value at {@code x}; +infinity (or NaN) marks an infeasible point. */
    double value(double[] x);
  }

  /** The minimiser found and its objective value. */
  public record Result(double[] x, double value) {
    public Result {
      x = x.clone();
    }

    @Override
    public double[] x() {
      return x.clone();
    }
  }

  private static final double GOLDEN = (Math.sqrt(5) - 1) / 2;

  /** Minimises {@code f} over the box; {@code lower.length == upper.length >= 1}. */
  public static Result minimize(Objective f, double[] lower, double[] upper) {
    int d = lower.length;
    if (d != upper.length || d == 0) {
      throw new IllegalArgumentException(
          "bounds must be non-empty and of equal length: " + d + " vs " + upper.length);
    }
    int perDim = d == 1 ? 40 : d == 2 ? 9 : d == 3 ? 6 : 4;
    double[] best = new double[d];
    double bestValue = grid(f, lower, upper, perDim, best);
    if (d == 1) {
      double cell = (upper[0] - lower[0]) / (perDim - 1);
      double a = Math.max(lower[0], best[0] - cell);
      double b = Math.min(upper[0], best[0] + cell);
      Result r = golden(f, a, b, 1e-10 * (upper[0] - lower[0]));
      return r.value() <= bestValue ? r : new Result(best, bestValue);
    }
    Result r = nelderMead(f, best, lower, upper, 0.1, 2000);
    r = nelderMead(f, r.x(), lower, upper, 0.02, 2000);
    return r.value() <= bestValue ? r : new Result(best, bestValue);
  }

  private static double grid(Objective f, double[] lo, double[] hi, int perDim, double[] best) {
    int d = lo.length;
    int[] idx = new int[d];
    double[] x = new double[d];
    double bestValue = Double.POSITIVE_INFINITY;
    System.arraycopy(lo, 0, best, 0, d);
    while (true) {
      for (int i = 0; i < d; i++) {
        x[i] = lo[i] + (hi[i] - lo[i]) * idx[i] / (perDim - 1);
      }
      double v = eval(f, x);
      if (v < bestValue) {
        bestValue = v;
        System.arraycopy(x, 0, best, 0, d);
      }
      int i = 0;
      while (i < d && ++idx[i] == perDim) {
        idx[i++] = 0;
      }
      if (i == d) {
        return bestValue;
      }
    }
  }

  /** Golden-section search for a minimum of a one-dimensional {@code f} on {@code [a, b]}. */
  public static Result golden(Objective f, double a, double b, double tolerance) {
    double[] x = new double[1];
    double c = b - GOLDEN * (b - a);
    double d = a + GOLDEN * (b - a);
    double fc = at(f, x, c);
    double fd = at(f, x, d);
    while (b - a > tolerance) {
      if (fc <= fd) {
        b = d;
        d = c;
        fd = fc;
        c = b - GOLDEN * (b - a);
        fc = at(f, x, c);
      } else {
        a = c;
        c = d;
        fc = fd;
        d = a + GOLDEN * (b - a);
        fd = at(f, x, d);
      }
    }
    double xm = (a + b) / 2;
    double fm = at(f, x, xm);
    if (fc < fm) {
      xm = c;
      fm = fc;
    }
    if (fd < fm) {
      xm = d;
      fm = fd;
    }
    return new Result(new double[] {xm}, fm);
  }

  private static double at(Objective f, double[] x, double v) {
    x[0] = v;
    return eval(f, x);
  }

  /**
   * Nelder-Mead from {@code start} with an initial simplex of {@code step * (upper - lower)} along
   * each axis, stopping when the simplex values agree to 1e-12 relative or after {@code maxEval}
   * evaluations.
   */
  public static Result nelderMead(
      Objective f, double[] start, double[] lower, double[] upper, double step, int maxEval) {
    int d = start.length;
    double[][] p = new double[d + 1][];
    double[] v = new double[d + 1];
    for (int i = 0; i <= d; i++) {
      p[i] = start.clone();
      if (i > 0) {
        double s = step * (upper[i - 1] - lower[i - 1]);
        p[i][i - 1] = p[i][i - 1] + s <= upper[i - 1] ? p[i][i - 1] + s : p[i][i - 1] - s;
      }
      clamp(p[i], lower, upper);
      v[i] = eval(f, p[i]);
    }
    int evals = d + 1;
    double[] centroid = new double[d];
    double[] xr = new double[d];
    double[] xe = new double[d];
    double[] xc = new double[d];
    while (evals < maxEval) {
      sortByValue(p, v);
      double spread = Math.abs(v[d] - v[0]);
      if (spread <= 1e-12 * (Math.abs(v[0]) + 1e-300) || spread == 0) {
        break;
      }
      Arrays.fill(centroid, 0);
      for (int i = 0; i < d; i++) {
        for (int k = 0; k < d; k++) {
          centroid[k] += p[i][k] / d;
        }
      }
      for (int k = 0; k < d; k++) {
        xr[k] = centroid[k] + (centroid[k] - p[d][k]);
      }
      clamp(xr, lower, upper);
      double fr = eval(f, xr);
      evals++;
      if (fr < v[0]) {
        for (int k = 0; k < d; k++) {
          xe[k] = centroid[k] + 2 * (centroid[k] - p[d][k]);
        }
        clamp(xe, lower, upper);
        double fe = eval(f, xe);
        evals++;
        double[] worst = p[d];
        if (fe < fr) {
          p[d] = xe;
          xe = worst;
          v[d] = fe;
        } else {
          p[d] = xr;
          xr = worst;
          v[d] = fr;
        }
      } else if (fr < v[d - 1]) {
        double[] worst = p[d];
        p[d] = xr;
        xr = worst;
        v[d] = fr;
      } else {
        boolean outside = fr < v[d];
        for (int k = 0; k < d; k++) {
          xc[k] =
              outside
                  ? centroid[k] + 0.5 * (xr[k] - centroid[k])
                  : centroid[k] + 0.5 * (p[d][k] - centroid[k]);
        }
        clamp(xc, lower, upper);
        double fc = eval(f, xc);
        evals++;
        if (fc < Math.min(fr, v[d])) {
          double[] worst = p[d];
          p[d] = xc;
          xc = worst;
          v[d] = fc;
        } else {
          for (int i = 1; i <= d; i++) {
            for (int k = 0; k < d; k++) {
              p[i][k] = p[0][k] + 0.5 * (p[i][k] - p[0][k]);
            }
            v[i] = eval(f, p[i]);
          }
          evals += d;
        }
      }
    }
    int bi = 0;
    for (int i = 1; i <= d; i++) {
      if (v[i] < v[bi]) {
        bi = i;
      }
    }
    return new Result(p[bi], v[bi]);
  }

  /** Orders the simplex by value, ties kept in their order (a stable insertion sort; d <= 4). */
  private static void sortByValue(double[][] p, double[] v) {
    for (int i = 1; i < v.length; i++) {
      double key = v[i];
      double[] row = p[i];
      int j = i - 1;
      while (j >= 0 && Double.compare(v[j], key) > 0) {
        v[j + 1] = v[j];
        p[j + 1] = p[j];
        j--;
      }
      v[j + 1] = key;
      p[j + 1] = row;
    }
  }

  private static void clamp(double[] x, double[] lo, double[] hi) {
    for (int i = 0; i < x.length; i++) {
      x[i] = Math.max(lo[i], Math.min(hi[i], x[i]));
    }
  }

  private static double eval(Objective f, double[] x) {
    double v = f.value(x);
    return Double.isNaN(v) ? Double.POSITIVE_INFINITY : v;
  }
}
