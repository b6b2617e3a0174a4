package io.gridcast.forecast.series;

import static io.gridcast.forecast.series.StampMath.MICROS_PER_DAY;
import static io.gridcast.forecast.series.StampMath.MICROS_PER_MINUTE;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;

/**
 * Settles a series' {@link Frequency} from its sorted, distinct stamp keys.
 *
 * <p>Inference takes the smallest step between two stamps: below a day, that many minutes ({@code
 * 15min}, {@code h}); a day, {@code B} when every stamp is a weekday and some step skips a weekend,
 * else {@code D}; 7 days, weekly on the first stamp's weekday; 28-31 days monthly, 89-92 quarterly,
 * 365-366 yearly, anchored as the stamps are: all on the first of the month {@code MS}/{@code
 * QS}/{@code YS}, all on the last {@code ME}/{@code QE}/{@code YE}, monthly stamps on one day d
 * (the last day in shorter months) {@code M-d}. Quarters and years take the first stamp's month as
 * their anchor ({@code QS-FEB}, {@code YE-JUN}). Any other step is refused.
 */
final class FrequencyInference {
  static final String KNOWN_STEPS =
      "known: whole minutes below a day, 1 day, 7 days, 28-31 days monthly,"
          + " 89-92 days quarterly, 365-366 days yearly";

  private FrequencyInference() {}

  /** A stamp that does not fit; {@link #index} says which. */
  static final class StampProblem extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final int index;

