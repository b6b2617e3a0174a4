package io.gridcast.forecast.smoothing;

import io.gridcast.forecast.model.FittedModel;
import io.gridcast.forecast.model.ModelSpec;
import io.gridcast.forecast.smoothing.SmoothingEngine.Season;
import java.util.Map;

/**
 * Damped trend, ETS(A,Ad,N): {@code l(t) = a y(t) + (1 - a)(l + phi b)}, {@code b(t) = beta (l(t) -
 * l(t-1)) + (1 - beta) phi b(t-1)}, forecast {@code l(T) + (phi + ... + phi^h) b(T)}. Interval
 * {@code var(h) = sigma² (1 + sum_{j<h} (a + a beta phi_j)²)}.
 *
 * <p>Null parameters are estimated ({@code phi} within {@code [0.8, 0.98]}); default initialization
 * {@link Initialization#OPTIMAL}.
 *
 * @param alpha level smoothing in (0, 1], or null
 * @param beta trend smoothing in [0, 1], or null
 * @param phi damping in (0, 1], or null
 * @param initialization how {@code l0, b0} are chosen
 */
public record DampedHolt(Double alpha, Double beta, Double phi, Initialization initialization)
    implements ModelSpec {
  public static final String NAME = "damped_holt";

  private static final SmoothingFitter.Shape SHAPE =
      new SmoothingFitter.Shape(NAME, true, true, Season.NONE);

  public DampedHolt {
    SmoothingFitter.checkUnit("alpha", alpha, false);
    SmoothingFitter.checkUnit("beta", beta, true);
    SmoothingFitter.checkUnit("phi", phi, false);
    if (initialization == null) {
      initialization = Initialization.OPTIMAL;
    }
  }

  /** With optimal initial states. */
  public DampedHolt(Double alpha, Double beta, Double phi) {
    this(alpha, beta, phi, Initialization.OPTIMAL);
  }

  /** From a parameter map: absent parameters are estimated. */
  public static DampedHolt fromParameters(Map<String, Double> parameters) {
    return new DampedHolt(parameters.get("alpha"), parameters.get("beta"), parameters.get("phi"));
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Map<String, Double> parameters() {
    return SmoothingFitter.parameters(new String[] {"alpha", "beta", "phi"}, alpha, beta, phi);
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
        phi,
        initialization,
        (a, b, g, p) -> new DampedHolt(a, b, p, initialization));
  }
}
