package io.gridcast.forecast.series;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FrequencyInferenceTest {

  private static TimeAxisOptions freq(String name) {
    return TimeAxisOptions.DEFAULT.withFrequency(FrequencyChoice.parse(name));
  }

  @ParameterizedTest(name = "{0} -> {3}")
  @CsvSource(
      delimiter = '|',
      value = {
        "2024-01-31 23:30|2024-01-31 23:45|2024-02-01 00:00|15min|2024-02-01 00:15",
        "2024-01-01T00:00|2024-01-01T01:00|2024-01-01T02:00|h|2024-01-01T03:00",
        "2024-01-01T00:00Z|2024-01-01T02:00Z|2024-01-01T04:00Z|2h|2024-01-01T06:00Z",
        "2024-02-27|2024-02-28|2024-02-29|D|2024-03-01",
        "2024-01-04|2024-01-05|2024-01-08|B|2024-01-09",
        "2024-01-03|2024-01-10|2024-01-17|W-WED|2024-01-24",
        "2024-01-07|2024-01-14|2024-01-21|W-SUN|2024-01-28",
        "2023-12-01|2024-01-01|2024-02-01|MS|2024-03-01",
        "2023-12-31|2024-01-31|2024-02-29|ME|2024-03-31",
        "2023-12-15|2024-01-15|2024-02-15|M-15|2024-03-15",
        "2024-01-30|2024-02-29|2024-03-30|M-30|2024-04-30",
        "2023-07-01|2023-10-01|2024-01-01|QS|2024-04-01",
        "2023-09-30|2023-12-31|2024-03-31|QE|2024-06-30",
        "2023-08-01|2023-11-01|2024-02-01|QS-FEB|2024-05-01",
        "2021-01-01|2022-01-01|2023-01-01|YS|2024-01-01",
        "2021-12-31|2022-12-31|2023-12-31|YE|2024-12-31",
        "2021-06-30|2022-06-30|2023-06-30|YE-JUN|2024-06-30",
      })
  void frequency_isInferredWithItsAnchor_andTheCalendarContinues(
      String d1, String d2, String d3, String name, String next) {
    Series s = Csv.one(d1, d2, d3);
    assertThat(s.axis().frequency().name()).isEqualTo(name);
    assertThat(s.forecastLabel(1)).isEqualTo(next);
    assertThat(s.filled()).isZero();
  }

  @Test
  void monthEndHistory_fromFebruary28_isForecastOnMonthEnds() {
    String[] stamps = new String[30];
    LocalDate d = LocalDate.parse("2022-02-28");
    for (int i = 0; i < stamps.length; i++) {
      LocalDate m = d.withDayOfMonth(1).plusMonths(i);
      stamps[i] = m.withDayOfMonth(m.lengthOfMonth()).toString();
    }
    Series s = Csv.one(stamps);
    assertThat(stamps[29]).isEqualTo("2024-07-31");
    assertThat(s.axis().frequency()).isEqualTo(Frequency.MONTH_END);
    assertThat(s.forecastLabel(1)).isEqualTo("2024-08-31");
    assertThat(s.forecastLabel(2)).isEqualTo("2024-09-30");
    assertThat(s.forecastLabel(7)).isEqualTo("2025-02-28");
    assertThat(s.seasonalPeriods()).containsExactly(12);
  }

  @Test
  void weekdaysWithoutAWeekendCrossed_areDaily_andWithWeekendsPresentAreDaily() {
    assertThat(Csv.one("2024-01-01", "2024-01-02", "2024-01-03").axis().frequency())
        .isEqualTo(Frequency.DAILY);
    assertThat(Csv.one("2024-01-05", "2024-01-06", "2024-01-07").axis().frequency())
        .isEqualTo(Frequency.DAILY);
  }

  @Test
  void businessDays_areForecastOnWeekdaysOnly() {
    Series s = Csv.one("2024-01-03", "2024-01-04", "2024-01-05", "2024-01-08");
    assertThat(s.axis().frequency()).isEqualTo(Frequency.BUSINESS_DAILY);
    assertThat(s.values()).containsExactly(1, 2, 3, 4);
    assertThat(s.forecastLabel(1)).isEqualTo("2024-01-09");
    assertThat(s.forecastLabel(4)).isEqualTo("2024-01-12");
    assertThat(s.forecastLabel(5)).isEqualTo("2024-01-15");
  }

  @Test
  void explicitFrequency_winsOverInference() {
    assertThatThrownBy(
            () -> Csv.one(freq("D"), "2024-01-03", "2024-01-04", "2024-01-05", "2024-01-08"))
        .hasMessageContaining("misses 2 values (2024-01-06, 2024-01-07)");
    Series daily =
        Csv.one(
            freq("D").withFill(Fill.ZERO), "2024-01-03", "2024-01-04", "2024-01-05", "2024-01-08");
    assertThat(daily.axis().frequency()).isEqualTo(Frequency.DAILY);
    assertThat(daily.values()).containsExactly(1, 2, 3, 0, 0, 4);
    assertThat(daily.filled()).isEqualTo(2);
  }

  @Test
  void explicitFrequencyContradictedByAStamp_isRefused_namingTheStamp() {
    assertThatThrownBy(() -> Csv.one(freq("ME"), "2024-01-31", "2024-02-29", "2024-03-15"))
        .isInstanceOfSatisfying(
            CsvFormatException.class,
            e -> {
              assertThat(e.line()).isEqualTo(4);
              assertThat(e.column()).isEqualTo("ds");
              assertThat(e.seriesId()).contains("a");
              assertThat(e.stamp()).contains("2024-03-15");
              assertThat(e.problem())
                  .isEqualTo(
                      "series 'a': ds '2024-03-15' is not on the ME grid (month ends) starting at"
                          + " 2024-01-31");
            });
    assertThatThrownBy(() -> Csv.one(freq("MS"), "2024-01-31", "2024-02-29"))
        .hasMessage(
            "line 2, column ds: series 'a': ds '2024-01-31' is not on the MS grid (month starts)");
    assertThatThrownBy(() -> Csv.one(freq("QE"), "2024-02-29", "2024-05-31"))
        .hasMessageContaining("quarter ends (Mar, Jun, Sep, Dec, last day)");
    assertThatThrownBy(() -> Csv.one(freq("h"), "2024-01-01", "2024-01-02"))
        .hasMessageContaining("frequency h needs date-times, not the date '2024-01-01'");
    assertThatThrownBy(() -> Csv.one(freq("index"), "2024-01-01", "2024-01-02"))
        .hasMessageContaining("frequency index needs integer stamps");
  }

  @Test
  void familyNames_takeTheirAnchorFromTheData() {
    assertThat(Csv.one(freq("monthly"), "2024-01-31", "2024-02-29").axis().frequency())
        .isEqualTo(Frequency.MONTH_END);
    assertThat(Csv.one(freq("monthly"), "2024-01-01", "2024-02-01").axis().frequency())
        .isEqualTo(Frequency.MONTH_START);
    assertThat(Csv.one(freq("weekly"), "2024-01-02").axis().frequency().name()).isEqualTo("W-TUE");
    assertThat(Csv.one(freq("quarterly"), "2024-03-31").axis().frequency())
        .isEqualTo(Frequency.QUARTER_END);
  }

  @Test
  void integerIndex_withAnExplicitFrequency_takesItsSeasonality() {
    String[] stamps = new String[400];
    for (int i = 0; i < stamps.length; i++) {
      stamps[i] = Integer.toString(i + 1);
    }
    Series s = Csv.one(freq("h"), stamps);
    assertThat(s.axis()).isEqualTo(new TimeAxis.Index(1, Frequency.HOURLY));
    assertThat(s.seasonalPeriods()).containsExactly(24, 168);
    assertThat(s.period()).isEqualTo(24);
    assertThat(s.forecastLabel(1)).isEqualTo("401");
  }

  @Test
  void stampsThatFitNoFrequency_areRefused() {
    assertThatThrownBy(() -> Csv.one("2024-01-01", "2024-01-03"))
        .hasMessageContaining("cannot infer a frequency from a gap of 2 days");
    assertThatThrownBy(() -> Csv.one("2024-01-01 00:00:00", "2024-01-01 00:00:30"))
        .hasMessageContaining("sub-daily steps are whole minutes");
    assertThatThrownBy(() -> Csv.one("2024-01-15", "2024-02-20", "2024-03-20"))
        .hasMessageContaining(
            "line 2, column ds: series 'a': ds '2024-01-15' is on day 15 while other monthly"
                + " stamps are on day 20")
        .hasMessageContaining("M-<day>");
    assertThatThrownBy(() -> Csv.one("2024-01-15", "2024-04-15"))
        .hasMessageContaining("is neither the first nor the last day of a month");
  }

  @Test
  void singleStampSeries_withoutAnyOtherToInferFrom_isRefused() {
    assertThatThrownBy(() -> Csv.one("2024-01-01"))
        .hasMessageContaining("only stamp of its series")
        .hasMessageContaining("set the frequency");
    assertThat(Csv.one(freq("MS"), "2024-01-01").forecastLabel(1)).isEqualTo("2024-02-01");
  }

  @Test
  void singleStampSeries_anchorsTheFilesFrequencyFamilyOnItsStamp() {
    Series b =
        Csv.read(
                "unique_id,ds,y\na,2024-01-31,1\na,2024-02-29,2\nb,2024-05-01,3\n",
                TimeAxisOptions.DEFAULT)
            .get(1);
    assertThat(b.axis().frequency()).isEqualTo(Frequency.MONTH_START);
    assertThat(b.forecastLabel(1)).isEqualTo("2024-06-01");
  }
}
