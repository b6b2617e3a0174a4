package io.gridcast.forecast.smoothing;

import io.gridcast.forecast.model.FittedModel;
import io.gridcast.forecast.model.ModelSpec;
import io.gridcast.forecast.smoothing.SmoothingEngine.Season;
import java.util.Map;

/**
 * Holt-Winters with additive seasonality in the form of R's {@code hw(seasonal = "additive")}:
 * {@code l(t) = a (y - s(t-m)) + (1 - a)(l + phi b)}, {@code b(t) = beta (l(t) - l(t-1)) + (1 -
 * beta) phi b}, {@code s(t) = g (y - l(t-1) - phi b(t-1)) + (1 - g) s(t-m)}, forecast {@code l +
 * phi_h b + s}. Interval {@code var(h) = sigma² (1 + sum_{j<h} c_j²)}, {@code c_j = a + a beta
 * phi_j + g [j mod m = 0]}.
 *
 * <p>{@code alpha, beta, gamma} null are estimated; {@code phi} is optional damping: null means no
 * damping ({@code phi = 1}), a value means a damped trend with that fixed {@code phi}. {@link
 * Initialization#SIMPLE} is R's {@code hw(initial = "simple")}; default {@link
 * Initialization#OPTIMAL}. Needs a period of at least 2 and two full seasons of data.
 *
 * @param alpha level smoothing in (0, 1], or null
 * @param beta trend smoothing in [0, 1], or null
 * @param gamma seasonal smoothing in [0, 1], or null
 * @param phi damping in (0, 1], or null for none
 * @param initialization how the initial states are chosen
 */
public record HoltWintersAdditive(
    Double alpha, Double beta, Double gamma, Double phi, Initialization initialization)
    implements ModelSpec {
  public static final String NAME = "holt_winters_additive";

  public HoltWintersAdditive {
    SmoothingFitter.checkUnit("alpha", alpha, false);
    SmoothingFitter.checkUnit("beta", beta, true);
    SmoothingFitter.checkUnit("gamma", gamma, true);
    SmoothingFitter.checkUnit("phi", phi, false);
    if (initialization == null) {
      initialization = Initialization.OPTIMAL;
    }
  }

  /** Undamped, default initialization. */
  public HoltWintersAdditive(Double alpha, Double beta, Double gamma) {
    this(alpha, beta, gamma, null, Initialization.OPTIMAL);
  }

  /** From a parameter map: absent smoothing constants are estimated, absent phi means undamped. */
  public static HoltWintersAdditive fromParameters(Map<String, Double> parameters) {
    return new HoltWintersAdditive(
        parameters.get("alpha"),
        parameters.get("beta"),
        parameters.get("gamma"),
        parameters.get("phi"),
        Initialization.OPTIMAL);
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Map<String, Double> parameters() {
    return SmoothingFitter.parameters(
        new String[] {"alpha", "beta", "gamma", "phi"}, alpha, beta, gamma, phi);
  }

  @Override
  public FittedModel fit(double[] y, int n, int period) {
    SmoothingFitter.Shape shape =
        new SmoothingFitter.Shape(NAME, true, phi != null, Season.ADDITIVE);
    return SmoothingFitter.fit(
        shape,
        y,
        n,
        period,
        alpha,
        beta,
        gamma,
        phi == null ? 1.0 : phi,
        initialization,
        (a, b, g, p) -> new HoltWintersAdditive(a, b, g, phi == null ? null : p, initialization));
  }
}
