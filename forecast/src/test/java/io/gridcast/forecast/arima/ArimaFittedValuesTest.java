package io.gridcast.forecast.arima;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Percentage.withPercentage;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * In-sample one-step forecasts against R's {@code fitted(Arima(...))} (fixtures of {@code
 * bench/r/arima_fitted_fixtures.R}), with the coefficients fixed at R's estimates so that the
 * filter and the regression part are checked, not the optimiser.
 */
class ArimaFittedValuesTest {
  static final double TOLERANCE = 1e-6;

  record FittedCase(
      String id,
      String series,
      int period,
      ArimaOrder order,
      boolean mean,
      boolean drift,
      boolean cycle,
      ArimaMethod method,
      Map<String, Double> coefficients,
      double[] fitted) {
    @Override
    public String toString() {
      return id + " " + series + " " + order.label(period) + " " + method;
    }
  }

  static Stream<FittedCase> cases() {
    Map<String, List<Double>> fitted = new LinkedHashMap<>();
    for (String[] r : ArimaReference.rows("r_arima_fitted_values.csv")) {
      fitted.computeIfAbsent(r[0], k -> new ArrayList<>()).add(Double.parseDouble(r[2]));
    }
    List<FittedCase> out = new ArrayList<>();
    for (String[] r : ArimaReference.rows("r_arima_fitted_cases.csv")) {
      Map<String, Double> coef = new LinkedHashMap<>();
      for (String kv : r[13].split(";")) {
        String[] p = kv.split("=");
        coef.put(p[0].equals("cycle") ? "xreg1" : p[0], Double.parseDouble(p[1]));
      }
      out.add(
          new FittedCase(
              r[0],
              r[1],
              Integer.parseInt(r[2]),
              ArimaOrder.of(
                  Integer.parseInt(r[3]),
                  Integer.parseInt(r[4]),
                  Integer.parseInt(r[5]),
                  Integer.parseInt(r[6]),
                  Integer.parseInt(r[7]),
                  Integer.parseInt(r[8])),
              r[9].equals("1"),
              r[10].equals("1"),
              r[11].equals("cycle"),
              switch (r[12]) {
                case "CSS" -> ArimaMethod.CSS;
                case "ML" -> ArimaMethod.ML;
                default -> ArimaMethod.CSS_ML;
              },
              coef,
              fitted.get(r[0]).stream().mapToDouble(Double::doubleValue).toArray()));
    }
    return out.stream();
  }

  private static ArimaModel fit(FittedCase c) {
    double[] y = ArimaReference.series().get(c.series());
    double[][] xreg = null;
    if (c.cycle()) {
      xreg = new double[y.length][1];
      for (int t = 0; t < y.length; t++) {
        xreg[t][0] = Math.sin(2 * Math.PI * (t + 1) / (2.5 * Math.max(c.period(), 2)));
      }
    }
    return ArimaSpec.of(c.order())
        .withMean(c.mean())
        .withDrift(c.drift())
        .withMethod(c.method())
        .withCoefficients(c.coefficients())
        .fit(y, y.length, c.period(), xreg);
  }

  /** Where the model has a forecast: after the diffuse start, or the conditioning values (CSS). */
  private static int start(FittedCase c) {
    ArimaOrder o = c.period() > 1 ? c.order() : c.order().nonSeasonal();
    int m = o.seasonal() ? c.period() : 1;
    int dd = o.d() + m * o.seasonalD();
    return c.method() == ArimaMethod.CSS ? dd + o.p() + m * o.seasonalP() : dd;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void fittedValues_matchR_afterTheStart(FittedCase c) {
    double[] got = fit(c).fittedValues().orElseThrow();
    assertThat(got).hasSize(c.fitted().length);
    int start = start(c);
    for (int t = start; t < got.length; t++) {
      double want = c.fitted()[t];
      assertThat(Math.abs(got[t] - want) / Math.max(Math.abs(want), 1e-8))
          .as("%s fitted[%d]: %s against R's %s", c, t, got[t], want)
          .isLessThanOrEqualTo(TOLERANCE);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void fittedValues_areNaN_beforeTheModelHasAForecast(FittedCase c) {
    double[] got = fit(c).fittedValues().orElseThrow();
    int start = start(c);
    for (int t = 0; t < got.length; t++) {
      assertThat(Double.isNaN(got[t])).as("%s fitted[%d] NaN", c, t).isEqualTo(t < start);
    }
  }

  @Test
  void fittedValues_ofAnAutomaticFit_leaveResidualsOfTheSeriesScale() {
    double[] y = ArimaReference.series().get("N2500");
    ArimaModel m = AutoArimaSpec.defaults().fit(y, 12);
    double[] fitted = m.fittedValues().orElseThrow();
    double sse = 0;
    int k = 0;
    for (int t = 0; t < y.length; t++) {
      if (!Double.isNaN(fitted[t])) {
        sse += (y[t] - fitted[t]) * (y[t] - fitted[t]);
        k++;
      }
    }
    assertThat(k).isGreaterThanOrEqualTo(y.length - 13);
    assertThat(sse / k).isCloseTo(m.sigma2(), withPercentage(25));
  }
}
