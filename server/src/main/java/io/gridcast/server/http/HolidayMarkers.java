package io.gridcast.server.http;

import io.gridcast.forecast.ForecastException;
import io.gridcast.forecast.covariate.CalendarCovariates;
import io.gridcast.forecast.series.Series;
import io.gridcast.forecast.series.TimeAxis;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The stamps of a series' history that fall on a public holiday of a region: what the SKU chart
 * marks on its time axis. A series on an integer index, or a sub-daily one, has no day to mark.
 * Stateless.
 */
final class HolidayMarkers {
  private static final Pattern REGION = Pattern.compile("[A-Za-z]{2}(-[A-Za-z0-9]{1,3})?");

  private HolidayMarkers() {}

  /**
   * @param region {@code US}, {@code DE-BY}, or null for none
   * @throws ApiException 400 naming {@code holidays} when the region is malformed or unknown
   */
  static List<String> of(Series s, String region) {
    if (region == null || region.isBlank() || !(s.axis() instanceof TimeAxis.Dates d)) {
      return List.of();
    }
    if (!REGION.matcher(region.strip()).matches()) {
      throw ApiException.badRequest(
          "holidays", "holidays must be a country (US) or a country and region (DE-BY)");
    }
    String[] parts = region.strip().split("-");
    String country = parts[0].toUpperCase(Locale.ROOT);
    String sub = parts.length > 1 ? parts[1].toLowerCase(Locale.ROOT) : null;
    Set<LocalDate> days;
    try {
      days = CalendarCovariates.holidayDates(country, sub, d.date(0), d.date(s.length() - 1));
    } catch (ForecastException e) {
      throw ApiException.badRequest("holidays", e.getMessage());
    }
    List<String> out = new ArrayList<>();
    for (int i = 0; i < s.length(); i++) {
      if (days.contains(d.date(i))) {
        out.add(d.label(i));
      }
    }
    return out;
  }
}
