package io.gridcast.forecast.registry;

import static io.gridcast.forecast.registry.ModelTrait.INTERMITTENT;
import static io.gridcast.forecast.registry.ModelTrait.INTERMITTENT_ONLY;
import static io.gridcast.forecast.registry.ModelTrait.POSITIVE_ONLY;
import static io.gridcast.forecast.registry.ModelTrait.SEASONAL;

import io.gridcast.forecast.adjust.Deseasonalized;
import io.gridcast.forecast.ets.EtsSpec;
import io.gridcast.forecast.ets.EtsStructure;
import io.gridcast.forecast.intermittent.Croston;
import io.gridcast.forecast.intermittent.Sba;
import io.gridcast.forecast.intermittent.Tsb;
import io.gridcast.forecast.model.Drift;
import io.gridcast.forecast.model.Mean;
import io.gridcast.forecast.model.ModelSpec;
import io.gridcast.forecast.model.MovingAverage;
import io.gridcast.forecast.model.Naive;
import io.gridcast.forecast.model.SeasonalNaive;
import io.gridcast.forecast.smoothing.DampedHolt;
import io.gridcast.forecast.smoothing.Holt;
import io.gridcast.forecast.smoothing.HoltWintersAdditive;
import io.gridcast.forecast.smoothing.HoltWintersMultiplicative;
import io.gridcast.forecast.smoothing.Ses;
import io.gridcast.forecast.theta.OptimizedTheta;
import io.gridcast.forecast.theta.Theta;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The models every Gridcast installation knows, registered under their stable names. Each default
 * grid holds the spec whose parameters the fit estimates; the fixed-parameter forms stay reachable
 * by name with a parameter map ({@code POST /api/jobs} with {@code models} and parameters).
 */
final class StandardModels {
  private StandardModels() {}

  private static final String UNIT = "smoothing constant in (0, 1]; estimated when absent";

  static ModelRegistry.Builder registerAll(ModelRegistry.Builder b) {
    b.register(
            ModelDescriptor.of(
                Naive.NAME,
                "simple",
                "Naive: every forecast equals the last value.",
                p -> new Naive()))
        .register(
            ModelDescriptor.of(
                SeasonalNaive.NAME,
                "simple",
                "Seasonal naive: each forecast repeats the value one season earlier.",
                p -> new SeasonalNaive(),
                SEASONAL))
        .register(
            ModelDescriptor.of(
                Drift.NAME,
                "simple",
                "Random walk with drift: the line from the first to the last value, extended.",
                p -> new Drift()))
        .register(
            ModelDescriptor.of(
                Mean.NAME,
                "simple",
                "Mean: every forecast equals the mean of the history.",
                p -> new Mean(),
                INTERMITTENT))
        .register(
            ModelDescriptor.of(
                    MovingAverage.NAME,
                    "simple",
                    "Trailing moving average; the window is chosen by one-step error when absent.",
                    MovingAverage::fromParameters,
                    INTERMITTENT)
                .withParameters(
                    ParameterRange.estimated(
                        "window", 1, MovingAverage.MAX_WINDOW, "number of trailing values")))
        .register(
            ModelDescriptor.of(
                    Ses.NAME,
                    "smoothing",
                    "Simple exponential smoothing (level only), parameters by least squares.",
                    Ses::fromParameters,
                    INTERMITTENT)
                .withParameters(ParameterRange.estimated("alpha", 1e-4, 1, UNIT)))
        .register(
            ModelDescriptor.of(
                    Holt.NAME, "smoothing", "Holt's linear trend method.", Holt::fromParameters)
                .withParameters(
                    ParameterRange.estimated("alpha", 1e-4, 1, UNIT),
                    ParameterRange.estimated("beta", 1e-4, 1, UNIT)))
        .register(
            ModelDescriptor.of(
                    DampedHolt.NAME,
                    "smoothing",
                    "Holt's trend damped by phi (Gardner & McKenzie).",
                    DampedHolt::fromParameters)
                .withParameters(
                    ParameterRange.estimated("alpha", 1e-4, 1, UNIT),
                    ParameterRange.estimated("beta", 1e-4, 1, UNIT),
                    ParameterRange.estimated("phi", 0.8, 0.98, "damping factor")))
        .register(
            ModelDescriptor.of(
                    HoltWintersAdditive.NAME,
                    "smoothing",
                    "Holt-Winters with additive seasonality.",
                    HoltWintersAdditive::fromParameters,
                    SEASONAL)
                .withParameters(
                    ParameterRange.estimated("alpha", 1e-4, 1, UNIT),
                    ParameterRange.estimated("beta", 1e-4, 1, UNIT),
                    ParameterRange.estimated("gamma", 1e-4, 1, UNIT),
                    ParameterRange.estimated(
                        "phi", 0.8, 1, "damping factor; 1 (none) when absent")))
        .register(
            ModelDescriptor.of(
                    HoltWintersMultiplicative.NAME,
                    "smoothing",
                    "Holt-Winters with multiplicative seasonality (positive data).",
                    HoltWintersMultiplicative::fromParameters,
                    SEASONAL,
                    POSITIVE_ONLY)
                .withParameters(
                    ParameterRange.estimated("alpha", 1e-4, 1, UNIT),
                    ParameterRange.estimated("beta", 1e-4, 1, UNIT),
                    ParameterRange.estimated("gamma", 1e-4, 1, UNIT),
                    ParameterRange.estimated(
                        "phi", 0.8, 1, "damping factor; 1 (none) when absent")))
        .register(
            ModelDescriptor.of(
                    Theta.NAME,
                    "theta",
                    "Theta method (M3 winner): SES with drift on the seasonally adjusted series.",
                    Theta::fromParameters)
                .withParameters(ParameterRange.estimated("alpha", 1e-4, 1, UNIT)))
        .register(
            ModelDescriptor.of(
                    OptimizedTheta.NAME,
                    "theta",
                    "Optimised Theta: the theta line's coefficient is estimated too.",
                    OptimizedTheta::fromParameters)
                .withParameters(
                    ParameterRange.estimated("alpha", 1e-4, 1, UNIT),
                    ParameterRange.estimated("theta", 1, 10, "theta coefficient")))
        .register(
            ModelDescriptor.of(
                    Croston.NAME,
                    "intermittent",
                    "Croston's method: sizes and intervals smoothed separately.",
                    Croston::fromParameters,
                    INTERMITTENT,
                    INTERMITTENT_ONLY)
                .withParameters(ParameterRange.estimated("alpha", 0.01, 1, UNIT)))
        .register(
            ModelDescriptor.of(
                    Sba.NAME,
                    "intermittent",
                    "Syntetos-Boylan approximation: Croston debiased by (1 - alpha/2).",
                    Sba::fromParameters,
                    INTERMITTENT,
                    INTERMITTENT_ONLY)
                .withParameters(ParameterRange.estimated("alpha", 0.01, 1, UNIT)))
        .register(
            ModelDescriptor.of(
                    Tsb.NAME,
                    "intermittent",
                    "Teunter-Syntetos-Babai: demand probability and size smoothed separately.",
                    Tsb::fromParameters,
                    INTERMITTENT,
                    INTERMITTENT_ONLY)
                .withParameters(
                    ParameterRange.estimated("alpha", 0.01, 1, "size smoothing constant"),
                    ParameterRange.estimated("beta", 0.01, 1, "probability smoothing constant")));
    registerAdjusted(b);
    registerEts(b);
    MultiSeasonalModels.register(b);
    return b;
  }

