package io.gridcast.forecast.series;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;

/**
 * Stamps as {@code long} keys: a date-time is its microseconds since 1970-01-01T00:00 read as if it
 * were UTC (a wall-clock local time keeps its clock reading; a UTC time is the instant), a date is
 * the key of its midnight. Keys compare and subtract like the clock they come from, which lets the
 * reader place millions of stamps without objects.
 */
final class StampMath {
  static final long MICROS_PER_SECOND = 1_000_000L;
  static final long MICROS_PER_MINUTE = 60 * MICROS_PER_SECOND;
  static final long MICROS_PER_DAY = 24 * 60 * MICROS_PER_MINUTE;
  static final long MICROS_PER_WEEK = 7 * MICROS_PER_DAY;

  private StampMath() {}

  static long epochDay(long key) {
    return Math.floorDiv(key, MICROS_PER_DAY);
  }

  static long timeOfDay(long key) {
    return Math.floorMod(key, MICROS_PER_DAY);
  }

  static long key(LocalDate date) {
    return date.toEpochDay() * MICROS_PER_DAY;
  }

  static long key(LocalDateTime t) {
    return t.toLocalDate().toEpochDay() * MICROS_PER_DAY + t.toLocalTime().toNanoOfDay() / 1000;
  }

  static LocalDate date(long key) {
    return LocalDate.ofEpochDay(epochDay(key));
  }

  static LocalDateTime dateTime(long key) {
    return LocalDateTime.of(date(key), LocalTime.ofNanoOfDay(timeOfDay(key) * 1000));
  }

  /** Monday 0 ... Sunday 6 (1970-01-01 was a Thursday). */
  static int weekday(long epochDay) {
    return Math.floorMod(epochDay + 3, 7);
  }

  static DayOfWeek dayOfWeek(long key) {
    return DayOfWeek.of(weekday(epochDay(key)) + 1);
  }

  /**
   * Consecutive numbers for the weekdays: Monday to Friday of one week, then Monday of the next; a
   * Saturday or Sunday maps to the following Monday's number.
   */
  static long businessIndex(long epochDay) {
    return Math.floorDiv(epochDay + 3, 7) * 5 + Math.min(weekday(epochDay), 5);
  }

  /** The epoch day of business index {@code b}, the inverse of {@link #businessIndex}. */
  static long businessDay(long b) {
    return Math.floorDiv(b, 5) * 7 + Math.floorMod(b, 5) - 3;
  }

  /** Months since January 1970 of the date of {@code key}. */
  static long monthIndex(LocalDate d) {
    return (d.getYear() - 1970L) * 12 + d.getMonthValue() - 1;
  }
}
