package io.gridcast.forecast.metric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class AccuracyTest {
  private static final double[] Y = {10, 20, 0, 40};
  private static final double[] F = {12, 15, 0, 50};

  @Test
  void maeRmseAndBias_followTheirDefinitions() {
    assertThat(Accuracy.mae(Y, F)).isCloseTo((2 + 5 + 0 + 10) / 4.0, within(1e-12));
    assertThat(Accuracy.rmse(Y, F)).isCloseTo(Math.sqrt((4 + 25 + 0 + 100) / 4.0), within(1e-12));
    assertThat(Accuracy.bias(Y, F)).isCloseTo((-2 + 5 + 0 - 10) / 4.0, within(1e-12));
  }

  @Test
  void mape_skipsZeroActuals() {
    assertThat(Accuracy.mape(Y, F)).isCloseTo((20 + 25 + 25) / 3.0, within(1e-12));
    assertThat(Accuracy.mape(new double[] {0, 0}, new double[] {1, 2})).isNaN();
  }

  @Test
  void smape_countsZeroOverZeroAsPerfect() {
    double expected = (200 * 2 / 22.0 + 200 * 5 / 35.0 + 0 + 200 * 10 / 90.0) / 4;
    assertThat(Accuracy.smape(Y, F)).isCloseTo(expected, within(1e-12));
    assertThat(Accuracy.smape(new double[] {0, 0}, new double[] {0, 0})).isZero();
  }

  @Test
  void mase_scalesBySeasonalNaiveInSampleError() {
    double[] train = {1, 2, 3, 5, 4, 6};
    // period 2: |3-1| + |5-2| + |4-3| + |6-5| = 7 over 4
    assertThat(Accuracy.maseScale(train, train.length, 2)).isCloseTo(7 / 4.0, within(1e-12));
    assertThat(Accuracy.mase(new double[] {7}, new double[] {6}, train, 2))
        .isCloseTo(1 / (7 / 4.0), within(1e-12));
    // too short for the period: lag 1
    assertThat(Accuracy.maseScale(train, 2, 12)).isCloseTo(1, within(1e-12));
  }

  @Test
  void owa_averagesRelativeSmapeAndMase() {
    assertThat(Accuracy.owa(10, 1, 20, 4)).isCloseTo(0.5 * (0.5 + 0.25), within(1e-12));
  }

  @Test
  void lengthMismatch_isRejectedWithBothLengths() {
    assertThatThrownBy(() -> Accuracy.mae(new double[2], new double[3]))
        .hasMessageContaining("2 vs 3");
  }

  @Test
  void parse_isCaseInsensitive_andListsKnownNamesOnError() {
    assertThat(Metric.parse("sMAPE")).isEqualTo(Metric.SMAPE);
    assertThatThrownBy(() -> Metric.parse("r2"))
        .isInstanceOf(Metric.UnknownMetricException.class)
        .hasMessageContaining("'r2'")
        .hasMessageContaining("mase");
  }
}