  private static void registerEts(ModelRegistry.Builder b) {
    b.register(
        ModelDescriptor.of(
                EtsSpec.NAME,
                "ets",
                "Exponential smoothing state-space model (Hyndman et al. 2008) chosen by AICc among"
                    + " the admissible error/trend/season structures, parameters by maximum"
                    + " likelihood.",
                p -> EtsSpec.forName(EtsSpec.NAME, p))
            .withParameters(etsParameters()));
    for (EtsStructure s : EtsStructure.values()) {
      List<ModelTrait> traits = new ArrayList<>();
      if (s.seasonal()) {
        traits.add(SEASONAL);
      }
      if (s.needsPositiveData()) {
        traits.add(POSITIVE_ONLY);
      }
      b.register(
          ModelDescriptor.of(
                  s.registryName(),
                  "ets",
                  s.method() + " with parameters by maximum likelihood.",
                  p -> EtsSpec.forName(s.registryName(), p),
                  traits.toArray(ModelTrait[]::new))
              .withParameters(etsParameters()));
    }
  }

  private static ParameterRange[] etsParameters() {
    return new ParameterRange[] {
      ParameterRange.estimated("alpha", 1e-4, 1, UNIT),
      ParameterRange.estimated("beta", 1e-4, 1, "trend smoothing constant, below alpha"),
      ParameterRange.estimated("gamma", 1e-4, 1, "season smoothing constant, below 1 - alpha"),
      ParameterRange.estimated("phi", 0.8, 0.98, "damping factor")
    };
  }

  /** SES, Holt and damped Holt on the seasonally adjusted series, as M3's entries ran them. */
  private static void registerAdjusted(ModelRegistry.Builder b) {
    adjusted(b, Ses.NAME, "SES", Ses::fromParameters, "alpha");
    adjusted(b, Holt.NAME, "Holt's linear trend", Holt::fromParameters, "alpha", "beta");
    adjusted(b, DampedHolt.NAME, "Damped Holt", DampedHolt::fromParameters, "alpha", "beta", "phi");
  }

  private static void adjusted(
      ModelRegistry.Builder b,
      String inner,
      String title,
      Function<Map<String, Double>, ModelSpec> factory,
      String... parameters) {
    String name = inner + "_sa";
    List<ParameterRange> ranges = new ArrayList<>();
    for (String p : parameters) {
      ranges.add(
          p.equals("phi")
              ? ParameterRange.estimated("phi", 0.8, 0.98, "damping factor")
              : ParameterRange.estimated(p, 1e-4, 1, UNIT));
    }
    b.register(
        ModelDescriptor.of(
                name,
                "smoothing",
                title
                    + " on the seasonally adjusted series (classical multiplicative"
                    + " decomposition when a 90% seasonality test passes).",
                p -> new Deseasonalized(name, factory.apply(p)))
            .withParameters(ranges.toArray(ParameterRange[]::new)));
  }
}
