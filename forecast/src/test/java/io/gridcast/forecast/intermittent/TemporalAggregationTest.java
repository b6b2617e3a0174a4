package io.gridcast.forecast.intermittent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * ADIDA and IMAPA with statsforecast's definitions, checked by hand: the mean inter-demand
 * interval, the buckets, and SES of the bucket sums with the least-squares alpha in [0.1, 0.3].
 */
class TemporalAggregationTest {
  // non-zero at 1-based positions 3, 7, 9, 12: intervals 3, 4, 2, 3, mean 3
  private static final double[] DEMAND = {0, 0, 3, 0, 0, 0, 5, 0, 2, 0, 0, 4};

  @Test
  void meanInterval_countsTheFirstIntervalFromPeriodZero() {
    assertThat(TemporalAggregation.meanInterval(DEMAND, DEMAND.length)).isEqualTo(3.0);
    assertThat(TemporalAggregation.meanInterval(new double[] {0, 0}, 2)).isNaN();
    assertThat(TemporalAggregation.level(2.5)).isEqualTo(2); // half to even, as Python's round
    assertThat(TemporalAggregation.level(3.5)).isEqualTo(4);
  }

  @Test
  void bucketSums_dropTheOldestRemainder() {
    assertThat(TemporalAggregation.bucketSums(DEMAND, 12, 3)).containsExactly(3, 0, 7, 4);
    assertThat(TemporalAggregation.bucketSums(DEMAND, 12, 5)).containsExactly(8, 6);
  }

  @Test
  void adida_forecastsTheSesOfTheBucketSums_spreadOverTheBucket() {
    // sums (3, 0, 7, 4); SSE(a) = 9 + (4 + 3a)^2 + (1 - a - 3a^2)^2 rises on [0.1, 0.3], so a =
    // 0.1: levels 3, 3, 3 - 3a = 2.7, 3 + a + 3a^2 = 3.13; forecast (0.1 * 4 + 0.9 * 3.13) / 3
    double expected = (0.1 * 4 + 0.9 * 3.13) / 3;
    double[] f = new Adida(null).fit(DEMAND, 1).forecast(3);
    assertThat(f).hasSize(3);
    for (double v : f) {
      assertThat(v).isCloseTo(expected, within(1e-9));
    }
    assertThat(new Adida(null).fit(DEMAND, 1).spec().parameters()).containsEntry("level", 3.0);
  }

  @Test
  void imapa_averagesTheAdidaForecastsOfLevelsOneToTheMeanInterval() {
    double expected = 0;
    for (int k = 1; k <= 3; k++) {
      expected += gridSes(TemporalAggregation.bucketSums(DEMAND, 12, k)) / k;
    }
    expected /= 3;
    assertThat(new Imapa(null).fit(DEMAND, 1).forecast(1)[0]).isCloseTo(expected, within(1e-6));
  }

  @Test
  void adida_fittedValues_areTheBucketModelsForecastsOfEachBucket_spread() {
    // as above, a = 0.1 and the SES forecasts of buckets 1..3 are 3, 2.7, 3.13
    double[] got = new Adida(null).fit(DEMAND, 1).fittedValues().orElseThrow();
    assertThat(got).hasSize(12);
    for (int t = 0; t < 3; t++) {
      assertThat(got[t]).as("first bucket, t=%d", t).isNaN();
    }
    double[] bucket = {Double.NaN, 1.0, 0.9, 3.13 / 3};
    for (int t = 3; t < 12; t++) {
      assertThat(got[t]).as("t=%d", t).isCloseTo(bucket[t / 3], within(1e-9));
    }
  }

  @Test
  void adida_fittedValues_areNaNOverTheDroppedValues() {
    double[] got = new Adida(5).fit(DEMAND, 1).fittedValues().orElseThrow();
    // 12 = 2 dropped + buckets (2..6), (7..11): only the second bucket has a forecast, 8 / 5
    for (int t = 0; t < 7; t++) {
      assertThat(got[t]).as("t=%d", t).isNaN();
    }
    for (int t = 7; t < 12; t++) {
      assertThat(got[t]).as("t=%d", t).isCloseTo(8.0 / 5, within(1e-12));
    }
  }

  @Test
  void imapa_fittedValues_averageTheLevels_NaNUntilTheLargestLevelHasOne() {
    double[] got = new Imapa(null).fit(DEMAND, 1).fittedValues().orElseThrow();
    double[][] levels = {
      new Adida(1).fit(DEMAND, 1).fittedValues().orElseThrow(),
      new Adida(2).fit(DEMAND, 1).fittedValues().orElseThrow(),
      new Adida(3).fit(DEMAND, 1).fittedValues().orElseThrow()
    };
    for (int t = 0; t < 12; t++) {
      double want = (levels[0][t] + levels[1][t] + levels[2][t]) / 3;
      if (t < 3) {
        assertThat(got[t]).as("t=%d", t).isNaN();
      } else {
        assertThat(got[t]).as("t=%d", t).isCloseTo(want, within(1e-12));
      }
    }
  }

  @Test
  void fittedValues_ofTheDegenerateCases_areZeroOrTheLastValue() {
    assertThat(new Adida(null).fit(new double[4], 1).fittedValues().orElseThrow())
        .containsExactly(0, 0, 0, 0);
    assertThat(new Adida(5).fit(new double[] {0, 0, 7}, 1).fittedValues().orElseThrow())
        .containsExactly(Double.NaN, 0, 0);
  }

  @Test
  void allZeroHistory_forecastsZero() {
    double[] zeros = new double[10];
    assertThat(new Adida(null).fit(zeros, 1).forecast(2)).containsExactly(0, 0);
    assertThat(new Imapa(null).fit(zeros, 1).forecast(2)).containsExactly(0, 0);
  }

  @Test
  void historyShorterThanABucket_forecastsTheLastValue() {
    assertThat(new Adida(5).fit(new double[] {0, 2, 0}, 1).forecast(1)).containsExactly(0.0);
    assertThat(new Adida(5).fit(new double[] {0, 0, 7}, 1).forecast(1)).containsExactly(7.0);
  }

  /** SES one-step forecast with the alpha of least SSE on a fine grid over [0.1, 0.3]. */
  private static double gridSes(double[] x) {
    double best = Double.POSITIVE_INFINITY;
    double forecast = Double.NaN;
    for (int i = 0; i <= 200_000; i++) {
      double a = 0.1 + 0.2 * i / 200_000;
      double level = x[0];
      double sse = 0;
      for (int t = 1; t < x.length; t++) {
        level = a * x[t - 1] + (1 - a) * level;
        sse += (x[t] - level) * (x[t] - level);
      }
      if (sse < best) {
        best = sse;
        forecast = x.length == 1 ? x[0] : a * x[x.length - 1] + (1 - a) * level;
      }
    }
    return forecast;
  }
}
