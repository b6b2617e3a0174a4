package io.gridcast.forecast.series;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SeriesTest {

  @Test
  void valuesAreCopiedInAndOut() {
    double[] v = {1, 2};
    Series s = Series.of("a", 1, v);
    v[0] = 99;
    s.values()[1] = 99;
    assertThat(s.values()).containsExactly(1, 2);
  }

  @Test
  void seasonalPeriods_defaultToThePeriod_andMayBeSeveralAndFractional() {
    assertThat(Series.of("a", 12, 1, 2).seasonalPeriods()).containsExactly(12);
    assertThat(Series.of("a", 1, 1, 2).seasonalPeriods()).isEmpty();
    Series daily = Series.of("d", 7, 1, 2).withSeasonalPeriods(7, 365.25);
    assertThat(daily.seasonalPeriods()).containsExactly(7, 365.25);
    assertThat(daily.period()).isEqualTo(7);
  }

  @Test
  void seasonalPeriods_notAscendingOrNotAboveOne_areRejected() {
    assertThatThrownBy(() -> Series.of("a", 24, 1, 2).withSeasonalPeriods(168, 24))
        .isInstanceOf(InvalidSeriesException.class)
        .hasMessageContaining("ascending");
    assertThatThrownBy(() -> Series.of("a", 1, 1, 2).withSeasonalPeriods(1))
        .isInstanceOf(InvalidSeriesException.class);
  }

  @Test
  void nonFiniteValue_isRejectedWithPosition() {
    assertThatThrownBy(() -> Series.of("a", 1, 1, Double.NaN))
        .isInstanceOf(InvalidSeriesException.class)
        .hasMessageContaining("position 1");
  }

  @Test
  void interpolation_isLinearBetweenNeighbours() {
    double[] y = {0, Double.NaN, Double.NaN, 3, Double.NaN, 5};
    assertThat(MissingValues.interpolate(y)).isEqualTo(3);
    assertThat(y).containsExactly(0, 1, 2, 3, 4, 5);
  }

  @Test
  void onAxis_keepsThePeriodsThatFitTwice_andThePeriodIsTheSmallestRounded() {
    TimeAxis axis = new TimeAxis.Index(1, Frequency.HOURLY);
    double[] periods = Frequency.HOURLY.seasonalPeriods();
    assertThat(Series.onAxis("a", new double[47], axis, 0, periods).seasonalPeriods()).isEmpty();
    assertThat(Series.onAxis("a", new double[47], axis, 0, periods).period()).isEqualTo(1);
    assertThat(Series.onAxis("a", new double[48], axis, 0, periods).seasonalPeriods())
        .containsExactly(24);
    Series both = Series.onAxis("a", new double[336], axis, 0, periods);
    assertThat(both.seasonalPeriods()).containsExactly(24, 168);
    assertThat(both.period()).isEqualTo(24);
    Series weekly = Series.onAxis("w", new double[120], axis, 0, new double[] {365.25 / 7});
    assertThat(weekly.period()).isEqualTo(52);
  }

  @Test
  void fillModes_fillInside_andCountWhatTheyFilled() {
    double[] zero = {1, Double.NaN, Double.NaN, 4};
    assertThat(MissingValues.fill(zero, Fill.ZERO)).isEqualTo(2);
    assertThat(zero).containsExactly(1, 0, 0, 4);
    double[] previous = {1, Double.NaN, Double.NaN, 4};
    assertThat(MissingValues.fill(previous, Fill.PREVIOUS)).isEqualTo(2);
    assertThat(previous).containsExactly(1, 1, 1, 4);
    assertThatThrownBy(() -> MissingValues.fill(new double[] {1, Double.NaN, 3}, Fill.NONE))
        .isInstanceOf(InvalidSeriesException.class)
        .hasMessageContaining("1 missing");
    assertThatThrownBy(() -> MissingValues.fill(new double[] {Double.NaN, 3}, Fill.PREVIOUS))
        .isInstanceOf(InvalidSeriesException.class)
        .hasMessageContaining("first or last");
  }
}
