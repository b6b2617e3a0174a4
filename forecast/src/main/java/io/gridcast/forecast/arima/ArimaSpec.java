package io.gridcast.forecast.arima;

import io.gridcast.forecast.model.ModelFitException;
import io.gridcast.forecast.model.ModelSpec;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An ARIMA model with given orders, R's {@code forecast::Arima(y, order, seasonal, include.mean,
 * include.drift, xreg)}: {@code y(t) = c(t) + x(t)} with {@code x} the {@link ArimaOrder ARIMA}
 * process and the regression part
 *
 * <pre>
 *   c(t) = mu + delta t + sum_j beta_j X_j(t)
 * </pre>
 *
 * where the mean {@code mu} is kept only when {@code d + D = 0}, the drift {@code delta} only when
 * {@code d + D <= 1} (R drops both silently otherwise), and the regressors {@code X} are optional
 * ({@link #fit(double[], int, int, double[][])}). Estimated by {@link ArimaMethod#CSS_ML} as R, see
 * {@link ArimaFitter}. On a series of period 1 the seasonal orders are ignored, as R does.
 *
 * <p>Parameters, in a stable order: the orders {@code p, d, q, P, D, Q}, the flags {@code
 * include_mean} and {@code include_drift} (1 or 0), then any fixed coefficients under R's names:
 * {@code ar1.., ma1.., sar1.., sma1.., intercept, drift, xreg1..}. Coefficients given are kept
 * fixed (R's {@code fixed}); the others are estimated. The fitted model's {@link ArimaModel#spec()}
 * carries every coefficient, so restoring it refits without optimisation. Immutable and
 * thread-safe.
 *
 * @param order the orders
 * @param includeMean estimate a mean when the model is not differenced
 * @param includeDrift estimate a linear trend when the model is differenced at most once
 * @param coefficients fixed coefficient values by R's name
 * @param method the estimation method
 */
public record ArimaSpec(
    ArimaOrder order,
    boolean includeMean,
    boolean includeDrift,
    Map<String, Double> coefficients,
    ArimaMethod method)
    implements ModelSpec {
  /** Registry name. */
  public static final String NAME = "arima";

  /** The parameter names of the orders, in order. */
  public static final List<String> ORDER_PARAMETERS = List.of("p", "d", "q", "P", "D", "Q");

  public ArimaSpec {
    Objects.requireNonNull(order, "order");
    Objects.requireNonNull(method, "method");
    for (Map.Entry<String, Double> e : coefficients.entrySet()) {
      if (e.getValue() == null || !Double.isFinite(e.getValue())) {
        throw new IllegalArgumentException(
            "coefficient " + e.getKey() + " must be finite: " + e.getValue());
      }
      if (!knownCoefficient(order, e.getKey())) {
        throw new IllegalArgumentException(
            "unknown coefficient '"
                + e.getKey()
                + "' for "
                + order.label(2)
                + "; known: "
                + coefficientNames(order, includeMean, includeDrift, 0));
      }
    }
    coefficients = Collections.unmodifiableMap(new LinkedHashMap<>(coefficients));
  }

  /** {@code order} with R's defaults: a mean when undifferenced, no drift, all estimated. */
  public static ArimaSpec of(ArimaOrder order) {
    return new ArimaSpec(order, true, false, Map.of(), ArimaMethod.CSS_ML);
  }

  /** This spec with the mean flag set. */
  public ArimaSpec withMean(boolean mean) {
    return new ArimaSpec(order, mean, includeDrift, coefficients, method);
  }

  /** This spec with the drift flag set. */
  public ArimaSpec withDrift(boolean drift) {
    return new ArimaSpec(order, includeMean, drift, coefficients, method);
  }

  /** This spec with coefficients fixed at the given values. */
  public ArimaSpec withCoefficients(Map<String, Double> fixed) {
    return new ArimaSpec(order, includeMean, includeDrift, fixed, method);
  }

  /** This spec estimated by another method. */
  public ArimaSpec withMethod(ArimaMethod m) {
    return new ArimaSpec(order, includeMean, includeDrift, coefficients, m);
  }

  /**
   * Builds the spec from a parameter map: orders (absent ones 0), flags (absent: mean 1, drift 0),
   * coefficients.
   *
   * @throws IllegalArgumentException for a non-integer order, a flag other than 0 or 1, or a
   *     coefficient the orders do not have
   */
  public static ArimaSpec fromParameters(Map<String, Double> parameters) {
    int[] o = new int[6];
    for (int i = 0; i < 6; i++) {
      Double v = parameters.get(ORDER_PARAMETERS.get(i));
      if (v != null && (v != Math.rint(v) || v < 0)) {
        throw new IllegalArgumentException(
            "order " + ORDER_PARAMETERS.get(i) + " must be a non-negative integer: " + v);
      }
      o[i] = v == null ? 0 : v.intValue();
    }
    Map<String, Double> coef = new LinkedHashMap<>();
    for (Map.Entry<String, Double> e : parameters.entrySet()) {
      String k = e.getKey();
      if (!ORDER_PARAMETERS.contains(k)
          && !k.equals("include_mean")
          && !k.equals("include_drift")) {
        coef.put(k, e.getValue());
      }
    }
    ArimaOrder order = new ArimaOrder(o[0], o[1], o[2], o[3], o[4], o[5]);
    return new ArimaSpec(
        order,
        flag(parameters, "include_mean", true),
        flag(parameters, "include_drift", false),
        orderedCoefficients(order, coef),
        ArimaMethod.CSS_ML);
  }

  private static boolean flag(Map<String, Double> p, String name, boolean absent) {
    Double v = p.get(name);
    if (v == null) {
      return absent;
    }
    if (v != 0 && v != 1) {
      throw new IllegalArgumentException(name + " must be 0 or 1: " + v);
    }
    return v == 1;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Map<String, Double> parameters() {
    Map<String, Double> out = new LinkedHashMap<>();
    out.put("p", (double) order.p());
    out.put("d", (double) order.d());
    out.put("q", (double) order.q());
    out.put("P", (double) order.seasonalP());
    out.put("D", (double) order.seasonalD());
    out.put("Q", (double) order.seasonalQ());
    out.put("include_mean", includeMean ? 1.0 : 0.0);
    out.put("include_drift", includeDrift ? 1.0 : 0.0);
    out.putAll(coefficients);
    return out;
  }

  @Override
  public ArimaModel fit(double[] y, int n, int period) {
    return fit(y, n, period, null);
  }

  @Override
  public ArimaModel fit(double[] y, int period) {
    return fit(y, y.length, period, null);
  }

  /**
   * Regression with ARIMA errors: fits {@code y[0..n)} with the regressors {@code xreg[t][j]}
   * ({@code t < n}; further rows are ignored), forecasts then need their future rows ({@link
   * ArimaModel#forecast(int, double[][])}).
   *
   * @throws ModelFitException when R's {@code Arima} would stop with an error (too few values, a
   *     non-stationary AR start, a singular Hessian, collinear regressors, ...)
   */
  public ArimaModel fit(double[] y, int n, int period, double[][] xreg) {
    return fit(y, n, period, xreg, false);
  }

  /**
   * As {@link #fit(double[], int, int, double[][])}; with {@code exactDiffuse} the likelihood is
   * maximised in its exact diffuse form ({@link ChandrasekharFilter}), as the automatic search
   * does.
   */
  ArimaModel fit(double[] y, int n, int period, double[][] xreg, boolean exactDiffuse) {
    if (period < 1) {
      throw new ModelFitException(NAME, "period must be >= 1, got " + period);
    }
    if (n < 1 || n > y.length) {
      throw new ModelFitException(NAME, "n must be in [1, " + y.length + "], got " + n);
    }
    for (int t = 0; t < n; t++) {
      if (!Double.isFinite(y[t])) {
        throw new ModelFitException(NAME, "value " + t + " is not finite: " + y[t]);
      }
    }
    int k = xreg == null ? 0 : xreg.length == 0 ? 0 : xreg[0].length;
    if (xreg != null && xreg.length < n) {
      throw new ModelFitException(NAME, "xreg has " + xreg.length + " rows for " + n + " values");
    }
    ArimaOrder effective = period > 1 ? order : order.nonSeasonal();
    int m = effective.seasonal() ? period : 1;
    if (n <= effective.d() + effective.seasonalD() * m) {
      throw new ModelFitException(NAME, "not enough data to fit " + effective.label(m));
    }
    boolean drift = includeDrift && effective.differences() <= 1;
    int cols = k + (drift ? 1 : 0);
    double[][] regressors = null;
    String[] names = new String[cols];
    if (cols > 0) {
      regressors = new double[n][cols];
      for (int t = 0; t < n; t++) {
        int c = 0;
        if (drift) {
          regressors[t][c++] = t + 1;
        }
        for (int j = 0; j < k; j++) {
          double v = xreg[t][j];
          if (!Double.isFinite(v)) {
            throw new ModelFitException(NAME, "xreg[" + t + "][" + j + "] is not finite: " + v);
          }
          regressors[t][c++] = v;
        }
      }
      int c = 0;
      if (drift) {
        names[c++] = "drift";
      }
      for (int j = 0; j < k; j++) {
        names[c++] = "xreg" + (j + 1);
      }
    }
    List<String> all = coefficientNames(effective, includeMean, drift, k);
    double[] fixed = null;
    if (!coefficients.isEmpty()) {
      fixed = new double[all.size()];
      for (int i = 0; i < fixed.length; i++) {
        Double v = coefficients.get(all.get(i));
        fixed[i] = v == null ? Double.NaN : v;
      }
      for (String key : coefficients.keySet()) {
        if (!all.contains(key)) {
          throw new ModelFitException(
              NAME, "coefficient '" + key + "' is not part of this model; it has " + all);
        }
      }
    }
    ArimaEstimate e =
        ArimaFitter.fit(
            NAME, y, n, effective, m, includeMean, regressors, names, fixed, method, exactDiffuse);
    return new ArimaModel(this, e, y, n, drift, k);
  }

  /** The coefficient names of a model, in R's order. */
  static List<String> coefficientNames(
      ArimaOrder order, boolean mean, boolean drift, int regressors) {
    List<String> names = new ArrayList<>();
    for (String s : new ArmaLayout(order, order.seasonal() ? 2 : 1, 0).armaNames()) {
      names.add(s);
    }
    if (mean && order.differences() == 0) {
      names.add("intercept");
    }
    if (drift && order.differences() <= 1) {
      names.add("drift");
    }
    for (int j = 1; j <= regressors; j++) {
      names.add("xreg" + j);
    }
    return names;
  }

  private static boolean knownCoefficient(ArimaOrder order, String name) {
    if (name.equals("intercept") || name.equals("drift") || name.matches("xreg[1-9][0-9]*")) {
      return true;
    }
    return coefficientNames(order, false, false, 0).contains(name);
  }

  private static Map<String, Double> orderedCoefficients(
      ArimaOrder order, Map<String, Double> given) {
    Map<String, Double> out = new LinkedHashMap<>();
    List<String> names = new ArrayList<>(coefficientNames(order, true, true, 0));
    for (String n : names) {
      if (given.containsKey(n)) {
        out.put(n, given.get(n));
      }
    }
    given.forEach(out::putIfAbsent);
    return out;
  }
}
