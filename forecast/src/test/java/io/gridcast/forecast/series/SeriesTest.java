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
  void frequencyNames_parse_andUnknownOnesListTheKnown() {
    assertThat(Frequency.parse("Monthly")).isEqualTo(Frequency.MONTHLY);
    assertThat(Frequency.parse("h").period()).isEqualTo(24);
    assertThatThrownBy(() -> Frequency.parse("fortnightly"))
        .isInstanceOf(UnknownFrequencyException.class)
        .hasMessageContaining("weekly");
  }
}
