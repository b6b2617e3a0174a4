package io.gridcast.forecast.covariate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.gridcast.forecast.series.Frequency;
import io.gridcast.forecast.series.Series;
import io.gridcast.forecast.series.TimeAxis;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;

class CalendarCovariatesTest {
  private static final LocalDate START = LocalDate.of(2024, 1, 1);
  private static final TimeAxis DAYS = new TimeAxis.Dates(START, Frequency.DAILY);

  private static Covariates holidays(String country, String region, int before, int after) {
    CalendarOptions o =
        CalendarOptions.builder().holidays(country, region).window(before, after).build();
    return CalendarCovariates.of(DAYS, new double[0], 366, o);
  }

  private static double at(Covariates x, String name, LocalDate day) {
    return x.column(x.names().indexOf(name))[(int) ChronoUnit.DAYS.between(START, day)];
  }

  @Test
  void usHolidays2024_markThanksgivingAndIndependenceDay_only() {
    Covariates x = holidays("US", null, 0, 0);
    assertThat(x.names()).containsExactly("holiday");
    assertThat(at(x, "holiday", LocalDate.of(2024, 11, 28))).isEqualTo(1);
    assertThat(at(x, "holiday", LocalDate.of(2024, 7, 4))).isEqualTo(1);
    assertThat(at(x, "holiday", LocalDate.of(2024, 11, 27))).isZero();
    assertThat(at(x, "holiday", LocalDate.of(2024, 3, 15))).isZero();
  }

  @Test
  void germanHolidays2024_markGermanUnityDay_andBavariaAddsEpiphany() {
    Covariates de = holidays("DE", null, 0, 0);
    assertThat(at(de, "holiday", LocalDate.of(2024, 10, 3))).isEqualTo(1);
    assertThat(at(de, "holiday", LocalDate.of(2024, 1, 6))).isZero();
    Covariates by = holidays("de", "by", 0, 0);
    assertThat(at(by, "holiday", LocalDate.of(2024, 1, 6))).isEqualTo(1);
    assertThat(at(by, "holiday", LocalDate.of(2024, 10, 3))).isEqualTo(1);
  }

  @Test
  void britishHolidays2024_markEasterMondayInEngland() {
    Covariates gb = holidays("GB", "eng", 0, 0);
    assertThat(at(gb, "holiday", LocalDate.of(2024, 4, 1))).isEqualTo(1);
    assertThat(at(gb, "holiday", LocalDate.of(2024, 12, 25))).isEqualTo(1);
    assertThat(at(gb, "holiday", LocalDate.of(2024, 4, 2))).isZero();
  }

  @Test
  void windows_markTheDaysBeforeAndAfterEachHoliday() {
    Covariates x = holidays("US", null, 2, 1);
    assertThat(x.names())
        .containsExactly("holiday", "holiday_before_1", "holiday_before_2", "holiday_after_1");
    LocalDate thanksgiving = LocalDate.of(2024, 11, 28);
    assertThat(at(x, "holiday_before_1", thanksgiving.minusDays(1))).isEqualTo(1);
    assertThat(at(x, "holiday_before_2", thanksgiving.minusDays(2))).isEqualTo(1);
    assertThat(at(x, "holiday_after_1", thanksgiving.plusDays(1))).isEqualTo(1);
    assertThat(at(x, "holiday_before_1", thanksgiving)).isZero();
    assertThat(at(x, "holiday_after_1", thanksgiving.minusDays(1))).isZero();
  }

  @Test
  void monthlyAxis_countsTheHolidaysOfEachMonth() {
    TimeAxis months = new TimeAxis.Dates(START, Frequency.MONTH_START);
    Covariates x =
        CalendarCovariates.of(
            months, new double[0], 12, CalendarOptions.builder().holidays("US").build());
    double[] h = x.column(0);
    assertThat(h[0]).isEqualTo(2); // New Year's Day, Martin Luther King Day
    assertThat(h[6]).isEqualTo(1); // Independence Day
    assertThat(h[2]).isZero(); // March
  }

