package io.gridcast.forecast.arima;

import io.gridcast.forecast.covariate.CovariateFit;
import io.gridcast.forecast.covariate.CovariateModelSpec;
import io.gridcast.forecast.covariate.Covariates;
import io.gridcast.forecast.covariate.MissingCovariateRowsException;
import io.gridcast.forecast.covariate.QuadraticTerms;
import io.gridcast.forecast.model.ModelSpec;
import io.gridcast.forecast.model.PredictionInterval;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Regression with ARIMA errors on the covariates, R's {@code auto.arima(y, xreg = X)} (or {@code
 * Arima(y, order, xreg = X)} with fixed orders):
 *
 * <pre>
 *   y(t) = c(t) + sum_j beta_j x_j(t) + u(t),   u ~ ARIMA(p,d,q)(P,D,Q)_m
 * </pre>
 *
 * with the orders and the constant {@code c} (mean or drift) chosen by the stepwise search of
 * {@link AutoArimaSpec#fit(double[], int, int, double[][])} when {@code orders} is empty. A
 * covariate that cannot be estimated on the history ({@link Covariates#estimableColumns}: constant
 * there, as a holiday outside a backtest fold's history, or collinear with an intercept and the
 * columns before it) is left out of the fit and reported with coefficient 0. Parameters: none for
 * the search; the orders and flags of {@link ArimaSpec} for fixed orders (as the fitted model
 * reports them). Immutable and thread-safe.
 *
 * @param orders fixed orders, mean and drift flags (coefficients estimated), or empty to search
 * @param squares add the centred square {@code <name>^2} of each continuous covariate ({@link
 *     QuadraticTerms}); without them the model is R's {@code Arima(y, xreg = X)}
 */
public record ArimaXSpec(Optional<ArimaSpec> orders, boolean squares)
    implements CovariateModelSpec {
  /** Registry name. */
  public static final String NAME = "arima_x";

  /** The automatic search. */
  public static ArimaXSpec auto() {
    return new ArimaXSpec(Optional.empty(), true);
  }

  /** Fixed orders, mean and drift flags of {@code orders}, without squares: R's {@code Arima}. */
  public static ArimaXSpec of(ArimaSpec orders) {
    return new ArimaXSpec(Optional.of(orders), false);
  }

  /**
   * From a parameter map: empty for the search; orders ({@code p, d, q, P, D, Q}) and flags as
   * {@link ArimaSpec#fromParameters} for fixed orders.
   *
   * @throws IllegalArgumentException for a bad order or flag
   */
  public static ArimaXSpec fromParameters(Map<String, Double> given) {
    boolean squares = QuadraticTerms.flag(given, "squares");
    Map<String, Double> p = new LinkedHashMap<>(given);
    p.remove("squares");
    if (p.isEmpty()) {
      return new ArimaXSpec(Optional.empty(), squares);
    }
    ArimaSpec a = ArimaSpec.fromParameters(p);
    if (!a.coefficients().isEmpty()) {
      throw new IllegalArgumentException(
          "arima_x takes orders and flags only, got coefficients " + a.coefficients().keySet());
    }
    return new ArimaXSpec(Optional.of(a), squares);
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Map<String, Double> parameters() {
    Map<String, Double> out =
        new LinkedHashMap<>(orders.map(ArimaSpec::parameters).orElse(Map.of()));
    out.put("squares", squares ? 1.0 : 0.0);
    return out;
  }

  /** The orders chosen on the last fit ({@code fitted}), so a refit keeps them. */
  @Override
  public ArimaXSpec refitSpec(ModelSpec fitted) {
    return fitted instanceof ArimaXSpec a ? a : this;
  }

  @Override
  public CovariateFit fit(double[] y, int n, int period, Covariates given) {
    CovariateModelSpec.requireRows(NAME, n, given);
    Covariates x = squares ? QuadraticTerms.expand(given, n) : given;
    double[][] c = x.columns();
    List<Integer> kept = new ArrayList<>();
    for (int j : x.estimableColumns(n)) {
      kept.add(j);
    }
    double[][] xreg = kept.isEmpty() ? null : rows(c, kept, 0, n);
    ArimaModel m =
        orders.isPresent()
            ? orders.get().fit(y, n, period, xreg)
            : AutoArimaSpec.defaults().fit(y, n, period, xreg);
    return new Fit(this, m, x, kept, n, Arrays.copyOf(y, n));
  }

  private static double[][] rows(double[][] c, List<Integer> kept, int from, int to) {
    double[][] out = new double[to - from][kept.size()];
    for (int t = from; t < to; t++) {
      for (int j = 0; j < kept.size(); j++) {
        out[t - from][j] = c[kept.get(j)][t];
      }
    }
    return out;
  }

  /** The fitted regression with ARIMA errors and the covariate rows after its history. */
  static final class Fit implements CovariateFit {
    private final ArimaXSpec asked;
    private final ArimaModel model;
    private final Covariates x;
    private final List<Integer> kept;
    private final int n;
    private final double[] y;

    Fit(ArimaXSpec asked, ArimaModel model, Covariates x, List<Integer> kept, int n, double[] y) {
      this.asked = asked;
      this.model = model;
      this.x = x;
      this.kept = List.copyOf(kept);
      this.n = n;
      this.y = y;
    }

    /** The orders and flags chosen (coefficients are estimated again on a refit). */
    @Override
    public ArimaXSpec spec() {
      ArimaSpec s = model.spec();
      return new ArimaXSpec(
          Optional.of(
              new ArimaSpec(s.order(), s.includeMean(), s.includeDrift(), Map.of(), s.method())),
          asked.squares());
    }

    /** The ARIMA model of the errors with its regression part. */
    public ArimaModel model() {
      return model;
    }

    @Override
    public List<String> covariateNames() {
      return x.names();
    }

    @Override
    public Map<String, Double> covariateCoefficients() {
      Map<String, Double> coef = model.coefficients();
      Map<String, Double> out = new LinkedHashMap<>();
      for (int j = 0; j < x.count(); j++) {
        int i = kept.indexOf(j);
        Double b = i < 0 ? null : coef.get("xreg" + (i + 1));
        out.put(x.names().get(j), b == null ? 0.0 : b);
      }
      return out;
    }

    @Override
    public int coveredHorizon() {
      return x.rows() - n;
    }

    @Override
    public double[] forecast(int horizon) {
      return model.forecast(horizon, future(horizon));
    }

    @Override
    public Optional<PredictionInterval> interval(int horizon, double level) {
      return Optional.of(model.interval(horizon, level, future(horizon)));
    }

    @Override
    public Optional<double[]> fittedValues() {
      double[] r = model.residuals();
      if (r.length != n) {
        return Optional.empty();
      }
      double[] f = new double[n];
      for (int t = 0; t < n; t++) {
        f[t] = y[t] - r[t];
      }
      return Optional.of(f);
    }

    @Override
    public int estimatedParameterCount() {
      return model.estimatedParameterCount();
    }

    @Override
    public OptionalDouble aicc() {
      return model.aicc();
    }

    private double[][] future(int horizon) {
      if (n + horizon > x.rows()) {
        throw new MissingCovariateRowsException(asked.name(), n, horizon, x.rows());
      }
      return model.regressorCount() == 0 ? null : rows(x.columns(), kept, n, n + horizon);
    }
  }
}
