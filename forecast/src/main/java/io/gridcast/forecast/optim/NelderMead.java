package io.gridcast.forecast.optim;

import java.util.Arrays;

/**
 * Nelder-Mead simplex minimisation, a faithful port of R's {@code nmmin} (the engine behind {@code
 * optim(method = "Nelder-Mead")} and {@code forecast::ets()}), so that a model fitted here follows
 * the same path as in R from the same starting point.
 *
 * <p>The initial simplex steps every coordinate by {@code 0.1 * max|x_i|} (0.1 when the start is
 * 0). Each iteration reflects the worst vertex through the centroid of the others ({@code x_r = (1
 * + a) c - a x_h}), expands ({@code x_e = g x_r + (1 - g) c}) when the reflection is the new best,
 * contracts ({@code (1 - b) x_h + b c}) otherwise, and shrinks towards the best vertex when the
 * contraction fails. It stops when {@code f_high <= f_low + reltol (|f_0| + reltol)}, when {@code
 * f_low <= abstol}, after {@code maxEvaluations}, or when a shrink no longer reduces the simplex.
 *
 * <p>Constraints are expressed by the objective returning a non-finite value (replaced by {@code
 * 1e35}, as in R); {@link #minimize(Objective, double[], double[], double[], Options)} adds box
 * bounds that way. Stateless and thread-safe; the objective is called from the calling thread only.
 */
public final class NelderMead {
  private static final double BIG = 1.0e35;

  private NelderMead() {}

  /** A function to minimise; it must not keep or modify the array it is given. */
  @FunctionalInterface
  public interface Objective {
    double value(double[] x);
  }

  /**
   * Settings of the search; {@link #R_DEFAULTS} are those of R's {@code optim} and {@code ets()}.
   *
   * @param absoluteTolerance stop when the best value is at most this
   * @param relativeTolerance stop when the simplex values span at most this, relative
   * @param reflection reflection coefficient (R's alpha, 1)
   * @param contraction contraction coefficient (R's beta, 0.5)
   * @param expansion expansion coefficient (R's gamma, 2)
   * @param maxEvaluations evaluation budget (R's maxit)
   */
  public record Options(
      double absoluteTolerance,
      double relativeTolerance,
      double reflection,
      double contraction,
      double expansion,
      int maxEvaluations) {
    public static final Options R_DEFAULTS =
        new Options(Double.NEGATIVE_INFINITY, Math.sqrt(Math.ulp(1.0)), 1.0, 0.5, 2.0, 2000);

    public Options {
      if (maxEvaluations < 0) {
        throw new IllegalArgumentException("maxEvaluations must be >= 0: " + maxEvaluations);
      }
      if (!(contraction > 0 && contraction < 1)) {
        throw new IllegalArgumentException("contraction must be in (0, 1): " + contraction);
      }
    }

    /** The same settings with another evaluation budget. */
    public Options withMaxEvaluations(int max) {
      return new Options(
          absoluteTolerance, relativeTolerance, reflection, contraction, expansion, max);
    }
  }

  /**
   * Outcome of a search.
   *
   * @param point the best vertex found
   * @param value the objective there
   * @param evaluations objective calls made
   * @param converged false when the budget ran out or the simplex stopped shrinking
   */
  public record Result(double[] point, double value, int evaluations, boolean converged) {}

