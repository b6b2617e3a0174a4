package io.gridcast.forecast.theta;

import io.gridcast.forecast.adjust.SeasonalAdjustment;
import io.gridcast.forecast.model.FittedModel;
import io.gridcast.forecast.model.ModelFitException;
import io.gridcast.forecast.model.ModelSpec;
import io.gridcast.forecast.model.NormalQuantile;
import io.gridcast.forecast.model.PredictionInterval;
import io.gridcast.forecast.smoothing.Initialization;
import io.gridcast.forecast.smoothing.Ses;
import java.util.Map;

/**
 * The standard Theta method (Assimakopoulos and Nikolopoulos 2000) in the form of R's {@code
 * forecast::thetaf()}: simple exponential smoothing with drift equal to half the slope of the
 * least-squares line (Hyndman and Billah 2003).
 *
 * <ol>
 *   <li>Seasonal test and multiplicative adjustment ({@code SeasonalAdjustment}).
 *   <li>SES on the adjusted series {@code x} with {@code alpha} and the initial level chosen by
 *       least in-sample squared error (R's {@code ses()}, i.e. ETS(A,N,N) by maximum likelihood);
 *       {@code alpha} in {@code [1e-4, 0.9999]}.
 *   <li>{@code d = b / 2}, {@code b} the slope of {@code x} on {@code t = 0..n-1}.
 *   <li>{@code f(h) = l(n) + d ((h - 1) + (1 - (1 - a)^n) / a)}, reseasonalised.
 * </ol>
 *
 * @param alpha SES smoothing constant in (0, 1], or null to estimate (as R)
 */
public record Theta(Double alpha) implements ModelSpec {
  public static final String NAME = "theta";

  public Theta {
    if (alpha != null && !(alpha > 0 && alpha <= 1)) {
      throw new IllegalArgumentException("alpha must be in (0, 1]: " + alpha);
    }
  }

  /** R's default: alpha estimated. */
  public Theta() {
    this(null);
  }

  /** From a parameter map: {@code alpha} absent means estimated. */
  public static Theta fromParameters(Map<String, Double> parameters) {
    return new Theta(parameters.get("alpha"));
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Map<String, Double> parameters() {
    return alpha == null ? Map.of() : Map.of("alpha", alpha);
  }

  @Override
  public FittedModel fit(double[] y, int n, int period) {
    check(NAME, y, n);
    double[] idx = SeasonalAdjustment.indices(y, n, period);
    double[] x = SeasonalAdjustment.adjust(y, n, idx);
    FittedModel ses = new Ses(alpha, Initialization.OPTIMAL).fit(x, n, 1);
    double a = ses.spec().parameters().get("alpha");
    double level = ses.forecast(1)[0];
    double drift = SeasonalAdjustment.line(x, n)[1] / 2;
    double sigma = sesSigma(ses);
    int k = (alpha == null ? 1 : 0) + 2;
    double[] levels = ses.fittedValues().orElseThrow();
    return new ThetaFit(
        new Theta(a),
        level,
        drift,
        a,
        n,
        idx,
        sigma * sigma,
        k,
        ThetaFit.oneStep(levels, drift, a, idx));
  }

  /** The one-step standard deviation of a fitted SES: its interval half-width at step 1 over z. */
  static double sesSigma(FittedModel ses) {
    double level = 0.95;
    PredictionInterval pi = ses.interval(1, level).orElseThrow();
    return (pi.upper()[0] - pi.lower()[0]) / (2 * NormalQuantile.twoSided(level));
  }

  static void check(String name, double[] y, int n) {
    if (n < 1 || n > y.length) {
      throw new ModelFitException(
          name, "needs 1 <= n <= y.length, got n=" + n + ", length " + y.length);
    }
    for (int t = 0; t < n; t++) {
      if (!Double.isFinite(y[t])) {
        throw new ModelFitException(name, "value at index " + t + " is not finite: " + y[t]);
      }
    }
  }
}
