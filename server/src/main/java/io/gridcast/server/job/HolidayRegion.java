package io.gridcast.server.job;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The {@code holidays} option of a job: an ISO 3166 country ({@code US}), a country and its
 * subdivision ({@code DE-BY}), or {@code country} for each series' own {@code country} column.
 * Stateless.
 */
final class HolidayRegion {
  private static final Pattern REGION = Pattern.compile("[A-Z]{2}(-[A-Z0-9]{1,3})?");

  private HolidayRegion() {}

  /**
   * The option as stored in a payload: an upper-case region, {@code country}, or null for none.
   *
   * @throws InvalidJobRequestException naming {@code holidays} and what it accepts
   */
  static String validate(String asked) {
    if (asked == null || asked.isBlank() || asked.strip().equalsIgnoreCase("none")) {
      return null;
    }
    String a = asked.strip();
    if (a.equalsIgnoreCase(JobPayload.BY_COUNTRY)) {
      return JobPayload.BY_COUNTRY;
    }
    String region = region(a, "holidays");
    JobCovariates.checkKnown(region);
    return region;
  }

  /**
   * A region in upper case.
   *
   * @throws InvalidJobRequestException naming {@code field} when it is not one
   */
  static String region(String text, String field) {
    String r = text.strip().toUpperCase(Locale.ROOT);
    if (!REGION.matcher(r).matches()) {
      throw new InvalidJobRequestException(
          field,
          field
              + " must be a country code (US, DE, GB), a country and region (DE-BY), country (each"
              + " series' own country column) or none, got '"
              + text
              + "'");
    }
    return r;
  }

  /** The country of a region ({@code DE} of {@code DE-BY}). */
  static String country(String region) {
    int dash = region.indexOf('-');
    return dash < 0 ? region : region.substring(0, dash);
  }

  /** The subdivision of a region ({@code BY} of {@code DE-BY}), or null. */
  static String subdivision(String region) {
    int dash = region.indexOf('-');
    return dash < 0 ? null : region.substring(dash + 1);
  }
}