  /** Minimises {@code f} from {@code start} (not modified). */
  public static Result minimize(Objective f, double[] start, Options options) {
    int n = start.length;
    double[] b = start.clone();
    if (options.maxEvaluations() <= 0 || n == 0) {
      return new Result(b, f.value(b), 1, true);
    }
    int cols = n + 2;
    int n1 = n + 1;
    // p[i * cols + j]: coordinate i (row n holds the value) of vertex j; column n + 1 is scratch.
    double[] p = new double[n1 * cols];
    double fv = f.value(b);
    if (!Double.isFinite(fv)) {
      throw new IllegalArgumentException("objective is not finite at the starting point: " + fv);
    }
    int funcount = 1;
    double convtol = options.relativeTolerance() * (Math.abs(fv) + options.relativeTolerance());
    double alpha = options.reflection();
    double bet = options.contraction();
    double gamm = options.expansion();
    int maxit = options.maxEvaluations();
    int c = n + 2;
    p[n * cols] = fv;
    for (int i = 0; i < n; i++) {
      p[i * cols] = b[i];
    }
    int low = 1;
    double size = 0;
    double step = 0;
    for (int i = 0; i < n; i++) {
      step = Math.max(step, 0.1 * Math.abs(b[i]));
    }
    if (step == 0.0) {
      step = 0.1;
    }
    for (int j = 2; j <= n1; j++) {
      for (int i = 0; i < n; i++) {
        p[i * cols + j - 1] = b[i];
      }
      double trystep = step;
      while (p[(j - 2) * cols + j - 1] == b[j - 2]) {
        p[(j - 2) * cols + j - 1] = b[j - 2] + trystep;
        trystep *= 10;
      }
      size += trystep;
    }
    double oldsize = size;
    boolean calcvert = true;
    boolean converged = true;
    do {
      if (calcvert) {
        for (int j = 0; j < n1; j++) {
          if (j + 1 != low) {
            for (int i = 0; i < n; i++) {
              b[i] = p[i * cols + j];
            }
            fv = finite(f.value(b));
            funcount++;
            p[n * cols + j] = fv;
          }
        }
        calcvert = false;
      }
      double vl = p[n * cols + low - 1];
      double vh = vl;
      int high = low;
      for (int j = 1; j <= n1; j++) {
        if (j != low) {
          double v = p[n * cols + j - 1];
          if (v < vl) {
            low = j;
            vl = v;
          }
          if (v > vh) {
            high = j;
            vh = v;
          }
        }
      }
      if (vh <= vl + convtol || vl <= options.absoluteTolerance()) {
        break;
      }
      for (int i = 0; i < n; i++) {
        double temp = -p[i * cols + high - 1];
        for (int j = 0; j < n1; j++) {
          temp += p[i * cols + j];
        }
        p[i * cols + c - 1] = temp / n;
      }
      for (int i = 0; i < n; i++) {
        b[i] = (1.0 + alpha) * p[i * cols + c - 1] - alpha * p[i * cols + high - 1];
      }
      fv = finite(f.value(b));
      funcount++;
      double vr = fv;
      if (vr < vl) {
        p[n * cols + c - 1] = fv;
        for (int i = 0; i < n; i++) {
          double e = gamm * b[i] + (1 - gamm) * p[i * cols + c - 1];
          p[i * cols + c - 1] = b[i];
          b[i] = e;
        }
        fv = finite(f.value(b));
        funcount++;
        if (fv < vr) {
          for (int i = 0; i < n; i++) {
            p[i * cols + high - 1] = b[i];
          }
          p[n * cols + high - 1] = fv;
        } else {
          for (int i = 0; i < n; i++) {
            p[i * cols + high - 1] = p[i * cols + c - 1];
          }
          p[n * cols + high - 1] = vr;
        }
      } else {
        if (vr < vh) {
          for (int i = 0; i < n; i++) {
            p[i * cols + high - 1] = b[i];
          }
          p[n * cols + high - 1] = vr;
        }
        for (int i = 0; i < n; i++) {
          b[i] = (1 - bet) * p[i * cols + high - 1] + bet * p[i * cols + c - 1];
        }
        fv = finite(f.value(b));
        funcount++;
        if (fv < p[n * cols + high - 1]) {
          for (int i = 0; i < n; i++) {
            p[i * cols + high - 1] = b[i];
          }
          p[n * cols + high - 1] = fv;
        } else if (vr >= vh) {
          calcvert = true;
          size = 0.0;
          for (int j = 0; j < n1; j++) {
            if (j + 1 != low) {
              for (int i = 0; i < n; i++) {
                double pl = p[i * cols + low - 1];
                p[i * cols + j] = bet * (p[i * cols + j] - pl) + pl;
                size += Math.abs(p[i * cols + j] - pl);
              }
            }
          }
          if (size < oldsize) {
            oldsize = size;
          } else {
            converged = false;
            break;
          }
        }
      }
    } while (funcount <= maxit);
    if (funcount > maxit) {
      converged = false;
    }
    double[] best = new double[n];
    for (int i = 0; i < n; i++) {
      best[i] = p[i * cols + low - 1];
    }
    return new Result(best, p[n * cols + low - 1], funcount, converged);
  }

  /**
   * Minimises {@code f} inside the box {@code [lower, upper]}: points outside it count as
   * infeasible and are never passed to {@code f}.
   */
  public static Result minimize(
      Objective f, double[] start, double[] lower, double[] upper, Options options) {
    if (lower.length != start.length || upper.length != start.length) {
      throw new IllegalArgumentException(
          "bounds and start differ in length: "
              + Arrays.toString(lower)
              + " "
              + Arrays.toString(upper)
              + " "
              + start.length);
    }
    Objective boxed =
        x -> {
          for (int i = 0; i < x.length; i++) {
            if (!(x[i] >= lower[i] && x[i] <= upper[i])) {
              return Double.POSITIVE_INFINITY;
            }
          }
          return f.value(x);
        };
    return minimize(boxed, start, options);
  }

  private static double finite(double v) {
    return Double.isFinite(v) ? v : BIG;
  }
}
