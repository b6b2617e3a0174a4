package io.gridcast.forecast.series;

import java.time.LocalDate;
import java.util.Objects;

/**
 * Where a series' observations sit in time, and how its forecast {@code ds} labels continue: either
 * calendar dates from a start date at a {@link Frequency}, or an integer index.
 */
public sealed interface TimeAxis {

  /** The frequency: a calendar one for dates, {@link Frequency#INDEX} or HOURLY for an index. */
  Frequency frequency();

  /**
   * The {@code ds} label of position {@code i} (0-based; {@code i >= n} continues the calendar).
   */
  String label(long i);

  /** Dates {@code start, start + 1 step, ...}. */
  record Dates(LocalDate start, Frequency frequency) implements TimeAxis {
    public Dates {
      Objects.requireNonNull(start, "start");
      if (!frequency.isCalendar()) {
        throw new IllegalArgumentException("a date axis needs a calendar frequency: " + frequency);
      }
    }

    /** The date of position {@code i}. */
    public LocalDate date(long i) {
      return frequency.plus(start, i);
    }

    @Override
    public String label(long i) {
      return date(i).toString();
    }
  }

  /** Integer indices {@code start, start + 1, ...}. */
  record Index(long start, Frequency frequency) implements TimeAxis {
    public Index {
      if (frequency.isCalendar()) {
        throw new IllegalArgumentException("an index axis needs hourly or index: " + frequency);
      }
    }

    @Override
    public String label(long i) {
      return Long.toString(start + i);
    }
  }
}
