package io.gridcast.forecast.series;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TimestampReadingTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "2024-01-01 00:00:00|2024-01-01 01:00:00|2024-01-01 02:00:00",
        "2024-01-01T00:00:00|2024-01-01T01:00:00|2024-01-01T02:00:00",
        "2024-01-01T00:00|2024-01-01T01:00|2024-01-01T02:00",
        "2024-01-01 00:00|2024-01-01 01:00|2024-01-01 02:00",
        "2024-01-01 00:00:00.000|2024-01-01 01:00:00.000|2024-01-01 02:00:00.000",
        "2024-01-01T00:00:00.000000000|2024-01-01T01:00:00.000000000|2024-01-01T02:00:00.000000000",
      })
  void localDateTimes_areWrittenBackAsTheyCame(String d0, String d1, String next) {
    Series s = Csv.one(d0, d1);
    assertThat(s.axis().frequency()).isEqualTo(Frequency.HOURLY);
    assertThat(s.axis().label(0)).isEqualTo(d0);
    assertThat(s.axis().label(1)).isEqualTo(d1);
    assertThat(s.forecastLabel(1)).isEqualTo(next);
  }

  @Test
  void labels_takeTheFinestPrecisionSeen() {
    Series s = Csv.one("2024-01-01 00:00", "2024-01-01 00:15:00.000", "2024-01-01 00:30");
    assertThat(s.axis().label(0)).isEqualTo("2024-01-01 00:00:00.000");
    assertThat(s.forecastLabel(1)).isEqualTo("2024-01-01 00:45:00.000");
  }

  @Test
  void offsets_areNormalisedToUtc_andWrittenWithZ() {
    Series s =
        Csv.one("2024-03-30T23:00:00+01:00", "2024-03-30T23:00:00Z", "2024-03-31T02:00:00+0200");
    assertThat(s.axis())
        .isEqualTo(
            new TimeAxis.DateTimes(
                LocalDateTime.parse("2024-03-30T22:00"),
                Frequency.HOURLY,
                new StampFormat.IsoDateTime('T', true, 0, true)));
    assertThat(s.values()).containsExactly(1, 2, 3);
    assertThat(s.axis().label(0)).isEqualTo("2024-03-30T22:00:00Z");
    assertThat(s.forecastLabel(1)).isEqualTo("2024-03-31T01:00:00Z");
    assertThat(Csv.one("2024-01-01 05:30-05", "2024-01-01 10:45Z").axis().label(0))
        .isEqualTo("2024-01-01 10:30Z");
  }

  @Test
  void theSameInstantWrittenTwice_isADuplicate() {
    assertThatThrownBy(() -> Csv.one("2024-01-01T10:00+01:00", "2024-01-01T09:00Z"))
        .isInstanceOfSatisfying(
            CsvFormatException.class,
            e -> {
              assertThat(e.line()).isEqualTo(3);
              assertThat(e.stamp()).contains("2024-01-01T09:00Z");
              assertThat(e.problem()).contains("duplicate ds '2024-01-01T09:00Z' in series 'a'");
            });
  }

  @Test
  void localAndUtcStamps_inOneSeries_areRefusedAsMixedKinds() {
    assertThatThrownBy(() -> Csv.one("2024-01-01T00:00", "2024-01-01T01:00Z"))
        .hasMessageContaining(
            "'2024-01-01T01:00Z' is a date-time with Z or an offset but earlier rows were a"
                + " date-time without offset");
  }

  @ParameterizedTest
  @ValueSource(strings = {"31/01/2024", "1/31/24", "2024/01/31", "Jan 31 2024", "2024-1-31"})
  void otherForms_areRefused_namingTheAcceptedOnes(String ds) {
    assertThatThrownBy(() -> Csv.one(ds))
        .isInstanceOfSatisfying(
            CsvFormatException.class,
            e -> {
              assertThat(e.line()).isEqualTo(2);
              assertThat(e.column()).isEqualTo("ds");
              assertThat(e.problem())
                  .startsWith("bad ds '" + ds + "'; accepted: an ISO date (2024-01-31)")
                  .contains("an ISO date-time (2024-01-31T13:45, 2024-01-31 13:45:00")
                  .contains("an integer index")
                  .contains("date_format");
            });
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "2023-02-29|bad date '2023-02-29': day 29 is not in that month",
        "2024-00-10|bad date '2024-00-10': month 0 is not 1 to 12",
        "2024-01-01T24:00|the time of day is not 00:00 to 23:59:59",
        "2024-01-01T10:00:00.1234567|finer than a microsecond",
        "2024-01-01T10:00+25:00|bad ds '2024-01-01T10:00+25:00'",
        "2024-01-01T10:00:00 UTC|bad ds '2024-01-01T10:00:00 UTC'",
      })
  void badIsoStamps_areRefused(String ds, String problem) {
    assertThatThrownBy(() -> Csv.one(ds)).hasMessageContaining(problem);
  }

  @Test
  void dateFormat_readsTheCallersPattern_andWritesLabelsInIt() {
    TimeAxisOptions dmy = TimeAxisOptions.DEFAULT.withDateFormat("dd/MM/yyyy");
    Series s = Csv.one(dmy, "31/01/2024", "29/02/2024", "31/03/2024");
    assertThat(s.axis().frequency()).isEqualTo(Frequency.MONTH_END);
    assertThat(s.forecastLabel(1)).isEqualTo("30/04/2024");
    TimeAxisOptions us = TimeAxisOptions.DEFAULT.withDateFormat("M/d/yy HH:mm");
    Series h = Csv.one(us, "1/31/24 23:00", "2/1/24 00:00");
    assertThat(h.axis().frequency()).isEqualTo(Frequency.HOURLY);
    assertThat(h.forecastLabel(1)).isEqualTo("2/1/24 01:00");
    TimeAxisOptions monthOnly = TimeAxisOptions.DEFAULT.withDateFormat("yyyy-MM");
    assertThat(Csv.one(monthOnly, "2024-01", "2024-02").forecastLabel(1)).isEqualTo("2024-03");
  }

  @Test
  void dateFormat_withAnOffset_normalisesToUtc() {
    TimeAxisOptions o = TimeAxisOptions.DEFAULT.withDateFormat("dd.MM.yyyy HH:mm XXX");
    Series s = Csv.one(o, "01.01.2024 10:00 +01:00", "01.01.2024 11:00 +01:00");
    assertThat(s.axis().label(0)).isEqualTo("2024-01-01T09:00Z");
  }

  @Test
  void dateFormat_refusesTextThatDoesNotMatch_andImpossibleDates() {
    TimeAxisOptions dmy = TimeAxisOptions.DEFAULT.withDateFormat("dd/MM/yyyy");
    assertThatThrownBy(() -> Csv.one(dmy, "2024-01-31"))
        .hasMessageContaining("bad ds '2024-01-31': does not match date_format 'dd/MM/yyyy'");
    assertThatThrownBy(() -> Csv.one(dmy, "31/02/2024"))
        .hasMessageContaining("does not match date_format");
  }

  @Test
  void badDateFormats_areRefusedNamingTheOption() {
    assertThatThrownBy(() -> TimeAxisOptions.DEFAULT.withDateFormat("dd/MM/yyyy qqqqqq"))
        .isInstanceOfSatisfying(
            InvalidSeriesOptionException.class,
            e -> assertThat(e.option()).isEqualTo("date_format"));
    assertThatThrownBy(() -> TimeAxisOptions.DEFAULT.withDateFormat("dd/MM"))
        .hasMessageContaining("has no year");
  }

  @Test
  void integerStamps_mayBeNegative_butNotFractional() {
    assertThat(Csv.one("-1", "0", "1").forecastLabel(1)).isEqualTo("2");
    assertThatThrownBy(() -> Csv.one("1.5")).hasMessageContaining("bad ds '1.5'");
  }
}
