package io.gridcast.forecast.covariate;

import io.gridcast.forecast.model.ModelFitException;
import io.gridcast.forecast.model.PredictionInterval;
import io.gridcast.forecast.model.StudentQuantile;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A linear model on a trend, Fourier terms of the seasonal period and the covariates, by ordinary
 * least squares ({@link LinearFit}), as R's {@code tslm(y ~ trend + fourier(y, K) + X)}:
 *
 * <pre>
 *   y(t) = b0 + b1 t + sum_{k=1..K} (a_k sin(2 pi k t / m) + c_k cos(2 pi k t / m))
 *          + sum_j beta_j x_j(t) + e(t),   t = 1..n,  K = min(fourier, floor(m / 2))
 * </pre>
 *
 * Intervals from the residual variance {@code s^2 = RSS / (n - p)} and Student's t with {@code n -
 * p} degrees of freedom: {@code yhat +- t s sqrt(1 + x0' (X'X)^-1 x0)}. A covariate that never
 * varies in the history gets coefficient 0. Immutable and thread-safe.
 *
 * @param fourier the largest number of Fourier pairs for the seasonal period ({@code 0..}{@value
 *     #MAX_FOURIER})
 * @param trend whether to include the linear trend {@code b1 t}
 * @param squares add the centred square {@code <name>^2} of each continuous covariate ({@link
 *     QuadraticTerms})
 */
public record RegressionSpec(int fourier, boolean trend, boolean squares)
    implements CovariateModelSpec {
  /** Registry name. */
  public static final String NAME = "regression";

  /** Default Fourier pairs: a full weekly pattern on daily data. */
  public static final int DEFAULT_FOURIER = 3;

  /** The largest number of Fourier pairs. */
  public static final int MAX_FOURIER = 50;

  public RegressionSpec {
    if (fourier < 0 || fourier > MAX_FOURIER) {
      throw new IllegalArgumentException("fourier must be in [0, " + MAX_FOURIER + "]: " + fourier);
    }
  }

  /** Trend and {@value #DEFAULT_FOURIER} Fourier pairs. */
  public static RegressionSpec defaults() {
    return new RegressionSpec(DEFAULT_FOURIER, true, true);
  }

  /**
   * From a parameter map: {@code fourier} (integer, default {@value #DEFAULT_FOURIER}), {@code
   * trend} and {@code squares} (0 or 1, default 1).
   *
   * @throws IllegalArgumentException for a value out of range, naming it
   */
  public static RegressionSpec fromParameters(Map<String, Double> p) {
    Double f = p.get("fourier");
    if (f != null && (f != Math.rint(f) || f < 0 || f > MAX_FOURIER)) {
      throw new IllegalArgumentException(
          "fourier must be an integer in [0, " + MAX_FOURIER + "]: " + f);
    }
    Double tr = p.get("trend");
    if (tr != null && tr != 0 && tr != 1) {
      throw new IllegalArgumentException("trend must be 0 or 1: " + tr);
    }
    return new RegressionSpec(
        f == null ? DEFAULT_FOURIER : f.intValue(),
        tr == null || tr == 1,
        QuadraticTerms.flag(p, "squares"));
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Map<String, Double> parameters() {
    Map<String, Double> out = new LinkedHashMap<>();
    out.put("fourier", (double) fourier);
    out.put("trend", trend ? 1.0 : 0.0);
    out.put("squares", squares ? 1.0 : 0.0);
    return out;
  }

  @Override
  public CovariateFit fit(double[] y, int n, int period, Covariates given) {
    CovariateModelSpec.requireRows(NAME, n, given);
    Covariates x = squares ? QuadraticTerms.expand(given, n) : given;
    double[][] design = design(x, period);
    LinearFit lf;
    try {
      lf = LinearFit.of(design, y, n);
    } catch (IllegalArgumentException e) {
      throw new ModelFitException(NAME, e.getMessage());
    }
    return new Fit(this, lf, design, x, n);
  }

  /** Rows {@code [1, t, sin/cos..., x_1..x_k]} for every row of {@code x}. */
  private double[][] design(Covariates x, int period) {
    int pairs = period > 1 ? Math.min(fourier, period / 2) : 0;
    int k = x.count();
    int rows = x.rows();
    int width = 1 + (trend ? 1 : 0) + 2 * pairs + k;
    double[][] c = x.columns();
    double[][] d = new double[rows][width];
    for (int t = 0; t < rows; t++) {
      int j = 0;
      d[t][j++] = 1;
      if (trend) {
        d[t][j++] = t + 1;
      }
      for (int q = 1; q <= pairs; q++) {
        double a = 2 * Math.PI * q * (t + 1) / period;
        d[t][j++] = Math.sin(a); // identically 0 when 2q = m: dropped as a constant column
        d[t][j++] = Math.cos(a);
      }
      for (int v = 0; v < k; v++) {
        d[t][j++] = c[v][t];
      }
    }
    return d;
  }

  /** The fitted linear model; the covariate coefficients are the last {@code k}. */
  private static final class Fit implements CovariateFit {
    private final RegressionSpec spec;
    private final LinearFit lf;
    private final double[][] design;
    private final Covariates x;
    private final int n;

    Fit(RegressionSpec spec, LinearFit lf, double[][] design, Covariates x, int n) {
      this.spec = spec;
      this.lf = lf;
      this.design = design;
      this.x = x;
      this.n = n;
    }

    @Override
    public RegressionSpec spec() {
      return spec;
    }

    @Override
    public List<String> covariateNames() {
      return x.names();
    }

    @Override
    public Map<String, Double> covariateCoefficients() {
      Map<String, Double> out = new LinkedHashMap<>();
      double[] b = lf.coefficients();
      int off = b.length - x.count();
      for (int j = 0; j < x.count(); j++) {
        out.put(x.names().get(j), b[off + j]);
      }
      return out;
    }

    @Override
    public int coveredHorizon() {
      return x.rows() - n;
    }

    @Override
    public double[] forecast(int horizon) {
      check(horizon);
      double[] f = new double[horizon];
      for (int s = 0; s < horizon; s++) {
        f[s] = lf.predict(design[n + s]);
      }
      return f;
    }

    @Override
    public Optional<PredictionInterval> interval(int horizon, double level) {
      double[] f = forecast(horizon);
      double q = StudentQuantile.twoSided(level, lf.df());
      double[] lo = new double[horizon];
      double[] hi = new double[horizon];
      for (int s = 0; s < horizon; s++) {
        double se = Math.sqrt(lf.sigma2() * (1 + lf.leverage(design[n + s])));
        lo[s] = f[s] - q * se;
        hi[s] = f[s] + q * se;
      }
      return Optional.of(new PredictionInterval(level, lo, hi));
    }

    @Override
    public Optional<double[]> fittedValues() {
      double[] f = new double[n];
      for (int t = 0; t < n; t++) {
        f[t] = lf.predict(design[t]);
      }
      return Optional.of(f);
    }

    @Override
    public int estimatedParameterCount() {
      return design[0].length + 1;
    }

    private void check(int horizon) {
      if (n + horizon > x.rows()) {
        throw new MissingCovariateRowsException(NAME, n, horizon, x.rows());
      }
    }
  }
}
