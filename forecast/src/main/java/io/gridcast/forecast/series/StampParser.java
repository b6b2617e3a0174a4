package io.gridcast.forecast.series;

import static io.gridcast.forecast.series.StampMath.MICROS_PER_DAY;
import static io.gridcast.forecast.series.StampMath.MICROS_PER_SECOND;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.time.temporal.TemporalQueries;

/**
 * Reads one {@code ds} text into a key (see {@link StampMath}) and says its kind and shape. The ISO
 * forms and integers go through a hand parser (no regular expression, no objects per row); a
 * caller's {@code date_format} through {@code java.time}. Not thread-safe: the shape of the last
 * stamp is kept in fields.
 *
 * <p>Accepted without a pattern: an integer; {@code YYYY-MM-DD}; {@code YYYY-MM-DD} then {@code T},
 * {@code t} or a space, {@code HH:MM}, optionally {@code :SS} and a fraction of up to 9 digits,
 * then optionally {@code Z} or an offset {@code +HH:MM}, {@code +HHMM} or {@code +HH}. A stamp with
 * an offset is converted to UTC.
 */
final class StampParser {
  static final byte INDEX = 1, DATE = 2, LOCAL = 3, UTC = 4;

  static final String ACCEPTED =
      "accepted: an ISO date (2024-01-31), an ISO date-time (2024-01-31T13:45,"
          + " 2024-01-31 13:45:00; seconds, a fraction and Z or an offset such as +01:00 are"
          + " optional) or an integer index; other forms need date_format, a java.time pattern"
          + " such as dd/MM/yyyy";

  private static final long DAYS_0000_TO_1970 = 719_528L;

  private final String column;
  private final String pattern;
  private final DateTimeFormatter formatter;

  /** The kind of the last stamp: {@link #INDEX}, {@link #DATE}, {@link #LOCAL}, {@link #UTC}. */
  byte kind;

  /** The last date-time's separator ('T' or ' '). */
  char separator;

  /** Whether the last date-time had seconds. */
  boolean seconds;

  /** The last date-time's fraction digits (0 to 9). */
  int fractionDigits;

  StampParser(String column, String pattern) {
    this.column = column;
    this.pattern = pattern;
    this.formatter = pattern == null ? null : DateFormats.formatter(pattern);
  }

  /** Whether stamps are read with a caller's pattern. */
  String pattern() {
    return pattern;
  }

  /**
   * The key of {@code s}.
   *
   * @throws CsvFormatException naming {@code line}, the column and the accepted forms
   */
  long parse(String s, long line) {
    if (formatter != null) {
      return parsePattern(s, line);
    }
    int n = s.length();
    if (n >= 10 && s.charAt(4) == '-' && digit(s.charAt(0))) {
      return parseIso(s, n, line);
    }
    return parseIndex(s, n, line);
  }

  private long parseIndex(String s, int n, long line) {
    int i = 0;
    boolean negative = false;
    if (n > 0 && (s.charAt(0) == '-' || s.charAt(0) == '+')) {
      negative = s.charAt(0) == '-';
      i = 1;
    }
    if (i == n || n - i > 18) {
      throw bad(s, line);
    }
    long v = 0;
    for (; i < n; i++) {
      char c = s.charAt(i);
      if (!digit(c)) {
        throw bad(s, line);
      }
      v = v * 10 + (c - '0');
    }
    kind = INDEX;
    return negative ? -v : v;
  }

  private long parseIso(String s, int n, long line) {
    int year = digits(s, 0, 4);
    int month = digits(s, 5, 2);
    int day = digits(s, 8, 2);
    if (year < 0 || month < 0 || day < 0 || s.charAt(7) != '-') {
      throw bad(s, line);
    }
    if (month < 1 || month > 12) {
      throw new CsvFormatException(
          line, column, "bad date '" + s + "': month " + month + " is not 1 to 12");
    }
    if (day < 1 || day > monthLength(year, month)) {
      throw new CsvFormatException(
          line, column, "bad date '" + s + "': day " + day + " is not in that month");
    }
    long epochDay = epochDay(year, month, day);
    if (n == 10) {
      kind = DATE;
      return epochDay * MICROS_PER_DAY;
    }
    char sep = s.charAt(10);
    if ((sep != 'T' && sep != 't' && sep != ' ') || n < 16 || s.charAt(13) != ':') {
      throw bad(s, line);
    }
    int hour = digits(s, 11, 2);
    int minute = digits(s, 14, 2);
    int second = 0;
    long micros = 0;
    int frac = 0;
    boolean sec = false;
    int pos = 16;
    if (pos < n && s.charAt(pos) == ':') {
      second = digits(s, pos + 1, 2);
      sec = true;
      pos += 3;
      if (pos < n && (s.charAt(pos) == '.' || s.charAt(pos) == ',')) {
        pos++;
        long nanos = 0;
        while (pos < n && digit(s.charAt(pos)) && frac < 9) {
          nanos = nanos * 10 + (s.charAt(pos++) - '0');
          frac++;
        }
        if (frac == 0) {
          throw bad(s, line);
        }
        for (int k = frac; k < 9; k++) {
          nanos *= 10;
        }
        if (nanos % 1000 != 0) {
          throw new CsvFormatException(
              line, column, "bad date-time '" + s + "': finer than a microsecond");
        }
        micros = nanos / 1000;
      }
    }
    if (hour < 0 || minute < 0 || second < 0) {
      throw bad(s, line);
    }
    if (hour > 23 || minute > 59 || second > 59) {
      throw new CsvFormatException(
          line, column, "bad date-time '" + s + "': the time of day is not 00:00 to 23:59:59");
    }
    long offsetSeconds = 0;
    boolean utc = false;
    if (pos < n) {
      char z = s.charAt(pos);
      if ((z == 'Z' || z == 'z') && pos + 1 == n) {
        utc = true;
      } else if (z == '+' || z == '-') {
        offsetSeconds = offset(s, pos + 1, n, line);
        if (z == '-') {
          offsetSeconds = -offsetSeconds;
        }
        utc = true;
      } else {
        throw bad(s, line);
      }
    }
    kind = utc ? UTC : LOCAL;
    separator = sep == 't' ? 'T' : sep;
    seconds = sec;
    fractionDigits = frac;
    return epochDay * MICROS_PER_DAY
        + ((hour * 60L + minute) * 60 + second - offsetSeconds) * MICROS_PER_SECOND
        + micros;
  }

