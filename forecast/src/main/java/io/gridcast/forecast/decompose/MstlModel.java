package io.gridcast.forecast.decompose;

import io.gridcast.forecast.model.FittedModel;
import io.gridcast.forecast.model.ModelFitException;
import io.gridcast.forecast.model.ModelSpec;
import io.gridcast.forecast.model.PredictionInterval;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * A non-seasonal model on the MSTL seasonally adjusted series, with each seasonal component carried
 * forward by its own seasonal naive forecast, as R's {@code forecast(mstl(y), method = ...)} does:
 *
 * <pre>
 *   y = T + S_1 + ... + S_k + R          (MSTL)
 *   f(n + h) = g(n + h) + sum_i S_i(n - c_i + 1 + (h - 1) mod c_i),   c_i = floor(p_i)
 * </pre>
 *
 * where {@code g} forecasts the adjusted series {@code T + R} (fitted with period 1) and each
 * component repeats its last {@code c_i} values. Interval bounds are the inner model's, shifted by
 * the same seasonal terms (the decomposition's uncertainty is not added, as in R). With a Box-Cox
 * {@code lambda} ({@code 0} = log; R's {@code mstl(y, lambda)} with {@code forecast(..., lambda)})
 * all of this happens on the transformed series and forecasts and bounds are transformed back, so
 * seasonal swings that grow with the level become additive; {@code lambda <= 0} needs positive
 * values.
 *
 * <p>The periods are this spec's own when given ({@code period1}, {@code period2}, ... among the
 * parameters, so a stored result refits with the periods it was chosen with); an empty list means
 * the single {@code period} passed to {@link #fit}. Periods that do not fit more than twice in the
 * {@code n} values fitted are left out; with none left the inner model sees the raw series.
 * Immutable and thread-safe.
 *
 * @param name the registry name, e.g. {@code mstl_ets}
 * @param inner the model for the seasonally adjusted series
 * @param periods the seasonal periods ({@code >= 2}, fractional allowed), or empty
 * @param lambda the Box-Cox parameter in [0, 1], or null for none
 */
public record MstlModel(String name, ModelSpec inner, double[] periods, Double lambda)
    implements ModelSpec {
  /** Parameter-name prefix of the periods: {@code period1}, {@code period2}, ... */
  public static final String PERIOD_PARAMETER = "period";

  /** Parameter name of the Box-Cox transform. */
  public static final String LAMBDA_PARAMETER = "lambda";

  public MstlModel {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(inner, "inner");
    periods = periods.clone();
    for (double p : periods) {
      if (!(p >= 2) || Double.isInfinite(p)) {
        throw new IllegalArgumentException(
            name + ": seasonal periods must be finite and >= 2, got " + Arrays.toString(periods));
      }
    }
    if (lambda != null && !(lambda >= 0 && lambda <= 1)) {
      throw new IllegalArgumentException(name + ": lambda must be in [0, 1], got " + lambda);
    }
  }

  /** The spec for the series' own periods: those of {@link #fit}'s {@code period} argument. */
  public static MstlModel of(String name, ModelSpec inner) {
    return new MstlModel(name, inner, new double[0], null);
  }

  /**
   * From a parameter map: {@code period1, period2, ...} (consecutive from 1) are the periods,
   * {@code lambda} the Box-Cox parameter, the rest go to the inner model's factory.
   */
  public static MstlModel fromParameters(
      String name,
      Map<String, Double> parameters,
      Function<Map<String, Double>, ModelSpec> innerFactory) {
    Map<String, Double> rest = new LinkedHashMap<>(parameters);
    double[] periods = new double[0];
    for (int i = 1; rest.containsKey(PERIOD_PARAMETER + i); i++) {
      periods = Arrays.copyOf(periods, i);
      periods[i - 1] = rest.remove(PERIOD_PARAMETER + i);
    }
    Double lambda = rest.remove(LAMBDA_PARAMETER);
    return new MstlModel(name, innerFactory.apply(rest), periods, lambda);
  }

  /** This model with other periods (any order; ascending in the spec). */
  public MstlModel withPeriods(double... periods) {
    double[] sorted = periods.clone();
    Arrays.sort(sorted);
    return new MstlModel(name, inner, sorted, lambda);
  }

  /** This model on the Box-Cox transformed series ({@code 0} = log). */
  public MstlModel withLambda(double lambda) {
    return new MstlModel(name, inner, periods, lambda);
  }

  /** Whether this spec names its periods (otherwise the fit's single period is used). */
  public boolean hasPeriods() {
    return periods.length > 0;
  }

  @Override
  public double[] periods() {
    return periods.clone();
  }

  @Override
  public Map<String, Double> parameters() {
    Map<String, Double> out = new LinkedHashMap<>();
    for (int i = 0; i < periods.length; i++) {
      out.put(PERIOD_PARAMETER + (i + 1), periods[i]);
    }
    if (lambda != null) {
      out.put(LAMBDA_PARAMETER, lambda);
    }
    out.putAll(inner.parameters());
    return out;
  }

  @Override
  public FittedModel fit(double[] y, int n, int period) {
    if (n < 1 || n > y.length) {
      throw new ModelFitException(
          name, "needs 1 <= n <= y.length, got n=" + n + ", length " + y.length);
    }
    double[] x = y;
    if (lambda != null) {
      for (int t = 0; t < n; t++) {
        if (lambda <= 0 && !(y[t] > 0)) {
          throw new ModelFitException(
              name, "lambda " + lambda + " needs positive values, got " + y[t] + " at " + t);
        }
      }
      x = BoxCox.transform(y, n, lambda);
    }
    double[] wanted = hasPeriods() ? periods : (period > 1 ? new double[] {period} : new double[0]);
    double[] used = Mstl.usablePeriods(wanted, n);
    if (used.length == 0) {
      return new Fitted(this, inner.fit(x, n, 1), List.of(), new int[0], new double[n]);
    }
    MstlDecomposition d;
    try {
      d = Mstl.of(used).decompose(x, n);
    } catch (IllegalArgumentException e) {
      throw new ModelFitException(name, e.getMessage());
    }
    List<double[]> lastCycles = new ArrayList<>(used.length);
    int[] cycles = new int[used.length];
    double[] seasonal = new double[n];
    for (int i = 0; i < used.length; i++) {
      cycles[i] = (int) Math.floor(used[i]);
      double[] s = d.seasonal(i);
      lastCycles.add(Arrays.copyOfRange(s, n - cycles[i], n));
      for (int t = 0; t < n; t++) {
        seasonal[t] += s[t];
      }
    }
    return new Fitted(this, inner.fit(d.adjusted(), n, 1), lastCycles, cycles, seasonal);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof MstlModel m
        && name.equals(m.name)
        && inner.equals(m.inner)
        && Arrays.equals(periods, m.periods)
        && Objects.equals(lambda, m.lambda);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, inner, Arrays.hashCode(periods), lambda);
  }

  @Override
  public String toString() {
    return name
        + Arrays.toString(periods)
        + (lambda == null ? "" : " lambda=" + lambda)
        + "("
        + inner
        + ")";
  }

  /**
   * The inner model's fit plus each component's last cycle and the components' sum over the values
   * fitted.
   */
  private record Fitted(
      MstlModel model,
      FittedModel inner,
      List<double[]> lastCycles,
      int[] cycles,
      double[] seasonal)
      implements FittedModel {
    @Override
    public ModelSpec spec() {
      return new MstlModel(model.name(), inner.spec(), model.periods, model.lambda);
    }

    @Override
    public double[] forecast(int horizon) {
      return reseasonalise(inner.forecast(horizon));
    }

    @Override
    public Optional<PredictionInterval> interval(int horizon, double level) {
      return inner
          .interval(horizon, level)
          .map(pi ->
              new PredictionInterval(level, reseasonalise(pi.lower()), reseasonalise(pi.upper())));
    }

    @Override
    public int estimatedParameterCount() {
      return inner.estimatedParameterCount();
    }

    /**
     * R's {@code fitted(stlm(...))}: the inner model's one-step forecasts of the adjusted series
     * plus the seasonal components at the same time, {@code yhat(t) = g(t | t-1) + sum_i S_i(t)},
     * Box-Cox undone; NaN where the inner model has none.
     */
    @Override
    public Optional<double[]> fittedValues() {
      return inner
          .fittedValues()
          .map(f -> {
            for (int t = 0; t < f.length; t++) {
              f[t] += seasonal[t];
            }
            return model.lambda == null ? f : BoxCox.inverse(f, model.lambda);
          });
    }

    /**
     * Adds the sum of the components' seasonal naive forecasts (summed first, as R does) and undoes
     * the Box-Cox transform.
     */
    private double[] reseasonalise(double[] f) {
      for (int h = 0; h < f.length && cycles.length > 0; h++) {
        double s = 0;
        for (int i = 0; i < cycles.length; i++) {
          s += lastCycles.get(i)[h % cycles[i]];
        }
        f[h] += s;
      }
      return model.lambda == null ? f : BoxCox.inverse(f, model.lambda);
    }
  }
}
