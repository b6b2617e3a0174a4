package io.gridcast.forecast.smoothing;

import io.gridcast.forecast.model.FittedModel;
import io.gridcast.forecast.model.ModelSpec;
import io.gridcast.forecast.smoothing.SmoothingEngine.Season;
import java.util.Map;

/**
 * Holt's linear trend, ETS(A,A,N) in Holt's form: {@code l(t) = a y(t) + (1 - a)(l + b)}, {@code
 * b(t) = beta (l(t) - l(t-1)) + (1 - beta) b(t-1)}, forecast {@code l(T) + h b(T)}. Interval {@code
 * var(h) = sigma² (1 + sum_{j<h} (a + a beta j)²)}.
 *
 * <p>Null parameters are estimated; {@link Initialization#SIMPLE} is R's {@code holt(initial =
 * "simple")} ({@code l0 = y1}, {@code b0 = y2 - y1}); the default is {@link
 * Initialization#OPTIMAL}.
 *
 * @param alpha level smoothing in (0, 1], or null
 * @param beta trend smoothing in [0, 1], or null
 * @param initialization how {@code l0, b0} are chosen
 */
public record Holt(Double alpha, Double beta, Initialization initialization) implements ModelSpec {
  public static final String NAME = "holt";

  private static final SmoothingFitter.Shape SHAPE =
      new SmoothingFitter.Shape(NAME, true, false, Season.NONE);

  public Holt {
    SmoothingFitter.checkUnit("alpha", alpha, false);
    SmoothingFitter.checkUnit("beta", beta, true);
    if (initialization == null) {
      initialization = Initialization.OPTIMAL;
    }
  }

  /** With optimal initial states. */
  public Holt(Double alpha, Double beta) {
    this(alpha, beta, Initialization.OPTIMAL);
  }

  /** From a parameter map: absent parameters are estimated. */
  public static Holt fromParameters(Map<String, Double> parameters) {
    return new Holt(parameters.get("alpha"), parameters.get("beta"));
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Map<String, Double> parameters() {
    return SmoothingFitter.parameters(new String[] {"alpha", "beta"}, alpha, beta);
  }

  @Override
  public FittedModel fit(double[] y, int n, int period) {
    return SmoothingFitter.fit(
        SHAPE,
        y,
        n,
        period,
        alpha,
        beta,
        null,
        null,
        initialization,
        (a, b, g, p) -> new Holt(a, b, initialization));
  }
}
