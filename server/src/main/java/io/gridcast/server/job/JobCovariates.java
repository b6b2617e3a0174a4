package io.gridcast.server.job;

import io.gridcast.forecast.ForecastException;
import io.gridcast.forecast.covariate.CalendarCovariates;
import io.gridcast.forecast.covariate.CalendarOptions;
import io.gridcast.forecast.covariate.Covariates;
import io.gridcast.forecast.series.Series;
import io.gridcast.server.dataset.MissingFutureCovariatesException;
import io.gridcast.server.dataset.SeriesCovariates;
import java.time.LocalDate;
import java.util.Locale;

/**
 * The covariates one series is searched, backtested or refit with in a job: the stored columns
 * (history, then the first {@code h} future rows) when the payload uses them ({@code
 * covariates=auto}), followed by the public-holiday columns of the payload's region (or the series'
 * own {@code country}) from the forecast core's calendar. Stateless.
 */
final class JobCovariates {
  private JobCovariates() {}

  /**
   * The covariates of {@code s} with {@code h} rows after its history ({@code 0}: the history only,
   * what a backtest inside the history needs).
   *
   * @param stored the series' stored covariates and region, or null when it has neither
   * @throws MissingFutureCovariatesException when its future rows do not cover {@code h}
   * @throws ForecastException when the holiday region is unknown or the series has no dates
   */
  static Covariates of(Series s, SeriesCovariates stored, JobPayload p, int h) {
    Covariates user = Covariates.none();
    if (p.usesCovariates() && stored != null && stored.hasColumns()) {
      if (stored.futureRows() < h) {
        throw MissingFutureCovariatesException.of(s, stored.names(), stored.futureRows(), h);
      }
      user = stored.forHorizon(h);
    }
    CalendarOptions calendar = calendar(p.holidays(), stored == null ? null : stored.country());
    if (calendar.isEmpty()) {
      return user;
    }
    return user.plus(CalendarCovariates.of(s, h, calendar));
  }

  /** The calendar of a payload's {@code holidays}: none, a region, or the series' own. */
  static CalendarOptions calendar(String holidays, String seriesCountry) {
    String region = JobPayload.BY_COUNTRY.equals(holidays) ? seriesCountry : holidays;
    if (region == null || region.isBlank()) {
      return CalendarOptions.none();
    }
    String r = HolidayRegion.region(region, "holidays");
    String sub = HolidayRegion.subdivision(r);
    return sub == null
        ? CalendarOptions.builder().holidays(HolidayRegion.country(r)).build()
        : CalendarOptions.builder()
            .holidays(HolidayRegion.country(r), sub.toLowerCase(Locale.ROOT))
            .build();
  }

  /**
   * Checks that the calendar knows a region's holidays.
   *
   * @throws InvalidJobRequestException naming {@code holidays} when it does not
   */
  static void checkKnown(String region) {
    String sub = HolidayRegion.subdivision(region);
    try {
      CalendarCovariates.holidayDates(
          HolidayRegion.country(region),
          sub == null ? null : sub.toLowerCase(Locale.ROOT),
          LocalDate.of(2024, 1, 1),
          LocalDate.of(2024, 12, 31));
    } catch (ForecastException | IllegalArgumentException e) {
      throw new InvalidJobRequestException(
          "holidays", "no public holidays are known for '" + region + "': " + e.getMessage());
    }
  }
}
