package io.gridcast.forecast.smoothing;

import io.gridcast.forecast.model.FittedModel;
import io.gridcast.forecast.model.ModelSpec;
import io.gridcast.forecast.smoothing.SmoothingEngine.Season;
import java.util.Map;

/**
 * Simple exponential smoothing, ETS(A,N,N): {@code l(t) = a y(t) + (1 - a) l(t-1)}, forecast {@code
 * f(T+h) = l(T)}; interval {@code se(h) = sigma sqrt(1 + (h-1) a²)}.
 *
 * <p>{@code alpha} null means estimated (least in-sample one-step squared error); the initial level
 * follows {@code initialization} (default {@link Initialization#OPTIMAL}: least squares, which with
 * an estimated alpha is R's {@code ses()}; {@link Initialization#SIMPLE} is R's {@code ses(initial
 * = "simple")}, {@code l0 = y1}).
 *
 * @param alpha level smoothing constant in (0, 1], or null to estimate
 * @param initialization how {@code l0} is chosen
 */
public record Ses(Double alpha, Initialization initialization) implements ModelSpec {
  public static final String NAME = "ses";

  private static final SmoothingFitter.Shape SHAPE =
      new SmoothingFitter.Shape(NAME, false, false, Season.NONE);

  public Ses {
    SmoothingFitter.checkUnit("alpha", alpha, false);
    if (initialization == null) {
      initialization = Initialization.OPTIMAL;
    }
  }

  /** With alpha fixed (or null to estimate) and optimal initial level. */
  public Ses(Double alpha) {
    this(alpha, Initialization.OPTIMAL);
  }

  /** Everything estimated. */
  public Ses() {
    this(null, Initialization.OPTIMAL);
  }

  /** From a parameter map: {@code alpha} absent means estimated. */
  public static Ses fromParameters(Map<String, Double> parameters) {
    return new Ses(parameters.get("alpha"));
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Map<String, Double> parameters() {
    return SmoothingFitter.parameters(new String[] {"alpha"}, alpha);
  }

  @Override
  public FittedModel fit(double[] y, int n, int period) {
    return SmoothingFitter.fit(
        SHAPE,
        y,
        n,
        period,
        alpha,
        null,
        null,
        null,
        initialization,
        (a, b, g, p) -> new Ses(a, initialization));
  }
}
