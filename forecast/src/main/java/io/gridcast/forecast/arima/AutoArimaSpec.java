package io.gridcast.forecast.arima;

import io.gridcast.forecast.model.ModelFitException;
import io.gridcast.forecast.model.ModelSpec;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Automatic ARIMA as R's {@code forecast::auto.arima(y)} with its defaults (Hyndman and Khandakar
 * 2008):
 *
 * <ol>
 *   <li>seasonal differences {@code D}: 1 when the STL seasonal strength exceeds 0.64 ({@link
 *       SeasonalDifferencing}, R's {@code nsdiffs(test = "seas")}), only for {@code n > 2m};
 *   <li>differences {@code d} of the seasonally differenced series: KPSS tests at 5% ({@link
 *       Kpss#ndiffs}), at most {@code maxD};
 *   <li>orders by the {@link StepwiseSearch stepwise search} on AICc, {@code p, q <= 5}, {@code P,
 *       Q <= 2} (and {@code p, q <= m - 1} with seasonal terms, all {@code <= n/3}), a constant
 *       (mean when {@code d + D = 0}, drift when {@code d + D = 1}) tried both ways;
 *   <li>on long or high-frequency series ({@code n > 150} or {@code m > 12}) the search scores by
 *       the CSS approximation and the best candidates are refitted exactly.
 * </ol>
 *
 * <p>Candidates are ranked by the exact diffuse likelihood ({@link ChandrasekharFilter}), which R's
 * {@code kappa = 1e6} prior approximates (the criteria agree to about 1e-4); the chosen orders are
 * then estimated exactly as {@link ArimaSpec} (R's {@code Arima}) estimates them.
 *
 * <p>The fitted model's {@link ArimaModel#spec()} is the {@link ArimaSpec} chosen ({@code arima}
 * with its orders, flags and coefficients), so a stored result refits with its orders kept.
 * Parameters (all optional): {@code max_p, max_q, max_P, max_Q, max_d, max_D}, {@code
 * approximation} (1 or 0; R's rule when absent). Immutable and thread-safe.
 *
 * @param maxP largest non-seasonal AR order
 * @param maxQ largest non-seasonal MA order
 * @param maxSeasonalP largest seasonal AR order
 * @param maxSeasonalQ largest seasonal MA order
 * @param maxD largest number of differences
 * @param maxSeasonalD largest number of seasonal differences (0 or 1)
 * @param approximation null for R's rule, else whether to use the CSS approximation
 */
public record AutoArimaSpec(
    int maxP,
    int maxQ,
    int maxSeasonalP,
    int maxSeasonalQ,
    int maxD,
    int maxSeasonalD,
    Boolean approximation)
    implements ModelSpec {
  /** Registry name. */
  public static final String NAME = "auto_arima";

  /** Series longer than this are searched with the CSS approximation (R's rule). */
  public static final int APPROXIMATION_LENGTH = 150;

  /** Periods above this are searched with the CSS approximation (R's rule). */
  public static final int APPROXIMATION_PERIOD = 12;

  private static final AutoArimaSpec DEFAULT = new AutoArimaSpec(5, 5, 2, 2, 2, 1, null);

  public AutoArimaSpec {
    check("max_p", maxP, 0, ArimaOrder.MAX_ORDER);
    check("max_q", maxQ, 0, ArimaOrder.MAX_ORDER);
    check("max_P", maxSeasonalP, 0, ArimaOrder.MAX_ORDER);
    check("max_Q", maxSeasonalQ, 0, ArimaOrder.MAX_ORDER);
    check("max_d", maxD, 0, 2);
    check("max_D", maxSeasonalD, 0, 1);
  }

  /** R's defaults. */
  public static AutoArimaSpec defaults() {
    return DEFAULT;
  }

  /**
   * From a parameter map; absent parameters take R's defaults.
   *
   * @throws IllegalArgumentException for a non-integer or out-of-range value
   */
  public static AutoArimaSpec fromParameters(Map<String, Double> p) {
    Boolean approx = null;
    if (p.containsKey("approximation")) {
      double v = p.get("approximation");
      if (v != 0 && v != 1) {
        throw new IllegalArgumentException("approximation must be 0 or 1: " + v);
      }
      approx = v == 1;
    }
    return new AutoArimaSpec(
        integer(p, "max_p", DEFAULT.maxP),
        integer(p, "max_q", DEFAULT.maxQ),
        integer(p, "max_P", DEFAULT.maxSeasonalP),
        integer(p, "max_Q", DEFAULT.maxSeasonalQ),
        integer(p, "max_d", DEFAULT.maxD),
        integer(p, "max_D", DEFAULT.maxSeasonalD),
        approx);
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Map<String, Double> parameters() {
    Map<String, Double> out = new LinkedHashMap<>();
    put(out, "max_p", maxP, DEFAULT.maxP);
    put(out, "max_q", maxQ, DEFAULT.maxQ);
    put(out, "max_P", maxSeasonalP, DEFAULT.maxSeasonalP);
    put(out, "max_Q", maxSeasonalQ, DEFAULT.maxSeasonalQ);
    put(out, "max_d", maxD, DEFAULT.maxD);
    put(out, "max_D", maxSeasonalD, DEFAULT.maxSeasonalD);
    if (approximation != null) {
      out.put("approximation", approximation ? 1.0 : 0.0);
    }
    return out;
  }

  /**
   * The orders, mean and drift the search chose ({@code fitted} is the {@link ArimaModel#spec()} of
   * its last fit), without coefficients: a refit on other data estimates them again and keeps the
   * orders.
   */
  @Override
  public ModelSpec refitSpec(ModelSpec fitted) {
    return fitted instanceof ArimaSpec a
        ? new ArimaSpec(a.order(), a.includeMean(), a.includeDrift(), Map.of(), a.method())
        : this;
  }

  @Override
  public ArimaModel fit(double[] y, int period) {
    return fit(y, y.length, period);
  }

  @Override
  public ArimaModel fit(double[] y, int n, int period) {
    return fit(y, n, period, null);
  }

  /**
   * The search with regressors, R's {@code auto.arima(y, xreg = X)}: the differences are chosen on
   * the residuals of the least-squares regression of {@code y} on the non-constant columns of
   * {@code X} (one fewer when a differenced column becomes constant), the orders by the stepwise
   * search of regressions with ARIMA errors; the model returned has all columns of {@code X}.
   *
   * @param xreg {@code xreg[t][j]}, at least {@code n} rows (later rows are ignored); null for none
   * @throws ModelFitException when {@code X} with an intercept is rank deficient, or as without
   *     regressors
   */
  public ArimaModel fit(double[] y, int n, int period, double[][] xreg) {
    if (period < 1) {
      throw new ModelFitException(NAME, "period must be >= 1, got " + period);
    }
    if (n < 1 || n > y.length) {
      throw new ModelFitException(NAME, "n must be in [1, " + y.length + "], got " + n);
    }
    double[] x = Arrays.copyOf(y, n);
    for (int t = 0; t < n; t++) {
      if (!Double.isFinite(x[t])) {
        throw new ModelFitException(NAME, "value " + t + " is not finite: " + x[t]);
      }
    }
    if (Constancy.isConstant(x)) {
      double mean = 0;
      for (double v : x) {
        mean += v;
      }
      return ArimaSpec.of(ArimaOrder.of(0, 0, 0))
          .withCoefficients(Map.of("intercept", mean / n))
          .fit(x, n, period);
    }
    int m = Math.max(1, period);
    int mp = Math.min(maxP, n / 3);
    int mq = Math.min(maxQ, n / 3);
    int msp = Math.min(maxSeasonalP, n / 3 / m);
    int msq = Math.min(maxSeasonalQ, n / 3 / m);
    CandidateFit.Criterion ic = n <= 3 ? CandidateFit.Criterion.AIC : CandidateFit.Criterion.AICC;
    int sd;
    if (m == 1) {
      sd = 0;
      msp = 0;
      msq = 0;
    } else {
      sd = 0; // chosen below, on the series net of its regressors, when n > 2m
    }
    double[][] xr =
        xreg == null || xreg.length == 0 || xreg[0].length == 0 ? null : Regressors.rows(xreg, n);
    double[][] varying = xr == null ? null : Regressors.varyingColumns(xr);
    double[] xx = varying == null ? x : Regressors.residuals(x, varying);
    if (m > 1 && n > 2 * m) {
      sd = Math.min(maxSeasonalD, SeasonalDifferencing.nsdiffs(xx, m));
      if (sd > 0
          && varying != null
          && Regressors.anyConstant(Regressors.differenceColumns(varying, m))) {
        sd--;
      }
    }
    double[] dx = sd > 0 ? Constancy.difference(xx, m) : xx;
    int d = Kpss.ndiffs(dx, 0.05, maxD);
    if (d > 0 && varying != null) {
      double[][] dreg = sd > 0 ? Regressors.differenceColumns(varying, m) : varying;
      for (int i = 0; i < d; i++) {
        dreg = Regressors.differenceColumns(dreg, 1);
      }
      if (Regressors.anyConstant(dreg)) {
        d--;
      }
    }
    for (int i = 0; i < d; i++) {
      dx = Constancy.difference(dx, 1);
    }
    if (dx.length == 0) {
      throw new ModelFitException(NAME, "not enough data to proceed");
    }
    if (Constancy.isConstant(dx)) {
      if (xr != null) {
        return ArimaSpec.of(ArimaOrder.of(0, d, 0, 0, sd, 0)).fit(x, n, sd > 0 ? m : 1, xr);
      }
      return constantDifferences(x, n, m, d, sd, dx);
    }
    if (m > 1) {
      if (msp > 0) {
        mp = Math.min(mp, m - 1);
      }
      if (msq > 0) {
        mq = Math.min(mq, m - 1);
      }
    }
    boolean approximate =
        approximation != null
            ? approximation
            : n > APPROXIMATION_LENGTH || period > APPROXIMATION_PERIOD;
    double offset = approximate ? offset(x, n, m, d, sd, xr) : 0;
    boolean constant = d + sd <= 1;
    int startP = 2;
    int startQ = 2;
    int startSP = 1;
    int startSQ = 1;
    if (n < 10) {
      startP = 1;
      startQ = 1;
      startSP = 0;
      startSQ = 0;
    }
    StepwiseSearch search = new StepwiseSearch(x, n, m, d, sd, ic, approximate, offset, xr);
    CandidateFit best = search.run(startP, startQ, startSP, startSQ, mp, mq, msp, msq, constant);
    if (approximate) {
      // long or high-frequency series: the exact diffuse estimate of the search is kept, as a
      // re-estimation through R's diffuse prior costs O(n r^2) per evaluation there
      return best.model();
    }
    // The search ranks by the exact diffuse likelihood; the model returned is estimated as R's
    // Arima() estimates these orders, so it equals an arima refit of the same orders.
    try {
      return ArimaSpec.of(best.order())
          .withMean(best.constant())
          .withDrift(best.constant() && best.order().differences() == 1)
          .fit(x, n, m, xr);
    } catch (ModelFitException e) {
      return best.model();
    }
  }

  /** R's offset: {@code -2 logLik - n log sigma2} of the differences-only model, 0 if it fails. */
  private static double offset(double[] x, int n, int m, int d, int sd, double[][] xreg) {
    try {
      ArimaModel f = ArimaSpec.of(ArimaOrder.of(0, d, 0, 0, sd, 0)).fit(x, n, sd > 0 ? m : 1, xreg);
      return -2 * f.logLikelihood() - n * Math.log(f.estimationSigma2());
    } catch (ModelFitException e) {
      return 0;
    }
  }

  /** R's special cases when the differenced series is constant (a polynomial trend). */
  private static ArimaModel constantDifferences(
      double[] x, int n, int m, int d, int sd, double[] dx) {
    double mean = 0;
    for (double v : dx) {
      mean += v;
    }
    mean /= dx.length;
    if (sd > 0 && d == 0) {
      return ArimaSpec.of(ArimaOrder.of(0, 0, 0, 0, sd, 0))
          .withDrift(true)
          .withCoefficients(Map.of("drift", mean / m))
          .fit(x, n, m);
    }
    if (sd > 0) {
      return ArimaSpec.of(ArimaOrder.of(0, d, 0, 0, sd, 0)).fit(x, n, m);
    }
    if (d == 2) {
      return ArimaSpec.of(ArimaOrder.of(0, 2, 0)).fit(x, n, 1);
    }
    String name = d == 0 ? "intercept" : "drift";
    return ArimaSpec.of(ArimaOrder.of(0, d, 0))
        .withDrift(d == 1)
        .withCoefficients(Map.of(name, mean))
        .fit(x, n, 1);
  }

  private static int integer(Map<String, Double> p, String name, int absent) {
    Double v = p.get(name);
    if (v == null) {
      return absent;
    }
    if (v != Math.rint(v)) {
      throw new IllegalArgumentException(name + " must be an integer: " + v);
    }
    return v.intValue();
  }

  private static void put(Map<String, Double> out, String name, int value, int dflt) {
    if (value != dflt) {
      out.put(name, (double) value);
    }
  }

  private static void check(String name, int v, int min, int max) {
    if (v < min || v > max) {
      throw new IllegalArgumentException(name + " must be in [" + min + ", " + max + "]: " + v);
    }
  }
}
