package io.gridcast.forecast.series;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * Sampling frequency of a series: the calendar step between observations and the default seasonal
 * period (daily 7, weekly 52, monthly 12, quarterly 4, yearly 1, hourly 24, index 1).
 *
 * <p>{@link #HOURLY} and {@link #INDEX} have no date step: their {@code ds} is an integer index.
 */
public enum Frequency {
  DAILY(7, ChronoUnit.DAYS, 1),
  WEEKLY(52, ChronoUnit.WEEKS, 1),
  MONTHLY(12, ChronoUnit.MONTHS, 1),
  QUARTERLY(4, ChronoUnit.MONTHS, 3),
  YEARLY(1, ChronoUnit.YEARS, 1),
  HOURLY(24, null, 1),
  INDEX(1, null, 1);

  private final int period;
  private final ChronoUnit unit;
  private final int unitsPerStep;

  Frequency(int period, ChronoUnit unit, int unitsPerStep) {
    this.period = period;
    this.unit = unit;
    this.unitsPerStep = unitsPerStep;
  }

  /** The default seasonal period. */
  public int period() {
    return period;
  }

  /** Whether this frequency steps through calendar dates (false for hourly and index). */
  public boolean isCalendar() {
    return unit != null;
  }

  /** The date {@code steps} periods after {@code start}. */
  public LocalDate plus(LocalDate start, long steps) {
    requireCalendar();
    return start.plus(steps * unitsPerStep, unit);
  }

  /**
   * The whole number of periods from {@code start} to {@code date}; -1 when {@code date} is not on
   * this frequency's grid from {@code start} (e.g. 10 days apart for weekly data). Monthly,
   * quarterly and yearly steps compare months, so the day of month does not matter.
   */
  public long periodsBetween(LocalDate start, LocalDate date) {
    requireCalendar();
    long units =
        switch (this) {
          case MONTHLY, QUARTERLY -> monthIndex(date) - monthIndex(start);
          case YEARLY -> date.getYear() - start.getYear();
          default -> unit.between(start, date);
        };
    if (this == WEEKLY && ChronoUnit.DAYS.between(start, date) % 7 != 0) {
      return -1;
    }
    if (units < 0 || units % unitsPerStep != 0) {
      return -1;
    }
    return units / unitsPerStep;
  }

  private static long monthIndex(LocalDate d) {
    return d.getYear() * 12L + d.getMonthValue() - 1;
  }

  private void requireCalendar() {
    if (unit == null) {
      throw new IllegalStateException(this + " has no calendar step; its ds is an integer index");
    }
  }

  /**
   * Infers the frequency from the smallest gap in days between two distinct consecutive dates: 1
   * daily, 7 weekly, 28-31 monthly, 89-92 quarterly, 365-366 yearly; any other gap is not a known
   * frequency.
   *
   * @throws UnknownFrequencyException naming the gap
   */
  public static Frequency inferFromGapDays(long days) {
    if (days == 1) {
      return DAILY;
    } else if (days == 7) {
      return WEEKLY;
    } else if (days >= 28 && days <= 31) {
      return MONTHLY;
    } else if (days >= 89 && days <= 92) {
      return QUARTERLY;
    } else if (days == 365 || days == 366) {
      return YEARLY;
    }
    throw new UnknownFrequencyException(
        "cannot infer a frequency from a gap of "
            + days
            + " days (known: 1 daily, 7 weekly, 28-31 monthly, 89-92 quarterly, 365-366 yearly)");
  }

  /** Parses a name case-insensitively ({@code monthly}, {@code M}, ...). */
  public static Frequency parse(String text) {
    String t = text.trim().toUpperCase(Locale.ROOT);
    return switch (t) {
      case "D", "DAILY" -> DAILY;
      case "W", "WEEKLY" -> WEEKLY;
      case "M", "MONTHLY" -> MONTHLY;
      case "Q", "QUARTERLY" -> QUARTERLY;
      case "Y", "A", "YEARLY", "ANNUAL" -> YEARLY;
      case "H", "HOURLY" -> HOURLY;
      case "INDEX", "UNKNOWN" -> INDEX;
      default ->
          throw new UnknownFrequencyException(
              "unknown frequency '"
                  + text
                  + "'; known: daily, weekly, monthly, quarterly, yearly,"
                  + " hourly, index");
    };
  }
}
