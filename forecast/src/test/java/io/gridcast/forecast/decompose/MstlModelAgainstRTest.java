package io.gridcast.forecast.decompose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.gridcast.forecast.ets.EtsSelection;
import io.gridcast.forecast.ets.EtsSpec;
import io.gridcast.forecast.model.FittedModel;
import io.gridcast.forecast.model.PredictionInterval;
import io.gridcast.forecast.theta.Theta;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Forecasts of the MSTL models against R (bench/r/stl_fixtures.R): {@code forecast(mstl(y), method
 * = "ets")} for {@code mstl_ets}, and for {@code mstl_theta} R's {@code thetaf()} on the seasonally
 * adjusted series re-seasonalised by the same {@code forecast.mstl} code; each also on the log
 * scale ({@code mstl(y, lambda = 0)}, {@code forecast(..., lambda = 0)}). The decomposition and the
 * re-added seasonal terms are exact; what remains is the inner model's fit. ETS must choose R's
 * structure and reach R's optimum: points and 80%/95% bounds within 1e-6 of the series' scale (its
 * mean absolute value; measured: 1e-15 for points, 7e-10 for bounds). Theta's SES fit stops where
 * R's Nelder-Mead stops only up to its tolerance (see ThetaAgainstRTest): within 1e-4 of the scale
 * (measured: 3e-6 for points, 5e-5 for bounds).
 */
class MstlModelAgainstRTest {

  @ParameterizedTest(name = "{0} {3} lambda={4}")
  @CsvSource({
    "h1_24_168, H1, '24,168', mstl_ets, NA",
    "h1_24_168, H1, '24,168', mstl_theta, NA",
    "h150_24_168, H150, '24,168', mstl_ets, NA",
    "h150_24_168, H150, '24,168', mstl_theta, NA",
    "daily_7_365.25, synth_daily, '7,365.25', mstl_ets, NA",
    "daily_7_365.25, synth_daily, '7,365.25', mstl_theta, NA",
    "h1_24_168, H1, '24,168', mstl_ets, 0",
    "h1_24_168, H1, '24,168', mstl_theta, 0",
    "daily_7_365.25, synth_daily, '7,365.25', mstl_ets, 0",
    "daily_7_365.25, synth_daily, '7,365.25', mstl_theta, 0"
  })
  void forecast_matchesR(
      String caseId, String seriesId, String periods, String model, String lambda) {
    double[] y = DecomposeFixtures.series().get(seriesId);
    double[] p = Arrays.stream(periods.split(",")).mapToDouble(Double::parseDouble).toArray();
    Map<String, String> row = Map.of("case_id", caseId, "model", model, "lambda", lambda);
    double[] mean = DecomposeFixtures.column("mstl_forecasts.csv", row, "mean");
    int h = mean.length;
    MstlModel spec =
        new MstlModel(
            model,
            model.equals("mstl_ets")
                ? EtsSpec.auto(EtsSelection.DEFAULT.nonSeasonal())
                : new Theta(),
            p,
            lambda.equals("NA") ? null : Double.valueOf(lambda));

    FittedModel fit = spec.fit(y, 1);

    if (model.equals("mstl_ets")) {
      String method = DecomposeFixtures.text("mstl_forecasts.csv", row, "method");
      EtsSpec chosen = (EtsSpec) ((MstlModel) fit.spec()).inner();
      assertThat("STL+" + chosen.structure().orElseThrow().method().replace(",", ";"))
          .isEqualTo(method);
    }
    double tolerance =
        Arrays.stream(y).map(Math::abs).average().orElseThrow()
            * (model.equals("mstl_ets") ? 1e-6 : 1e-4);
    assertClose(fit.forecast(h), mean, tolerance, caseId + " " + model + " mean");
    PredictionInterval i80 = fit.interval(h, 0.8).orElseThrow();
    PredictionInterval i95 = fit.interval(h, 0.95).orElseThrow();
    assertClose(
        i80.lower(),
        DecomposeFixtures.column("mstl_forecasts.csv", row, "lo80"),
        tolerance,
        "lo80");
    assertClose(
        i80.upper(),
        DecomposeFixtures.column("mstl_forecasts.csv", row, "hi80"),
        tolerance,
        "hi80");
    assertClose(
        i95.lower(),
        DecomposeFixtures.column("mstl_forecasts.csv", row, "lo95"),
        tolerance,
        "lo95");
    assertClose(
        i95.upper(),
        DecomposeFixtures.column("mstl_forecasts.csv", row, "hi95"),
        tolerance,
        "hi95");
  }

  private static void assertClose(
      double[] actual, double[] expected, double tolerance, String what) {
    assertThat(actual).hasSameSizeAs(expected);
    for (int i = 0; i < expected.length; i++) {
      assertThat(actual[i]).as("%s h=%d", what, i + 1).isCloseTo(expected[i], within(tolerance));
    }
  }
}
