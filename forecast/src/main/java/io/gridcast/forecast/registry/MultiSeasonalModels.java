package io.gridcast.forecast.registry;

import io.gridcast.forecast.decompose.MstlModel;
import io.gridcast.forecast.ets.EtsSelection;
import io.gridcast.forecast.ets.EtsSpec;
import io.gridcast.forecast.model.ModelSpec;
import io.gridcast.forecast.theta.Theta;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The MSTL models: a non-seasonal model on the seasonally adjusted series of a multiple seasonal
 * decomposition, every seasonal component carried forward by its last cycle ({@link MstlModel}).
 * Their periods are parameters ({@code period1 < period2 < ...}); absent, {@link DefaultSelection}
 * gives each series its own {@link io.gridcast.forecast.series.Series#seasonalPeriods()}.
 */
final class MultiSeasonalModels {
  private MultiSeasonalModels() {}

  /** MSTL with automatic non-seasonal ETS, as R's {@code forecast(mstl(y), method = "ets")}. */
  static final String MSTL_ETS = "mstl_ets";

  /** MSTL with the Theta method on the adjusted series. */
  static final String MSTL_THETA = "mstl_theta";

  /** How many periods a spec may name. */
  static final int MAX_PERIODS = 6;

  private static final String DECOMPOSITION =
      "MSTL (Bandara, Hyndman & Bergmeir 2021): STL for each seasonal period in turn, as R's"
          + " mstl(); ";

  static void register(ModelRegistry.Builder b) {
    b.register(
            ModelDescriptor.of(
                    MSTL_ETS,
                    "decomposition",
                    DECOMPOSITION
                        + "automatic non-seasonal ETS (AICc) on the seasonally adjusted series,"
                        + " each seasonal component's last cycle added back.",
                    p -> MstlModel.fromParameters(MSTL_ETS, p, MultiSeasonalModels::ets))
                .withParameters(with(periods(), LAMBDA))
                .withGrid(rawAndLog(MstlModel.of(MSTL_ETS, ets(Map.of())))))
        .register(
            ModelDescriptor.of(
                    MSTL_THETA,
                    "decomposition",
                    DECOMPOSITION
                        + "the Theta method on the seasonally adjusted series, each seasonal"
                        + " component's last cycle added back.",
                    p -> MstlModel.fromParameters(MSTL_THETA, p, Theta::fromParameters))
                .withParameters(
                    with(
                        periods(),
                        LAMBDA,
                        ParameterRange.estimated(
                            "alpha",
                            1e-4,
                            1,
                            "smoothing constant in (0, 1]; estimated when absent")))
                .withGrid(rawAndLog(MstlModel.of(MSTL_THETA, new Theta()))));
  }

  private static ModelSpec ets(Map<String, Double> parameters) {
    if (!parameters.isEmpty()) {
      throw new InvalidModelParameterException(
          MSTL_ETS
              + " chooses its ETS model itself and takes no ETS parameters, got "
              + parameters.keySet());
    }
    return EtsSpec.auto(EtsSelection.DEFAULT.nonSeasonal());
  }

  private static List<ParameterRange> periods() {
    List<ParameterRange> out = new ArrayList<>();
    for (int i = 1; i <= MAX_PERIODS; i++) {
      out.add(
          ParameterRange.estimated(
              MstlModel.PERIOD_PARAMETER + i,
              2,
              1e6,
              "seasonal period "
                  + i
                  + " (ascending, fractional allowed); the series' own periods when absent"));
    }
    return out;
  }

  private static final ParameterRange LAMBDA =
      ParameterRange.estimated(
          MstlModel.LAMBDA_PARAMETER,
          0,
          1,
          "Box-Cox transform before decomposing (0 = log, positive series only); none when absent");

  /** The default grid: the series as it is, and its logarithm (for seasonality that scales). */
  private static List<MstlModel> rawAndLog(MstlModel raw) {
    return List.of(raw, raw.withLambda(0));
  }

  private static ParameterRange[] with(List<ParameterRange> first, ParameterRange... more) {
    List<ParameterRange> all = new ArrayList<>(first);
    all.addAll(List.of(more));
    return all.toArray(ParameterRange[]::new);
  }
}
