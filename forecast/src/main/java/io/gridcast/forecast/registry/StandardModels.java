package io.gridcast.forecast.registry;

import static io.gridcast.forecast.registry.ModelTrait.INTERMITTENT;
import static io.gridcast.forecast.registry.ModelTrait.INTERMITTENT_ONLY;
import static io.gridcast.forecast.registry.ModelTrait.POSITIVE_ONLY;
import static io.gridcast.forecast.registry.ModelTrait.SEASONAL;

import io.gridcast.forecast.adjust.Deseasonalized;
import io.gridcast.forecast.arima.ArimaOrder;
import io.gridcast.forecast.arima.ArimaSpec;
import io.gridcast.forecast.arima.AutoArimaSpec;
import io.gridcast.forecast.ets.EtsSpec;
import io.gridcast.forecast.ets.EtsStructure;
import io.gridcast.forecast.intermittent.Adida;
import io.gridcast.forecast.intermittent.Croston;
import io.gridcast.forecast.intermittent.Imapa;
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
                    ParameterRange.estimated("beta", 0.01, 1, "probability smoothing constant")))
        .register(
            ModelDescriptor.of(
                    Adida.NAME,
                    "intermittent",
                    "ADIDA: SES of the sums over buckets of the mean inter-demand interval,"
                        + " spread evenly back over the periods.",
                    Adida::fromParameters,
                    INTERMITTENT,
                    INTERMITTENT_ONLY)
                .withParameters(
                    ParameterRange.estimated(
                        "level",
                        1,
                        1000,
                        "aggregation level; the mean demand interval when absent")))
        .register(
            ModelDescriptor.of(
                    Imapa.NAME,
                    "intermittent",
                    "IMAPA: the mean of the ADIDA forecasts at every aggregation level up to the"
                        + " mean inter-demand interval.",
                    Imapa::fromParameters,
                    INTERMITTENT,
                    INTERMITTENT_ONLY)
                .withParameters(
                    ParameterRange.estimated(
                        "max_level",
                        1,
                        1000,
                        "highest level; the mean demand interval when absent")));
    registerAdjusted(b);
    registerEts(b);
    MultiSeasonalModels.register(b);
    registerArima(b);
    CovariateModels.register(b);
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

  /**
   * {@code arima} with given orders (the airline model {@code (0,1,1)(0,1,1)} when named alone) and
   * {@code auto_arima}, R's automatic selection.
   */
  private static void registerArima(ModelRegistry.Builder b) {
    List<ParameterRange> ranges = new ArrayList<>();
    ranges.add(ParameterRange.of("p", 0, 5, 0, "non-seasonal AR order"));
    ranges.add(ParameterRange.of("d", 0, 2, 0, "non-seasonal differences"));
    ranges.add(ParameterRange.of("q", 0, 5, 0, "non-seasonal MA order"));
    ranges.add(ParameterRange.of("P", 0, 2, 0, "seasonal AR order (ignored when the period is 1)"));
    ranges.add(ParameterRange.of("D", 0, 1, 0, "seasonal differences"));
    ranges.add(ParameterRange.of("Q", 0, 2, 0, "seasonal MA order"));
    ranges.add(ParameterRange.of("include_mean", 0, 1, 1, "1: estimate a mean when d + D = 0"));
    ranges.add(ParameterRange.of("include_drift", 0, 1, 0, "1: estimate a drift when d + D <= 1"));
    coefficientRanges(ranges, "ar", 5, "non-seasonal AR coefficient");
    coefficientRanges(ranges, "ma", 5, "non-seasonal MA coefficient");
    coefficientRanges(ranges, "sar", 2, "seasonal AR coefficient");
    coefficientRanges(ranges, "sma", 2, "seasonal MA coefficient");
    ranges.add(
        ParameterRange.estimated(
            "intercept", -Double.MAX_VALUE, Double.MAX_VALUE, "mean; estimated when absent"));
    ranges.add(
        ParameterRange.estimated(
            "drift",
            -Double.MAX_VALUE,
            Double.MAX_VALUE,
            "slope per period; estimated when absent"));
    b.register(
        ModelDescriptor.of(
                ArimaSpec.NAME,
                "arima",
                "ARIMA(p,d,q)(P,D,Q) with optional mean or drift, exact maximum likelihood as R's"
                    + " Arima(); coefficients given are kept fixed.",
                ArimaSpec::fromParameters)
            .withParameters(ranges.toArray(ParameterRange[]::new))
            .withGrid(List.of(ArimaSpec.of(ArimaOrder.of(0, 1, 1, 0, 1, 1)))));
    b.register(
        ModelDescriptor.of(
                AutoArimaSpec.NAME,
                "arima",
                "Automatic ARIMA as R's auto.arima(): KPSS and seasonal-strength tests for the"
                    + " differences, stepwise search of the orders by AICc.",
                AutoArimaSpec::fromParameters)
            .withParameters(
                ParameterRange.of("max_p", 0, 5, 5, "largest non-seasonal AR order"),
                ParameterRange.of("max_q", 0, 5, 5, "largest non-seasonal MA order"),
                ParameterRange.of("max_P", 0, 2, 2, "largest seasonal AR order"),
                ParameterRange.of("max_Q", 0, 2, 2, "largest seasonal MA order"),
                ParameterRange.of("max_d", 0, 2, 2, "largest number of differences"),
                ParameterRange.of("max_D", 0, 1, 1, "largest number of seasonal differences"),
                ParameterRange.estimated(
                    "approximation",
                    0,
                    1,
                    "1: search by the CSS approximation; R's rule (n > 150 or period > 12)"
                        + " when absent")));
  }

  private static void coefficientRanges(
      List<ParameterRange> ranges, String prefix, int count, String what) {
    for (int i = 1; i <= count; i++) {
      ranges.add(ParameterRange.estimated(prefix + i, -100, 100, what + "; estimated when absent"));
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
