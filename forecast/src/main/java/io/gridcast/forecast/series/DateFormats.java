package io.gridcast.forecast.series;

import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.util.Locale;

/**
 * The caller's {@code date_format}: a {@code java.time} pattern ({@code dd/MM/yyyy}, {@code
 * MM/dd/yy HH:mm}) resolved strictly, so {@code 31/02/2024} is refused rather than moved to
 * February 29. {@code yyyy} works without an era; a pattern without a day of month reads the first
 * of the month ({@code yyyy-MM}), one without a month January ({@code yyyy}).
 */
final class DateFormats {
  private DateFormats() {}

  /** The formatter of {@code pattern}. */
  static DateTimeFormatter formatter(String pattern) {
    DateTimeFormatterBuilder b = new DateTimeFormatterBuilder().appendPattern(pattern);
    String letters = lettersOutsideQuotes(pattern);
    if (letters.indexOf('G') < 0) {
      b.parseDefaulting(ChronoField.ERA, 1);
    }
    if (letters.indexOf('d') < 0 && letters.indexOf('D') < 0 && letters.indexOf('E') < 0) {
      b.parseDefaulting(ChronoField.DAY_OF_MONTH, 1);
      if (letters.indexOf('M') < 0 && letters.indexOf('L') < 0 && letters.indexOf('Q') < 0) {
        b.parseDefaulting(ChronoField.MONTH_OF_YEAR, 1);
      }
    }
    return b.toFormatter(Locale.ROOT).withResolverStyle(ResolverStyle.STRICT);
  }

  /**
   * Checks {@code pattern} at once.
   *
   * @throws InvalidSeriesOptionException naming {@code date_format} and the problem
   */
  static String validate(String pattern) {
    if (pattern.isBlank()) {
      throw new InvalidSeriesOptionException("date_format", "date_format is blank");
    }
    try {
      formatter(pattern);
    } catch (IllegalArgumentException e) {
      throw new InvalidSeriesOptionException(
          "date_format",
          "date_format '"
              + pattern
              + "' is not a java.time pattern ("
              + e.getMessage()
              + "); e.g. dd/MM/yyyy or MM/dd/yy HH:mm");
    }
    String letters = lettersOutsideQuotes(pattern);
    if (letters.indexOf('y') < 0 && letters.indexOf('u') < 0) {
      throw new InvalidSeriesOptionException(
          "date_format", "date_format '" + pattern + "' has no year (y or u)");
    }
    return pattern;
  }

  private static String lettersOutsideQuotes(String pattern) {
    StringBuilder b = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (c == '\'') {
        quoted = !quoted;
      } else if (!quoted && Character.isLetter(c)) {
        b.append(c);
      }
    }
    return b.toString();
  }
}
