package io.gridcast.forecast.series;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Month;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FrequencyTest {

  private static List<String> dates(Frequency f, String start, int n) {
    TimeAxis.Dates axis = new TimeAxis.Dates(LocalDate.parse(start), f);
    List<String> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(axis.label(i));
    }
    return out;
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "15min,15min",
    "15T,15min",
    "60min,h",
    "h,h",
    "H,h",
    "hourly,h",
    "2h,2h",
    "1min,1min",
    "min,1min",
    "D,D",
    "daily,D",
    "B,B",
    "W,W-SUN",
    "w-mon,W-MON",
    "W-WED,W-WED",
    "MS,MS",
    "ME,ME",
    "M,ME",
    "M-15,M-15",
    "M-1,MS",
    "M-31,ME",
    "QS,QS",
    "QS-APR,QS",
    "QS-FEB,QS-FEB",
    "QE,QE",
    "Q,QE",
    "QE-MAR,QE",
    "QE-NOV,QE-NOV",
    "YS,YS",
    "AS,YS",
    "YS-JUL,YS-JUL",
    "YE,YE",
    "A,YE",
    "YE-JUN,YE-JUN",
    "index,index"
  })
  void names_parseToTheirCanonicalPandasName(String name, String canonical) {
    assertThat(Frequency.parse(name).name()).isEqualTo(canonical);
    assertThat(Frequency.parse(canonical)).isEqualTo(Frequency.parse(name));
  }

  @Test
  void unknownNames_areRefused_listingTheKnownOnes() {
    assertThatThrownBy(() -> Frequency.parse("fortnightly"))
        .isInstanceOf(UnknownFrequencyException.class)
        .hasMessageContaining("unknown frequency 'fortnightly'")
        .hasMessageContaining("W-MON ... W-SUN")
        .hasMessageContaining("weekly");
    assertThatThrownBy(() -> Frequency.parse("24h")).hasMessageContaining("a day or more");
    assertThatThrownBy(() -> Frequency.parse("W-XYZ")).hasMessageContaining("W-MON, W-TUE");
    assertThatThrownBy(() -> Frequency.parse("QS-FOO")).hasMessageContaining("-JAN");
  }

  @Test
  void familyNames_leaveTheAnchorToTheData() {
    assertThat(FrequencyChoice.parse("monthly"))
        .isEqualTo(new FrequencyChoice.AnchoredByData(FrequencyChoice.Family.MONTH));
    assertThat(FrequencyChoice.parse(" Weekly "))
        .isEqualTo(new FrequencyChoice.AnchoredByData(FrequencyChoice.Family.WEEK));
    assertThat(FrequencyChoice.parse(null)).isEqualTo(FrequencyChoice.INFER);
    assertThat(FrequencyChoice.parse("auto")).isEqualTo(FrequencyChoice.INFER);
    assertThat(FrequencyChoice.parse("ME"))
        .isEqualTo(new FrequencyChoice.Exactly(Frequency.MONTH_END));
    assertThatThrownBy(() -> Frequency.parse("monthly"))
        .hasMessageContaining("leaves the anchor to the data");
  }

  @Test
  void seasonalPeriods_perFrequency() {
    assertThat(Frequency.parse("15min").seasonalPeriods()).containsExactly(96, 672);
    assertThat(Frequency.parse("h").seasonalPeriods()).containsExactly(24, 168);
    assertThat(Frequency.parse("30min").seasonalPeriods()).containsExactly(48, 336);
    assertThat(Frequency.parse("D").seasonalPeriods()).containsExactly(7, 365.25);
    assertThat(Frequency.parse("B").seasonalPeriods()).containsExactly(5);
    assertThat(Frequency.parse("W-MON").seasonalPeriods()[0]).isBetween(52.17, 52.19);
    assertThat(Frequency.parse("MS").seasonalPeriods()).containsExactly(12);
    assertThat(Frequency.parse("ME").seasonalPeriods()).containsExactly(12);
    assertThat(Frequency.parse("M-15").seasonalPeriods()).containsExactly(12);
    assertThat(Frequency.parse("QS").seasonalPeriods()).containsExactly(4);
    assertThat(Frequency.parse("QE").seasonalPeriods()).containsExactly(4);
    assertThat(Frequency.parse("YS").seasonalPeriods()).isEmpty();
    assertThat(Frequency.parse("YE").seasonalPeriods()).isEmpty();
    assertThat(Frequency.INDEX.seasonalPeriods()).isEmpty();
  }

  @Test
  void monthEnds_stayMonthEnds_acrossFebruaryAndLeapYears() {
    assertThat(dates(Frequency.MONTH_END, "2022-12-31", 4))
        .containsExactly("2022-12-31", "2023-01-31", "2023-02-28", "2023-03-31");
    assertThat(dates(Frequency.MONTH_END, "2024-01-31", 3))
        .containsExactly("2024-01-31", "2024-02-29", "2024-03-31");
    assertThat(dates(Frequency.MONTH_END, "2022-02-28", 30).subList(28, 30))
        .containsExactly("2024-06-30", "2024-07-31");
    assertThat(dates(Frequency.MONTH_END, "2099-11-30", 4))
        .containsExactly("2099-11-30", "2099-12-31", "2100-01-31", "2100-02-28");
  }

  @Test
  void monthlyOnADay_takesTheLastDayInShorterMonths_andReturnsToItsDay() {
    assertThat(dates(Frequency.parse("M-30"), "2024-01-30", 4))
        .containsExactly("2024-01-30", "2024-02-29", "2024-03-30", "2024-04-30");
    assertThat(dates(Frequency.parse("M-15"), "2024-11-15", 3))
        .containsExactly("2024-11-15", "2024-12-15", "2025-01-15");
  }

  @Test
  void quarterAndYearEnds_stayOnTheCalendar() {
    assertThat(dates(Frequency.QUARTER_END, "2023-09-30", 4))
        .containsExactly("2023-09-30", "2023-12-31", "2024-03-31", "2024-06-30");
    assertThat(dates(Frequency.QUARTER_START, "2023-10-01", 3))
        .containsExactly("2023-10-01", "2024-01-01", "2024-04-01");
    assertThat(dates(Frequency.parse("QE-NOV"), "2023-11-30", 3))
        .containsExactly("2023-11-30", "2024-02-29", "2024-05-31");
    assertThat(dates(Frequency.parse("YE-JUN"), "2023-06-30", 2))
        .containsExactly("2023-06-30", "2024-06-30");
    assertThat(dates(Frequency.YEAR_END, "2023-12-31", 2))
        .containsExactly("2023-12-31", "2024-12-31");
  }

  @Test
  void businessDays_skipWeekends_bothWays() {
    assertThat(dates(Frequency.BUSINESS_DAILY, "2024-01-04", 5))
        .containsExactly("2024-01-04", "2024-01-05", "2024-01-08", "2024-01-09", "2024-01-10");
    long fri = StampMath.key(LocalDate.parse("2024-01-05"));
    long mon = StampMath.key(LocalDate.parse("2024-01-08"));
    assertThat(Frequency.BUSINESS_DAILY.stepsBetween(fri, mon)).isEqualTo(1);
    assertThat(Frequency.BUSINESS_DAILY.stepsBetween(fri, mon - StampMath.MICROS_PER_DAY))
        .isEqualTo(-1); // Sunday
    assertThat(Frequency.BUSINESS_DAILY.plus(mon, -1)).isEqualTo(fri);
  }

  @Test
  void weekly_keepsItsWeekday_andRefusesAnotherAsStart() {
    assertThat(dates(new Frequency.Weeks(DayOfWeek.WEDNESDAY), "2024-02-28", 3))
        .containsExactly("2024-02-28", "2024-03-06", "2024-03-13");
    assertThatThrownBy(
            () -> new TimeAxis.Dates(LocalDate.parse("2024-02-29"), Frequency.parse("W-WED")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("weekly on Wednesday");
  }

  @Test
  void fifteenMinutes_crossMidnight_andUtcStaysUtc() {
    TimeAxis axis =
        new TimeAxis.DateTimes(
            LocalDateTime.parse("2024-03-31T23:30"),
            Frequency.parse("15min"),
            new StampFormat.IsoDateTime('T', true, 0, true));
    assertThat(List.of(axis.label(0), axis.label(1), axis.label(2), axis.label(3)))
        .containsExactly(
            "2024-03-31T23:30:00Z",
            "2024-03-31T23:45:00Z",
            "2024-04-01T00:00:00Z",
            "2024-04-01T00:15:00Z");
  }

  @Test
  void dailySteps_keepTheTimeOfDay() {
    TimeAxis axis =
        new TimeAxis.DateTimes(
            LocalDateTime.parse("2024-02-28T09:30"),
            Frequency.DAILY,
            new StampFormat.IsoDateTime(' ', false, 0, false));
    assertThat(axis.label(1)).isEqualTo("2024-02-29 09:30");
    assertThat(axis.label(2)).isEqualTo("2024-03-01 09:30");
  }

  @Test
  void stepsBetween_isThePlusInverse_andMinusOneOffTheGrid() {
    for (Frequency f :
        List.of(
            Frequency.parse("15min"),
            Frequency.HOURLY,
            Frequency.DAILY,
            Frequency.BUSINESS_DAILY,
            Frequency.parse("W-FRI"),
            Frequency.MONTH_END,
            Frequency.parse("M-30"),
            Frequency.QUARTER_START,
            Frequency.parse("YE-JUN"))) {
      long start = firstAnchor(f, StampMath.key(LocalDate.parse("2023-06-01")));
      for (long i : new long[] {0, 1, 2, 7, 13, 400}) {
        assertThat(f.stepsBetween(start, f.plus(start, i)))
            .as(f.name() + " step " + i)
            .isEqualTo(i);
      }
      long off = f.plus(start, 3) + StampMath.MICROS_PER_MINUTE * 7;
      assertThat(f.stepsBetween(start, off)).as(f.name()).isEqualTo(-1);
    }
  }

  private static long firstAnchor(Frequency f, long key) {
    while (!f.isAnchor(key)) {
      key += StampMath.MICROS_PER_DAY;
    }
    return key;
  }

  @Test
  void monthsNormaliseTheirAnchor_soEquivalentNamesAreEqual() {
    assertThat(new Frequency.Months(3, Month.OCTOBER, 1)).isEqualTo(Frequency.QUARTER_START);
    assertThat(new Frequency.Months(3, Month.JUNE, Frequency.Months.LAST))
        .isEqualTo(Frequency.QUARTER_END);
    assertThatThrownBy(() -> new Frequency.Months(3, Month.JANUARY, 15))
        .isInstanceOf(UnknownFrequencyException.class);
  }
}
