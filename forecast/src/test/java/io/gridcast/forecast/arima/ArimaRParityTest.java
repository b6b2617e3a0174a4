package io.gridcast.forecast.arima;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.gridcast.forecast.model.ModelFitException;
import io.gridcast.forecast.model.PredictionInterval;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Fixed-order ARIMA fits against R's {@code forecast::Arima()} (R 4.2.2, forecast 8.20) on M3
 * series, regression with ARIMA errors included: coefficients, log-likelihood, AIC, AICc, BIC,
 * sigma2, forecasts and the half-widths of the 80% and 95% intervals within {@value #TOLERANCE}
 * relative.
 *
 * <p>Where R's own answer moves by more than a tenth of that when the series is perturbed at
 * rounding level (flat likelihoods: near-cancelling AR and MA roots, unit roots, the optimiser at
 * its iteration limit), the estimate is not defined to that precision and the model is checked at
 * R's coefficients instead: the log-likelihood, sigma2 and forecasts there.
 */
class ArimaRParityTest {
  /** Relative tolerance of every compared figure. */
  static final double TOLERANCE = 1e-4;

  /**
   * R fails these fits only because its Gardner (1980) {@code P0} is wrong there (it misses the
   * stationarity equation by 1e-2 for a seasonal AR with a small non-seasonal AR coefficient, see
   * {@link #gardnerP0_isInaccurate_whereRFailsAndWeDoNot}); the exact {@code P0} fits them.
   */
  static final Map<String, String> R_FAILS_BY_ITS_P0 =
      Map.of("fixed112", "non-finite finite-difference value from R's inaccurate P0");

  static Stream<ArimaReference.Case> fixedCases() {
    return ArimaReference.cases().values().stream().filter(c -> c.regressors().isEmpty());
  }

  static Stream<ArimaReference.Case> regressionCases() {
    return ArimaReference.cases().values().stream().filter(c -> !c.regressors().isEmpty());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixedCases")
  void fit_matchesR_onM3Series(ArimaReference.Case c) {
    check(c);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("regressionCases")
  void fitWithRegressors_matchesR(ArimaReference.Case c) {
    check(c);
  }

  @Test
  void wellPosedFits_coverAtLeastTwentySeries() {
    long series =
        fixedCases()
            .filter(c -> !c.failed() && c.wellPosed())
            .map(ArimaReference.Case::series)
            .distinct()
            .count();
    assertThat(series).isGreaterThanOrEqualTo(20);
    long seasonal =
        fixedCases().filter(c -> !c.failed() && c.wellPosed() && c.order().seasonal()).count();
    long drift = fixedCases().filter(c -> !c.failed() && c.wellPosed() && c.drift()).count();
    assertThat(seasonal).isGreaterThanOrEqualTo(20);
    assertThat(drift).isGreaterThanOrEqualTo(10);
  }

  @Test
  void gardnerP0_isInaccurate_whereRFailsAndWeDoNot() {
    // ARIMA(1,1,0)(2,1,0)[12] at the CSS start values R reaches on N2000
    ArmaLayout layout = new ArmaLayout(ArimaOrder.of(1, 1, 0, 2, 1, 0), 12, 0);
    ArmaExpansion e = new ArmaExpansion(layout);
    e.expand(new double[] {0.01139082588952837, -0.4091988059180958, -0.3365368317304957}, false);
    int r = layout.stateDimension();
    double[] gardner = new double[r * r];
    double[] exact = new double[r * r];
    new GardnerCovariance(r).compute(e.phi, e.phi.length, e.theta, 0, r, gardner);
    new StationaryCovariance(r).compute(e.phi, e.phi.length, e.theta, 0, r, exact);
    // R's getQ0 gives P0[0][14] = -0.0446104054247062 (.Call(stats:::C_getQ0, phi, theta))
    assertThat(gardner[14]).isCloseTo(-0.044610405424706213, within(1e-12));
    assertThat(Math.abs(exact[14])).isLessThan(1e-15);
  }

  private static void check(ArimaReference.Case c) {
    double[] y = ArimaReference.series().get(c.series());
    int n = y.length;
    double[][] x =
        c.regressors().isEmpty()
            ? null
            : ArimaReference.regressors(c.regressors(), n, c.horizon(), c.period());
    ArimaSpec spec = ArimaSpec.of(c.order()).withMean(c.mean()).withDrift(c.drift());
    if (c.failed()) {
      if (R_FAILS_BY_ITS_P0.containsKey(c.id())) {
        assertThat(spec.fit(y, n, c.period(), x).logLikelihood()).isFinite();
      } else {
        assertThatThrownBy(() -> spec.fit(y, n, c.period(), x))
            .isInstanceOf(ModelFitException.class);
      }
      return;
    }
    Map<String, Double> r = ArimaReference.values(c.id());
    List<String> problems = new ArrayList<>();
    if (c.wellPosed()) {
      ArimaModel m = spec.fit(y, n, c.period(), x);
      compareFigures(problems, m, r, c);
      compareForecasts(problems, m, c, x, n, 1.0);
      assertThat(problems).as(c + " " + m).isEmpty();
    } else {
      ArimaModel m = spec.withCoefficients(rCoefficients(r, c)).fit(y, n, c.period(), x);
      int k = rCoefficients(r, c).size() + 1;
      int nstar = m.observationsUsed();
      double scale = (double) nstar / (nstar - k + 1);
      if (!close(m.logLikelihood(), r.get("loglik"), 1e-6)) {
        problems.add(
            "loglik at R's coefficients: java " + m.logLikelihood() + " R " + r.get("loglik"));
      }
      if (!close(m.sigma2() * scale, r.get("sigma2"), TOLERANCE)) {
        problems.add(
            "sigma2 at R's coefficients: java " + m.sigma2() * scale + " R " + r.get("sigma2"));
      }
      compareForecasts(problems, m, c, x, n, Math.sqrt(scale));
      assertThat(problems).as(c + " (ill-posed in R) " + m).isEmpty();
    }
  }

  private static void compareFigures(
      List<String> problems, ArimaModel m, Map<String, Double> r, ArimaReference.Case c) {
    Map<String, Double> ours = new LinkedHashMap<>(m.coefficients());
    r.forEach((key, expected) -> {
      double actual =
          switch (key) {
            case "loglik" -> m.logLikelihood();
            case "aic" -> m.aic();
            case "aicc" -> m.aiccValue();
            case "bic" -> m.bic();
            case "sigma2" -> m.sigma2();
            default -> ours.getOrDefault(ourName(key, c), Double.NaN);
          };
      if (!close(actual, expected, TOLERANCE)) {
        problems.add(key + ": java " + actual + " R " + expected);
      }
    });
    assertThat(ours).hasSize(rCoefficients(r, c).size());
  }

  private static void compareForecasts(
      List<String> problems,
      ArimaModel m,
      ArimaReference.Case c,
      double[][] x,
      int n,
      double widthScale) {
    double[][] future = future(x, n, c.horizon());
    ArimaReference.Forecast f = ArimaReference.forecast(c.id());
    double[] mean = m.forecast(c.horizon(), future);
    compare(problems, "mean", mean, f.mean());
    PredictionInterval i80 = m.interval(c.horizon(), 0.8, future);
    PredictionInterval i95 = m.interval(c.horizon(), 0.95, future);
    compare(problems, "width80", halfWidth(i80, widthScale), halfWidth(f.lo80(), f.hi80()));
    compare(problems, "width95", halfWidth(i95, widthScale), halfWidth(f.lo95(), f.hi95()));
  }

  /** R's coefficients under the spec's names (external regressors numbered {@code xreg1..}). */
  static Map<String, Double> rCoefficients(Map<String, Double> r, ArimaReference.Case c) {
    Map<String, Double> out = new LinkedHashMap<>();
    r.forEach((k, v) -> {
      if (!List.of("loglik", "aic", "aicc", "bic", "sigma2").contains(k)) {
        out.put(ourName(k, c), v);
      }
    });
    return out;
  }

  private static String ourName(String rName, ArimaReference.Case c) {
    int i = c.regressors().indexOf(rName);
    return i >= 0 ? "xreg" + (i + 1) : rName;
  }

  private static double[] halfWidth(PredictionInterval i, double scale) {
    double[] lo = i.lower();
    double[] hi = i.upper();
    double[] out = new double[lo.length];
    for (int h = 0; h < lo.length; h++) {
      out[h] = (hi[h] - lo[h]) / 2 * scale;
    }
    return out;
  }

  private static double[] halfWidth(double[] lo, double[] hi) {
    double[] out = new double[lo.length];
    for (int h = 0; h < lo.length; h++) {
      out[h] = (hi[h] - lo[h]) / 2;
    }
    return out;
  }

  private static double[][] future(double[][] x, int n, int h) {
    if (x == null) {
      return null;
    }
    double[][] out = new double[h][];
    for (int i = 0; i < h; i++) {
      out[i] = x[n + i];
    }
    return out;
  }

  private static void compare(List<String> problems, String what, double[] a, double[] e) {
    for (int i = 0; i < e.length; i++) {
      if (!close(a[i], e[i], TOLERANCE)) {
        problems.add(what + "[" + i + "]: java " + a[i] + " R " + e[i]);
        return;
      }
    }
  }

  static boolean close(double a, double e, double tolerance) {
    return Math.abs(a - e) <= tolerance * Math.max(Math.abs(e), 1e-8);
  }
}