  @Test
  void dayOfWeek_givesSixDummiesWithMondayAsBaseline() {
    Covariates x =
        CalendarCovariates.of(
            DAYS, new double[0], 14, CalendarOptions.builder().dayOfWeek(true).build());
    assertThat(x.names())
        .containsExactly("dow_tue", "dow_wed", "dow_thu", "dow_fri", "dow_sat", "dow_sun");
    for (int j = 0; j < 6; j++) {
      assertThat(x.column(j)[0]).as("2024-01-01 is a Monday").isZero();
    }
    assertThat(x.column(5)[6]).as("2024-01-07 is a Sunday").isEqualTo(1);
    assertThat(x.column(0)[8]).as("2024-01-09 is a Tuesday").isEqualTo(1);
  }

  @Test
  void fourier_givesKPairsPerPeriod_withoutTheVanishingSine() {
    Covariates x =
        CalendarCovariates.of(
            DAYS, new double[] {4, 7}, 30, CalendarOptions.builder().fourier(3).build());
    assertThat(x.names())
        .containsExactly(
            "fourier_4_sin1",
            "fourier_4_cos1",
            "fourier_4_cos2",
            "fourier_7_sin1",
            "fourier_7_cos1",
            "fourier_7_sin2",
            "fourier_7_cos2",
            "fourier_7_sin3",
            "fourier_7_cos3");
    double[] s72 = x.column(x.names().indexOf("fourier_7_sin2"));
    assertThat(s72[0]).isCloseTo(Math.sin(2 * Math.PI * 2 / 7), within(1e-12));
    assertThat(s72[9]).isCloseTo(Math.sin(2 * Math.PI * 2 * 10 / 7), within(1e-12));
  }

  @Test
  void seriesAndHorizon_giveHistoryPlusHorizonRows() {
    Series s = Series.onAxis("s", new double[60], DAYS, 0, Frequency.DAILY.seasonalPeriods());
    Covariates x =
        CalendarCovariates.of(
            s, 28, CalendarOptions.builder().holidays("US").dayOfWeek(true).fourier(2).build());
    assertThat(x.rows()).isEqualTo(88);
    assertThat(x.names()).contains("holiday", "dow_sun", "fourier_7_cos2");
  }

  @Test
  void unknownCountryOrRegion_isRefusedNamingIt() {
    assertThatThrownBy(() -> holidays("XX", null, 0, 0))
        .isInstanceOf(InvalidCalendarOptionException.class)
        .hasMessageContaining("country 'XX'");
    assertThatThrownBy(() -> holidays("DE", "zz", 0, 0))
        .isInstanceOf(InvalidCalendarOptionException.class)
        .hasMessageContaining("region 'zz'")
        .hasMessageContaining("by");
    assertThatThrownBy(() -> CalendarOptions.builder().holidays("USA"))
        .isInstanceOf(InvalidCalendarOptionException.class)
        .hasMessageContaining("'USA'");
  }

  @Test
  void outOfRangeOptions_areRefusedWithTheValue() {
    assertThatThrownBy(() -> CalendarOptions.builder().window(15, 0))
        .isInstanceOf(InvalidCalendarOptionException.class)
        .hasMessage("window_before 15: must be in [0, 14]");
    assertThatThrownBy(() -> CalendarOptions.builder().window(1, 1).build())
        .isInstanceOf(InvalidCalendarOptionException.class)
        .hasMessage("window 1,1: needs holidays (a country)");
    assertThatThrownBy(() -> CalendarOptions.builder().fourier(-1))
        .isInstanceOf(InvalidCalendarOptionException.class)
        .hasMessageContaining("fourier -1");
  }

  @Test
  void holidaysOnAnIntegerIndex_areRefused() {
    TimeAxis index = new TimeAxis.Index(1, Frequency.INDEX);
    assertThatThrownBy(() ->
            CalendarCovariates.of(
                index, new double[0], 10, CalendarOptions.builder().holidays("US").build()))
        .isInstanceOf(InvalidCalendarOptionException.class)
        .hasMessageContaining("integer index");
  }
}
