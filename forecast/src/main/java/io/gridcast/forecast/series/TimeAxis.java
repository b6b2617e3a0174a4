package io.gridcast.forecast.series;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Objects;

/**
 * Where a series' observations sit in time, and how its forecast {@code ds} labels continue:
 * position {@code i} (0-based; {@code i >= n} continues past the history) is {@code
 * frequency.plus(start, i)} on the calendar, or {@code start + i} on an integer index.
 *
 * <p>Calendar labels keep the input's shape (see {@link StampFormat}): a wall-clock date-time is
 * written back as it came, a UTC one with {@code Z}.
 */
public sealed interface TimeAxis permits TimeAxis.Index, TimeAxis.Dates, TimeAxis.DateTimes {

  /** The frequency; on an index it gives only the seasonal periods. */
  Frequency frequency();

  /** The {@code ds} label of position {@code i}. */
  String label(long i);

  /**
   * The axis a stored series had: its frequency's name and its first label, read as the reader
   * reads {@code ds} (so an old family name such as {@code monthly} is anchored by the start).
   *
   * @throws UnknownFrequencyException for an unknown frequency name
   * @throws InvalidSeriesException when the start is not a stamp or not on that frequency
   */
  static TimeAxis restore(String frequency, String start) {
    return restore(frequency, start, null);
  }

  /** As {@link #restore(String, String)}, with labels in the caller's {@code date_format}. */
  static TimeAxis restore(String frequency, String start, String dateFormat) {
    StampParser p =
        new StampParser("ds", dateFormat == null ? null : DateFormats.validate(dateFormat));
    long key;
    try {
      key = p.parse(start, 0);
    } catch (CsvFormatException e) {
      throw new InvalidSeriesException("stored start: " + e.problem());
    }
    StampShape shape = new StampShape();
    shape.add(p);
    FrequencyChoice choice = FrequencyChoice.parse(frequency);
    try {
      Frequency f = FrequencyInference.settle(choice, shape.kind(), new long[] {key}, 1, null);
      return shape.axis(key, f, p.pattern());
    } catch (FrequencyInference.StampProblem e) {
      throw new InvalidSeriesException(e.getMessage().replace("{ds}", "'" + start + "'"));
    }
  }

  /** Integer indices {@code start, start + 1, ...}; any frequency gives the seasonal periods. */
  record Index(long start, Frequency frequency) implements TimeAxis {
    public Index {
      Objects.requireNonNull(frequency, "frequency");
    }

    @Override
    public String label(long i) {
      return Long.toString(start + i);
    }
  }

  /** Dates from {@code start} at a daily or coarser frequency. */
  record Dates(LocalDate start, Frequency frequency, StampFormat format) implements TimeAxis {
    public Dates {
      Objects.requireNonNull(start, "start");
      Objects.requireNonNull(format, "format");
      if (!frequency.isCalendar() || frequency.isSubDaily()) {
        throw new IllegalArgumentException(
            "a date axis needs a daily or coarser frequency, got " + frequency.name());
      }
      if (!frequency.isAnchor(StampMath.key(start))) {
        throw new IllegalArgumentException(
            start + " is not on the " + frequency.name() + " grid (" + frequency.describe() + ")");
      }
      if (format.hasTime()) {
        throw new IllegalArgumentException("a date axis takes a date format, got " + format);
      }
    }

    /** ISO dates. */
    public Dates(LocalDate start, Frequency frequency) {
      this(start, frequency, StampFormat.ISO_DATE);
    }

    /** The date of position {@code i}. */
    public LocalDate date(long i) {
      return StampMath.date(frequency.plus(StampMath.key(start), i));
    }

    @Override
    public String label(long i) {
      return format.format(date(i).atStartOfDay());
    }
  }

  /**
   * Date-times from {@code start} (wall-clock local, or UTC when the format says so); daily and
   * coarser steps keep the start's time of day.
   */
  record DateTimes(LocalDateTime start, Frequency frequency, StampFormat format)
      implements TimeAxis {
    public DateTimes {
      Objects.requireNonNull(start, "start");
      Objects.requireNonNull(format, "format");
      if (!frequency.isCalendar()) {
        throw new IllegalArgumentException("a date-time axis needs a calendar frequency: index");
      }
      if (!frequency.isAnchor(StampMath.key(start))) {
        throw new IllegalArgumentException(
            start + " is not on the " + frequency.name() + " grid (" + frequency.describe() + ")");
      }
    }

    /** The date-time of position {@code i}. */
    public LocalDateTime dateTime(long i) {
      return StampMath.dateTime(frequency.plus(StampMath.key(start), i));
    }

    @Override
    public String label(long i) {
      return format.format(dateTime(i));
    }
  }
}
