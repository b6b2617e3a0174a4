package io.gridcast.forecast.series;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class TimeAxisOptionsTest {

  private static String[] hours(int n) {
    String[] s = new String[n];
    for (int i = 0; i < n; i++) {
      s[i] = String.format("2024-01-%02d %02d:00", 1 + i / 24, i % 24);
    }
    return s;
  }

  @Test
  void parse_readsEveryOption_andBlankMeansDefault() {
    TimeAxisOptions o = TimeAxisOptions.parse("ME", "linear", "12, 6", "dd/MM/yyyy");
    assertThat(o.frequency()).isEqualTo(new FrequencyChoice.Exactly(Frequency.MONTH_END));
    assertThat(o.fill()).isEqualTo(Fill.LINEAR);
    assertThat(o.seasonality()).containsExactly(6, 12);
    assertThat(o.dateFormat()).isEqualTo("dd/MM/yyyy");
    assertThat(TimeAxisOptions.parse(null, "", " ", null)).isEqualTo(TimeAxisOptions.DEFAULT);
    assertThat(TimeAxisOptions.parse(null, null, "none", null).seasonality()).isEmpty();
  }

  @Test
  void badOptions_areRefusedNamingTheOption() {
    assertThatThrownBy(() -> TimeAxisOptions.parse("fortnightly", null, null, null))
        .isInstanceOfSatisfying(
            InvalidSeriesOptionException.class, e -> assertThat(e.option()).isEqualTo("frequency"));
    assertThatThrownBy(() -> TimeAxisOptions.parse(null, null, "24,x", null))
        .isInstanceOfSatisfying(
            InvalidSeriesOptionException.class,
            e -> assertThat(e.option()).isEqualTo("seasonality"))
        .hasMessageContaining("'x' is not a number");
    assertThatThrownBy(() -> TimeAxisOptions.parse(null, null, "1,24", null))
        .hasMessageContaining("finite and > 1");
    assertThatThrownBy(() -> TimeAxisOptions.parse(null, null, "24,24", null))
        .hasMessageContaining("given twice");
  }

  @Test
  void seasonalPeriods_areTheFrequencysThatFitTwice() {
    Series day = Csv.one(hours(100));
    assertThat(day.axis().frequency()).isEqualTo(Frequency.HOURLY);
    assertThat(day.seasonalPeriods()).containsExactly(24);
    assertThat(day.period()).isEqualTo(24);
    Series week = Csv.one(hours(336));
    assertThat(week.seasonalPeriods()).containsExactly(24, 168);
    assertThat(week.period()).isEqualTo(24);
    Series tooShort = Csv.one(hours(47));
    assertThat(tooShort.seasonalPeriods()).isEmpty();
    assertThat(tooShort.period()).isEqualTo(1);
  }

  @Test
  void aSeasonalityOverride_replacesTheFrequencysPeriods() {
    Series s = Csv.one(TimeAxisOptions.parse(null, null, "12,168", null), hours(336));
    assertThat(s.seasonalPeriods()).containsExactly(12, 168);
    assertThat(s.period()).isEqualTo(12);
    Series none = Csv.one(TimeAxisOptions.parse(null, null, "none", null), hours(336));
    assertThat(none.seasonalPeriods()).isEmpty();
    assertThat(none.period()).isEqualTo(1);
  }

  @Test
  void restore_rebuildsAStoredAxis_fromItsFrequencyAndStart() {
    assertThat(TimeAxis.restore("MS", "2030-01-01"))
        .isEqualTo(new TimeAxis.Dates(LocalDate.parse("2030-01-01"), Frequency.MONTH_START));
    assertThat(TimeAxis.restore("monthly", "2024-01-31").frequency())
        .isEqualTo(Frequency.MONTH_END);
    assertThat(TimeAxis.restore("hourly", "1000"))
        .isEqualTo(new TimeAxis.Index(1000, Frequency.HOURLY));
    assertThat(TimeAxis.restore("index", "1")).isEqualTo(new TimeAxis.Index(1, Frequency.INDEX));
    TimeAxis utc = TimeAxis.restore("15min", "2024-01-01T23:45:00Z");
    assertThat(utc.label(1)).isEqualTo("2024-01-02T00:00:00Z");
    assertThat(TimeAxis.restore("D", "31/01/2024", "dd/MM/yyyy").label(1)).isEqualTo("01/02/2024");
    assertThatThrownBy(() -> TimeAxis.restore("ME", "2024-01-15"))
        .isInstanceOf(InvalidSeriesException.class)
        .hasMessageContaining("'2024-01-15' is not on the ME grid");
  }
}