  /** {@code HH}, {@code HHMM} or {@code HH:MM} from {@code from} to the end, in seconds. */
  private long offset(String s, int from, int n, long line) {
    int len = n - from;
    int h = len >= 2 ? digits(s, from, 2) : -1;
    int m =
        len == 2
            ? 0
            : len == 4
                ? digits(s, from + 2, 2)
                : len == 5 && s.charAt(from + 2) == ':' ? digits(s, from + 3, 2) : -1;
    if (h < 0 || m < 0 || h > 18 || m > 59) {
      throw bad(s, line);
    }
    return h * 3600L + m * 60L;
  }

  private long parsePattern(String s, long line) {
    TemporalAccessor t;
    try {
      t = formatter.parse(s);
    } catch (DateTimeParseException e) {
      throw new CsvFormatException(
          line,
          column,
          "bad ds '"
              + s
              + "': does not match date_format '"
              + pattern
              + "' ("
              + e.getMessage()
              + ")");
    }
    LocalDate d = t.query(TemporalQueries.localDate());
    if (d == null) {
      throw new CsvFormatException(
          line, column, "bad ds '" + s + "': date_format '" + pattern + "' gives no date");
    }
    LocalTime time = t.query(TemporalQueries.localTime());
    ZoneId zone = t.query(TemporalQueries.zone());
    separator = 'T';
    seconds = time != null && (time.getSecond() != 0 || time.getNano() != 0);
    fractionDigits = time != null && time.getNano() != 0 ? 6 : 0;
    if (time == null) {
      kind = DATE;
      return d.toEpochDay() * MICROS_PER_DAY;
    }
    if (zone != null) {
      kind = UTC;
      Instant at = ZonedDateTime.of(d, time, zone).toInstant();
      return at.getEpochSecond() * MICROS_PER_SECOND + at.getNano() / 1000;
    }
    kind = LOCAL;
    return d.toEpochDay() * MICROS_PER_DAY + time.toNanoOfDay() / 1000;
  }

  private CsvFormatException bad(String s, long line) {
    return new CsvFormatException(line, column, "bad ds '" + s + "'; " + ACCEPTED);
  }

  private static boolean digit(char c) {
    return c >= '0' && c <= '9';
  }

  /** The number in {@code s[from, from + len)}; -1 when a character is not a digit. */
  private static int digits(String s, int from, int len) {
    if (from + len > s.length()) {
      return -1;
    }
    int v = 0;
    for (int i = from; i < from + len; i++) {
      char c = s.charAt(i);
      if (!digit(c)) {
        return -1;
      }
      v = v * 10 + (c - '0');
    }
    return v;
  }

  private static boolean leap(long y) {
    return (y & 3) == 0 && (y % 100 != 0 || y % 400 == 0);
  }

  private static int monthLength(int year, int month) {
    return switch (month) {
      case 2 -> leap(year) ? 29 : 28;
      case 4, 6, 9, 11 -> 30;
      default -> 31;
    };
  }

  /** {@code LocalDate.of(y, m, d).toEpochDay()} for years 0 to 9999, without the object. */
  static long epochDay(long y, long m, long d) {
    long total = 365 * y + (y + 3) / 4 - (y + 99) / 100 + (y + 399) / 400;
    total += (367 * m - 362) / 12 + d - 1;
    if (m > 2) {
      total -= leap(y) ? 1 : 2;
    }
    return total - DAYS_0000_TO_1970;
  }
}
