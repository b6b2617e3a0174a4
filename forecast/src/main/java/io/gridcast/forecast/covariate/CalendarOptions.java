package io.gridcast.forecast.covariate;

import java.util.Locale;

/**
 * What {@link CalendarCovariates} builds. Built by {@link #builder()}, whose setters validate at
 * once with the bad value in the message; the country and region are checked against the holiday
 * calendars when the covariates are built.
 *
 * @param country ISO 3166 country code of the public holidays ({@code US}, {@code DE}, {@code GB}),
 *     upper case; null for no holiday columns
 * @param region the region within the country as the holiday library names it ({@code by} for
 *     Bavaria, {@code ny} for New York), lower case; null for the national holidays only
 * @param windowBefore days before each holiday that get their own column ({@code holiday_before_1}
 *     .. {@code holiday_before_k}), {@code 0..}{@value #MAX_WINDOW}
 * @param windowAfter days after each holiday that get their own column ({@code holiday_after_1}
 *     ..), {@code 0..}{@value #MAX_WINDOW}
 * @param dayOfWeek day-of-week dummies on daily data ({@code dow_tue} .. {@code dow_sun}; Monday is
 *     the baseline)
 * @param fourierTerms the largest number {@code K} of sine/cosine pairs per seasonal period; each
 *     period {@code p} gets {@code min(K, floor(p / 2))} pairs; 0 for none
 */
public record CalendarOptions(
    String country,
    String region,
    int windowBefore,
    int windowAfter,
    boolean dayOfWeek,
    int fourierTerms) {

  /** The largest holiday window, in days. */
  public static final int MAX_WINDOW = 14;

  /** The largest number of Fourier pairs per period. */
  public static final int MAX_FOURIER_TERMS = 50;

  public CalendarOptions {
    if (country != null) {
      country = country.trim().toUpperCase(Locale.ROOT);
      if (!country.matches("[A-Z]{2}")) {
        throw new InvalidCalendarOptionException(
            "country", "'" + country + "'", "must be a two-letter ISO 3166 code such as US");
      }
    }
    if (region != null) {
      region = region.trim().toLowerCase(Locale.ROOT);
      if (country == null) {
        throw new InvalidCalendarOptionException("region", "'" + region + "'", "needs a country");
      }
      if (region.isEmpty()) {
        region = null;
      }
    }
    check("window_before", windowBefore, MAX_WINDOW);
    check("window_after", windowAfter, MAX_WINDOW);
    check("fourier", fourierTerms, MAX_FOURIER_TERMS);
    if (country == null && windowBefore + windowAfter > 0) {
      throw new InvalidCalendarOptionException(
          "window", windowBefore + "," + windowAfter, "needs holidays (a country)");
    }
  }

  /** No calendar covariates. */
  public static CalendarOptions none() {
    return new CalendarOptions(null, null, 0, 0, false, 0);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Whether these options build no column at all. */
  public boolean isEmpty() {
    return country == null && !dayOfWeek && fourierTerms == 0;
  }

  private static void check(String name, int value, int max) {
    if (value < 0 || value > max) {
      throw new InvalidCalendarOptionException(name, value, "must be in [0, " + max + "]");
    }
  }

  /** Builder: every setter validates at once. */
  public static final class Builder {
    private String country;
    private String region;
    private int before;
    private int after;
    private boolean dayOfWeek;
    private int fourier;

    private Builder() {}

    /** Public holidays of this country ({@code US}, {@code DE}, {@code GB}, ...). */
    public Builder holidays(String country) {
      this.country = country;
      new CalendarOptions(country, null, 0, 0, false, 0);
      return this;
    }

    /** Public holidays of this country and region ({@code DE}, {@code by}). */
    public Builder holidays(String country, String region) {
      new CalendarOptions(country, region, 0, 0, false, 0);
      this.country = country;
      this.region = region;
      return this;
    }

    /** A column per day before ({@code before}) and after ({@code after}) each holiday. */
    public Builder window(int before, int after) {
      check("window_before", before, MAX_WINDOW);
      check("window_after", after, MAX_WINDOW);
      this.before = before;
      this.after = after;
      return this;
    }

    /** Day-of-week dummies on daily data. */
    public Builder dayOfWeek(boolean on) {
      this.dayOfWeek = on;
      return this;
    }

    /** Up to {@code k} Fourier pairs per seasonal period. */
    public Builder fourier(int k) {
      check("fourier", k, MAX_FOURIER_TERMS);
      this.fourier = k;
      return this;
    }

    public CalendarOptions build() {
      return new CalendarOptions(country, region, before, after, dayOfWeek, fourier);
    }
  }
}