    StampProblem(int index, String message) {
      super(message, null, false, false);
      this.index = index;
    }
  }

  /**
   * The frequency of a series of kind {@code kind} (see {@link StampParser}) with {@code n} stamp
   * keys; {@code common} is the file's most common inferred frequency (null when none), for a
   * series with one stamp.
   *
   * @throws StampProblem naming the stamp that does not fit
   */
  static Frequency settle(FrequencyChoice choice, byte kind, long[] keys, int n, Frequency common) {
    if (kind == StampParser.INDEX) {
      return switch (choice) {
        case FrequencyChoice.Infer i -> Frequency.INDEX;
        case FrequencyChoice.Exactly e -> e.frequency();
        case FrequencyChoice.AnchoredByData a -> defaultOf(a.family());
      };
    }
    Frequency f =
        switch (choice) {
          case FrequencyChoice.Infer i -> n >= 2 ? infer(keys, n) : single(keys[0], common);
          case FrequencyChoice.Exactly e -> e.frequency();
          case FrequencyChoice.AnchoredByData a -> anchor(a.family(), keys, n);
        };
    if (!f.isCalendar()) {
      throw new StampProblem(0, "frequency index needs integer stamps, not ds {ds}");
    }
    if (kind == StampParser.DATE && f.isSubDaily()) {
      throw new StampProblem(0, "frequency " + f.name() + " needs date-times, not the date {ds}");
    }
    if (!f.isAnchor(keys[0])) {
      throw new StampProblem(
          0, "ds {ds} is not on the " + f.name() + " grid (" + f.describe() + ")");
    }
    return f;
  }

  /** Inferred from the smallest step. */
  static Frequency infer(long[] keys, int n) {
    long min = Long.MAX_VALUE;
    int at = 1;
    for (int i = 1; i < n; i++) {
      long gap = keys[i] - keys[i - 1];
      if (gap < min) {
        min = gap;
        at = i;
      }
    }
    if (min < MICROS_PER_DAY) {
      if (min % MICROS_PER_MINUTE != 0) {
        throw new StampProblem(
            at,
            "cannot infer a frequency from a step of "
                + min / 1e6
                + " seconds (ending at ds {ds}): sub-daily steps are whole minutes");
      }
      return new Frequency.Minutes((int) (min / MICROS_PER_MINUTE));
    }
    if (min % MICROS_PER_DAY != 0) {
      throw new StampProblem(
          at,
          "cannot infer a frequency from a step of "
              + min / 3.6e9
              + " hours (ending at ds {ds}); "
              + KNOWN_STEPS);
    }
    long days = min / MICROS_PER_DAY;
    if (days == 1) {
      return businessDays(keys, n) ? Frequency.BUSINESS_DAILY : Frequency.DAILY;
    } else if (days == 7) {
      return anchor(FrequencyChoice.Family.WEEK, keys, n);
    } else if (days >= 28 && days <= 31) {
      return anchor(FrequencyChoice.Family.MONTH, keys, n);
    } else if (days >= 89 && days <= 92) {
      return anchor(FrequencyChoice.Family.QUARTER, keys, n);
    } else if (days == 365 || days == 366) {
      return anchor(FrequencyChoice.Family.YEAR, keys, n);
    }
    throw new StampProblem(
        at,
        "cannot infer a frequency from a gap of "
            + days
            + " days (ending at ds {ds}); "
            + KNOWN_STEPS);
  }

  /** Only weekdays, and at least one step over a weekend. */
  private static boolean businessDays(long[] keys, int n) {
    boolean skipsWeekend = false;
    for (int i = 0; i < n; i++) {
      long day = StampMath.epochDay(keys[i]);
      if (StampMath.weekday(day) >= 5) {
        return false;
      }
      if (i > 0) {
        long prev = StampMath.epochDay(keys[i - 1]);
        skipsWeekend |= day - prev > StampMath.businessIndex(day) - StampMath.businessIndex(prev);
      }
    }
    return skipsWeekend;
  }

  /** One stamp: the file's frequency, anchored by the stamp when the family allows. */
  private static Frequency single(long key, Frequency common) {
    if (common == null) {
      throw new StampProblem(
          0,
          "ds {ds} is the only stamp of its series and no series of the input has two to infer the"
              + " frequency from; set the frequency");
    }
    if (common.isAnchor(key)) {
      return common;
    }
    return switch (common) {
      case Frequency.Weeks w -> anchor(FrequencyChoice.Family.WEEK, new long[] {key}, 1);
      case Frequency.Months m ->
          anchor(
              m.months() == 1
                  ? FrequencyChoice.Family.MONTH
                  : m.months() == 3 ? FrequencyChoice.Family.QUARTER : FrequencyChoice.Family.YEAR,
              new long[] {key},
              1);
      case Frequency.Index i -> throw offCommon(common);
      case Frequency.Minutes m -> throw offCommon(common);
      case Frequency.Days d -> throw offCommon(common);
      case Frequency.BusinessDays b -> throw offCommon(common);
    };
  }

  private static StampProblem offCommon(Frequency common) {
    return new StampProblem(
        0,
        "ds {ds} is the only stamp of its series and is not on the input's frequency "
            + common.name()
            + " ("
            + common.describe()
            + "); set the frequency");
  }

  /** The family's frequency anchored where the stamps are. */
  static Frequency anchor(FrequencyChoice.Family family, long[] keys, int n) {
    LocalDate first = StampMath.date(keys[0]);
    int months =
        switch (family) {
          case WEEK -> 0;
          case MONTH -> 1;
          case QUARTER -> 3;
          case YEAR -> 12;
        };
    if (months == 0) {
      return new Frequency.Weeks(first.getDayOfWeek());
    }
    boolean allFirst = true;
    boolean allLast = true;
    int maxDay = 0;
    for (int i = 0; i < n; i++) {
      LocalDate d = StampMath.date(keys[i]);
      allFirst &= d.getDayOfMonth() == 1;
      allLast &= d.getDayOfMonth() == d.lengthOfMonth();
      maxDay = Math.max(maxDay, d.getDayOfMonth());
    }
    Month anchor = first.getMonth();
    if (allFirst) {
      return new Frequency.Months(months, anchor, 1);
    }
    if (allLast) {
      return new Frequency.Months(months, anchor, Frequency.Months.LAST);
    }
    for (int i = 0; i < n; i++) {
      LocalDate d = StampMath.date(keys[i]);
      boolean onDay = d.getDayOfMonth() == Math.min(maxDay, d.lengthOfMonth());
      if (months > 1 && d.getDayOfMonth() != 1 && d.getDayOfMonth() != d.lengthOfMonth()) {
        throw new StampProblem(
            i,
            "ds {ds} is neither the first nor the last day of a month: "
                + (months == 3 ? "quarterly" : "yearly")
                + " stamps must all be one or the other (QS/QE, YS/YE)");
      }
      if (months == 1 && !onDay) {
        throw new StampProblem(
            i,
            "ds {ds} is on day "
                + d.getDayOfMonth()
                + " while other monthly stamps are on day "
                + maxDay
                + ": monthly stamps must all be month starts (MS), month ends (ME) or one day of"
                + " the month (M-<day>)");
      }
    }
    if (months > 1) {
      throw new StampProblem(
          0,
          "stamps from ds {ds} on mix first and last days of months: quarterly and yearly"
              + " stamps are one or the other");
    }
    return new Frequency.Months(1, Month.JANUARY, maxDay);
  }

  /** The frequency a family stands for on an integer index (where it only gives seasonality). */
  private static Frequency defaultOf(FrequencyChoice.Family family) {
    return switch (family) {
      case WEEK -> new Frequency.Weeks(DayOfWeek.SUNDAY);
      case MONTH -> Frequency.MONTH_START;
      case QUARTER -> Frequency.QUARTER_START;
      case YEAR -> Frequency.YEAR_START;
    };
  }
}
