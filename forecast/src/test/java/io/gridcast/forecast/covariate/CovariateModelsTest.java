package io.gridcast.forecast.covariate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.gridcast.forecast.arima.ArimaXSpec;
import io.gridcast.forecast.model.ModelFitException;
import io.gridcast.forecast.model.PredictionInterval;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CovariateModelsTest {
  private static final int N = 120;
  private static final int H = 10;

  /** price (continuous), promo (0/1), a holiday that falls only in the future, and their sum. */
  private static Covariates covariates() {
    Random r = new Random(11);
    double[] price = new double[N + H];
    double[] promo = new double[N + H];
    double[] holiday = new double[N + H];
    double[] sum = new double[N + H];
    for (int t = 0; t < N + H; t++) {
      price[t] = 5 + r.nextDouble();
      promo[t] = r.nextInt(5) == 0 ? 1 : 0;
      holiday[t] = t == N + 3 ? 1 : 0;
      sum[t] = price[t] + promo[t];
    }
    return new Covariates(
        List.of("price", "promo", "holiday", "price_plus_promo"),
        new double[][] {price, promo, holiday, sum});
  }

  /** y = 200 + 0.3 t - 20 price + 35 promo + weekly pattern + noise. */
  private static double[] series(Covariates x) {
    Random r = new Random(5);
    double[] y = new double[N];
    for (int t = 0; t < N; t++) {
      y[t] =
          200
              + 0.3 * t
              - 20 * x.column(0)[t]
              + 35 * x.column(1)[t]
              + 8 * Math.sin(2 * Math.PI * (t + 1) / 7)
              + r.nextGaussian();
    }
    return y;
  }

  @Test
  void regression_recoversTheCovariateEffects_andGivesZeroToWhatItCannotEstimate() {
    Covariates x = covariates();
    CovariateFit fit = new RegressionSpec(3, true, false).fit(series(x), N, 7, x);

    assertThat(fit.covariateNames())
        .containsExactly("price", "promo", "holiday", "price_plus_promo");
    assertThat(fit.covariateCoefficients().get("price")).isCloseTo(-20, within(1.5));
    assertThat(fit.covariateCoefficients().get("promo")).isCloseTo(35, within(1.0));
    assertThat(fit.covariateCoefficients().get("holiday")).isZero();
    assertThat(fit.covariateCoefficients().get("price_plus_promo")).isZero();
    double[] f = fit.forecast(H);
    for (int s = 0; s < H; s++) {
      int t = N + s;
      double expected =
          200
              + 0.3 * t
              - 20 * x.column(0)[t]
              + 35 * x.column(1)[t]
              + 8 * Math.sin(2 * Math.PI * (t + 1) / 7);
      assertThat(f[s]).isCloseTo(expected, within(2.0));
    }
    PredictionInterval p = fit.interval(H, 0.95).orElseThrow();
    assertThat(p.upper()[0] - p.lower()[0]).isBetween(3.0, 6.0); // about 2 * 1.98 * sigma
  }

  @Test
  void etsX_recoversTheCovariateEffects() {
    Covariates x = covariates();
    CovariateFit fit = new EtsXSpec(false).fit(series(x), N, 7, x);

    assertThat(fit.covariateCoefficients().get("promo")).isCloseTo(35, within(2.0));
    assertThat(fit.covariateCoefficients().get("price")).isCloseTo(-20, within(3.0));
    assertThat(fit.forecast(H)).hasSize(H);
    assertThat(fit.interval(H, 0.8)).isPresent();
  }

  @Test
  void arimaX_recoversTheCovariateEffects() {
    Covariates x = covariates();
    CovariateFit fit = ArimaXSpec.auto().fit(series(x), N, 7, x);

    assertThat(fit.covariateCoefficients().get("promo")).isCloseTo(35, within(2.0));
    assertThat(fit.covariateCoefficients().get("holiday")).isZero();
    assertThat(fit.covariateNames()).contains("price^2");
  }

  @Test
  void squares_addACentredSquarePerContinuousCovariate() {
    Covariates x = covariates();
    Covariates e = QuadraticTerms.expand(x, N);
    assertThat(e.names())
        .containsExactly(
            "price", "promo", "holiday", "price_plus_promo", "price^2", "price_plus_promo^2");
    double mean = 0;
    for (int t = 0; t < N; t++) {
      mean += x.column(0)[t];
    }
    mean /= N;
    double d = x.column(0)[N + 1] - mean;
    assertThat(e.column(4)[N + 1]).isCloseTo(d * d, within(1e-12));
  }

  @Test
  void forecastBeyondTheFutureRows_isRefusedNamingTheMissingRows() {
    Covariates x = covariates().head(N + 4);
    for (CovariateModelSpec spec :
        List.of(RegressionSpec.defaults(), EtsXSpec.defaults(), ArimaXSpec.auto())) {
      CovariateFit fit = spec.fit(series(covariates()), N, 7, x);
      assertThat(fit.coveredHorizon()).isEqualTo(4);
      assertThat(fit.forecast(4)).hasSize(4);
      assertThatThrownBy(() -> fit.forecast(6))
          .isInstanceOf(MissingCovariateRowsException.class)
          .hasMessage(
              spec.name()
                  + ": forecasting 6 steps after 120 values needs covariate rows 120..125, rows"
                  + " 124..125 are missing (future covariates cover 4 steps)");
    }
  }

  @Test
  void fitWithoutCovariates_isRefused() {
    double[] y = series(covariates());
    assertThatThrownBy(() -> new EtsXSpec(true).fit(y, N, 7))
        .isInstanceOf(ModelFitException.class)
        .hasMessage("ets_x: needs covariates, the series has none");
    assertThatThrownBy(() -> RegressionSpec.defaults().fit(y, N, 7, Covariates.none()))
        .isInstanceOf(ModelFitException.class)
        .hasMessage("regression: needs covariates, the series has none");
  }

  @Test
  void estimableColumns_leaveOutConstantAndCollinearOnes() {
    assertThat(covariates().estimableColumns(N)).containsExactly(0, 1);
    assertThat(covariates().estimableColumns(N + H)).containsExactly(0, 1, 2);
  }
}
