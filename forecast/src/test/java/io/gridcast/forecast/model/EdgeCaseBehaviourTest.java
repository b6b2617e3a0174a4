package io.gridcast.forecast.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridcast.forecast.intermittent.Croston;
import io.gridcast.forecast.intermittent.Sba;
import io.gridcast.forecast.intermittent.Tsb;
import io.gridcast.forecast.smoothing.DampedHolt;
import io.gridcast.forecast.smoothing.Holt;
import io.gridcast.forecast.smoothing.HoltWintersAdditive;
import io.gridcast.forecast.smoothing.HoltWintersMultiplicative;
import io.gridcast.forecast.smoothing.Ses;
import io.gridcast.forecast.theta.OptimizedTheta;
import io.gridcast.forecast.theta.Theta;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Defined behaviour of every model of this module on awkward data. */
class EdgeCaseBehaviourTest {

  static List<ModelSpec> allSpecs() {
    return List.of(
        new Naive(),
        new SeasonalNaive(),
        new Drift(),
        new Mean(),
        new MovingAverage(3),
        new MovingAverage(null),
        new Ses(),
        new Ses(0.3),
        new Holt(null, null),
        new DampedHolt(null, null, null),
        new HoltWintersAdditive(null, null, null),
        new HoltWintersMultiplicative(null, null, null),
        new HoltWintersAdditive(0.3, 0.1, 0.1, 0.9, null),
        new Theta(),
        new OptimizedTheta(),
        new Croston(null),
        new Sba(0.1),
        new Tsb(null, null));
  }

  static Stream<ModelSpec> specs() {
    return allSpecs().stream();
  }

  private static boolean multiplicative(ModelSpec s) {
    return s instanceof HoltWintersMultiplicative;
  }

  private static boolean intermittent(ModelSpec s) {
    return s instanceof Croston || s instanceof Sba || s instanceof Tsb;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("specs")
  void constantSeries_forecastsTheConstant(ModelSpec spec) {
    double[] y = new double[24];
    Arrays.fill(y, 5);
    double[] f = spec.fit(y, 4).forecast(8);
    double expected = spec instanceof Sba ? 5 * (1 - 0.1 / 2) : 5;
    for (double v : f) {
      assertThat(v).isCloseTo(expected, Offset.offset(1e-6));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("specs")
  void allZeroSeries_forecastsZero_orMultiplicativeRefusesWithReason(ModelSpec spec) {
    double[] y = new double[24];
    if (multiplicative(spec)) {
      assertThatThrownBy(() -> spec.fit(y, 4))
          .isInstanceOf(ModelFitException.class)
          .hasMessageContaining("strictly positive");
      return;
    }
    for (double v : spec.fit(y, 4).forecast(6)) {
      assertThat(v).isCloseTo(0, Offset.offset(1e-9));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("specs")
  void negativeValues_workForAdditiveModels_andAreRefusedByMultiplicativeAndDemandModels(
      ModelSpec spec) {
    double[] y = IntStream.range(0, 24).mapToDouble(t -> Math.sin(t) * 10 - 3).toArray();
    if (multiplicative(spec) || intermittent(spec)) {
      assertThatThrownBy(() -> spec.fit(y, 4))
          .isInstanceOf(ModelFitException.class)
          .hasMessageContaining(multiplicative(spec) ? "strictly positive" : "non-negative");
      return;
    }
    assertFinite(spec.fit(y, 4), 8);
  }

  @Test
  void seasonalModels_refuseSeriesShorterThanTwoSeasons() {
    double[] y = IntStream.range(0, 23).mapToDouble(t -> 10 + t % 12).toArray();
    for (ModelSpec spec :
        List.of(
            new HoltWintersAdditive(null, null, null),
            new HoltWintersMultiplicative(0.2, 0.1, 0.1))) {
      assertThatThrownBy(() -> spec.fit(y, 12))
          .isInstanceOf(ModelFitException.class)
          .hasMessageContaining("two full seasons")
          .hasMessageContaining("23");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("specs")
  void singleObservation_forecastsIt_orRefusesWithReason(ModelSpec spec) {
    double[] y = {7};
    boolean needsMore =
        spec instanceof Holt
            || spec instanceof DampedHolt
            || spec instanceof HoltWintersAdditive
            || multiplicative(spec);
    if (needsMore) {
      assertThatThrownBy(() -> spec.fit(y, 1)).isInstanceOf(ModelFitException.class);
      return;
    }
    FittedModel fit = spec.fit(y, 1);
    double expected = spec instanceof Sba ? 7 * (1 - 0.1 / 2) : 7;
    assertThat(fit.forecast(1)).containsExactly(expected);
    assertFinite(fit, 3);
  }

  static Stream<Object[]> randomSeries() {
    Random rnd = new Random(20240611L);
    return IntStream.range(0, 40)
        .mapToObj(i -> {
          int period = new int[] {1, 4, 12}[i % 3];
          int n = 1 + rnd.nextInt(60);
          double scale = Math.pow(10, rnd.nextInt(7) - 2);
          double[] y = new double[n];
          for (int t = 0; t < n; t++) {
            y[t] =
                rnd.nextDouble() < 0.3 && i % 2 == 0
                    ? 0
                    : scale * (5 + Math.sin(2 * Math.PI * t / period) + rnd.nextGaussian());
          }
          return new Object[] {i, period, y};
        });
  }

  @ParameterizedTest(name = "series {0}, period {1}")
  @MethodSource("randomSeries")
  void randomSeries_everyModelForecastsFiniteValues_orRefusesWithModelFitException(
      int index, int period, double[] y) {
    for (ModelSpec spec : allSpecs()) {
      FittedModel fit;
      try {
        fit = spec.fit(y, period);
      } catch (ModelFitException e) {
        assertThat(e).hasMessageStartingWith(spec.name() + ": ");
        continue;
      }
      assertThat(fit.spec().name()).isEqualTo(spec.name());
      assertFinite(fit, 1);
      assertFinite(fit, 2 * Math.max(1, period) + 1);
    }
  }

  private static void assertFinite(FittedModel fit, int horizon) {
    double[] f = fit.forecast(horizon);
    assertThat(f).hasSize(horizon);
    assertThat(Arrays.stream(f).allMatch(Double::isFinite))
        .as("%s forecasts finite", fit.spec())
        .isTrue();
    Optional<PredictionInterval> pi = fit.interval(horizon, 0.8);
    pi.ifPresent(p -> {
      for (int h = 0; h < horizon; h++) {
        assertThat(p.lower()[h]).isFinite().isLessThanOrEqualTo(f[h]);
        assertThat(p.upper()[h]).isFinite().isGreaterThanOrEqualTo(f[h]);
      }
    });
  }
}
