package io.gridcast.forecast.series;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How a series writes its {@code ds} labels, the shape its input had: an ISO date, an ISO date-time
 * (separator, seconds and fraction digits as read; {@code Z} when the stamps were UTC), or the
 * caller's {@code date_format} pattern.
 */
public sealed interface StampFormat
    permits StampFormat.IsoDate, StampFormat.IsoDateTime, StampFormat.Pattern {

  /** {@code 2024-01-31}. */
  StampFormat ISO_DATE = new IsoDate();

  /** The label of {@code t}. */
  String format(LocalDateTime t);

  /** Whether labels show a time of day. */
  boolean hasTime();

  /** {@code YYYY-MM-DD}. */
  record IsoDate() implements StampFormat {
    @Override
    public String format(LocalDateTime t) {
      return t.toLocalDate().toString();
    }

    @Override
    public boolean hasTime() {
      return false;
    }
  }

  /**
   * {@code YYYY-MM-DD}, the separator, {@code HH:MM}, then {@code :SS} when {@code seconds}, then
   * {@code fractionDigits} digits of the second (0 to 9), then {@code Z} when {@code utc}.
   */
  record IsoDateTime(char separator, boolean seconds, int fractionDigits, boolean utc)
      implements StampFormat {
    public IsoDateTime {
      if (separator != 'T' && separator != ' ') {
        throw new IllegalArgumentException("separator must be 'T' or ' ', got '" + separator + "'");
      }
      if (fractionDigits < 0 || fractionDigits > 9 || (fractionDigits > 0 && !seconds)) {
        throw new IllegalArgumentException(
            "fraction digits must be 0 to 9 and need seconds, got " + fractionDigits);
      }
    }

    @Override
    public String format(LocalDateTime t) {
      StringBuilder b = new StringBuilder(32).append(t.toLocalDate()).append(separator);
      two(b, t.getHour()).append(':');
      two(b, t.getMinute());
      if (seconds) {
        two(b.append(':'), t.getSecond());
        if (fractionDigits > 0) {
          String nanos = Integer.toString(1_000_000_000 + t.getNano()).substring(1);
          b.append('.').append(nanos, 0, fractionDigits);
        }
      }
      return utc ? b.append('Z').toString() : b.toString();
    }

    private static StringBuilder two(StringBuilder b, int v) {
      return b.append((char) ('0' + v / 10)).append((char) ('0' + v % 10));
    }

    @Override
    public boolean hasTime() {
      return true;
    }
  }

  /** The caller's {@code java.time} pattern ({@code dd/MM/yyyy}), for local stamps. */
  record Pattern(String pattern, boolean hasTime) implements StampFormat {
    private static final Map<String, DateTimeFormatter> FORMATTERS = new ConcurrentHashMap<>();

    public Pattern {
      Objects.requireNonNull(pattern, "pattern");
    }

    @Override
    public String format(LocalDateTime t) {
      return FORMATTERS.computeIfAbsent(pattern, DateFormats::formatter).format(t);
    }
  }
}
