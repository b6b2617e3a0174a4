package io.gridcast.forecast.series;

import static io.gridcast.forecast.series.StampMath.MICROS_PER_DAY;
import static io.gridcast.forecast.series.StampMath.MICROS_PER_MINUTE;
import static io.gridcast.forecast.series.StampMath.MICROS_PER_WEEK;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.util.Locale;

/**
 * The sampling frequency of a series, named as pandas and statsforecast name it: how a stamp steps
 * to the next one, which stamps are on its grid, and its seasonal periods.
 *
 * <table>
 *   <caption>Frequencies</caption>
 *   <tr><th>name</th><th>step</th><th>seasonal periods</th></tr>
 *   <tr><td>{@code 15min}, {@code 30min}, {@code 1min} ({@code <k>min})</td><td>k minutes</td>
 *       <td>a day {@code 1440/k} and a week {@code 10080/k} (96 and 672 for 15min)</td></tr>
 *   <tr><td>{@code h}, {@code 2h} ({@code <k>h})</td><td>k hours</td>
 *       <td>{@code 24/k} and {@code 168/k}</td></tr>
 *   <tr><td>{@code D}</td><td>a day</td><td>7 and 365.25</td></tr>
 *   <tr><td>{@code B}</td><td>a business day (Monday to Friday)</td><td>5</td></tr>
 *   <tr><td>{@code W-MON} ... {@code W-SUN}</td><td>a week, on that weekday</td>
 *       <td>365.25 / 7 (about 52.18)</td></tr>
 *   <tr><td>{@code MS}, {@code ME}, {@code M-<d>}</td><td>a month: its first day, its last day, or
 *       day d (the last day in months shorter than d)</td><td>12</td></tr>
 *   <tr><td>{@code QS}, {@code QE} ({@code -FEB}, {@code -NOV}... shift the quarters)</td>
 *       <td>a quarter: first day of Jan/Apr/Jul/Oct, last day of Mar/Jun/Sep/Dec</td><td>4</td></tr>
 *   <tr><td>{@code YS}, {@code YE} ({@code -JUL}, {@code -JUN}... fiscal years)</td>
 *       <td>a year: Jan 1, Dec 31</td><td>none</td></tr>
 *   <tr><td>{@code index}</td><td>an integer index</td><td>none</td></tr>
 * </table>
 *
 * <p>Steps work on stamp keys (see {@link StampMath}): from a start {@code s}, step {@code i} is
 * {@link #plus}{@code (s, i)}; sub-daily steps add {@code i k} minutes, so the time of day moves;
 * daily and coarser steps keep the start's time of day and move the date on the calendar (month
 * ends stay month ends, February included; business days skip weekends). {@link #stepsBetween} is
 * the inverse, {@code -1} for a stamp off the grid. {@link Index} has no calendar: an index axis
 * counts in ones whatever its frequency, which then only gives the seasonal periods.
 */
public sealed interface Frequency
    permits Frequency.Index,
        Frequency.Minutes,
        Frequency.Days,
        Frequency.BusinessDays,
        Frequency.Weeks,
        Frequency.Months {

  Frequency INDEX = new Index();
  Frequency HOURLY = new Minutes(60);
  Frequency DAILY = new Days();
  Frequency BUSINESS_DAILY = new BusinessDays();
  Frequency MONTH_START = new Months(1, Month.JANUARY, 1);
  Frequency MONTH_END = new Months(1, Month.JANUARY, Months.LAST);
  Frequency QUARTER_START = new Months(3, Month.JANUARY, 1);
  Frequency QUARTER_END = new Months(3, Month.DECEMBER, Months.LAST);
  Frequency YEAR_START = new Months(12, Month.JANUARY, 1);
  Frequency YEAR_END = new Months(12, Month.DECEMBER, Months.LAST);

  /**
   * The canonical (pandas) name: {@code 15min}, {@code h}, {@code D}, {@code W-MON}, {@code ME}.
   */
  String name();

  /** The seasonal periods of this frequency, ascending (see the table above). */
  double[] seasonalPeriods();

  /** Whether stamps are dates or date-times (false only for {@link Index}). */
  default boolean isCalendar() {
    return !(this instanceof Index);
  }

  /** Whether one step is shorter than a day (the stamps then need a time of day). */
  default boolean isSubDaily() {
    return this instanceof Minutes;
  }

  /** The key of step {@code steps} from {@code start} (a key on this grid). */
  long plus(long start, long steps);

  /** The steps from {@code start} to {@code key}; -1 when {@code key} is before or off the grid. */
  long stepsBetween(long start, long key);

  /**
   * Whether {@code key} may start this frequency's grid (a Monday for {@code W-MON}, a month end
   * for {@code ME}, a weekday for {@code B}; any stamp for steps without an anchor).
   */
  default boolean isAnchor(long key) {
    return true;
  }

  /** What the grid is, in words, for messages: {@code month ends}, {@code weekly on Monday}. */
  String describe();

  /**
   * Parses a frequency name (case-insensitive): the names above, {@code daily} and {@code hourly},
   * and the pandas spellings {@code M} (= {@code ME}), {@code Q} (= {@code QE}), {@code Y}/{@code
   * A} (= {@code YE}), {@code AS} (= {@code YS}), {@code W} (= {@code W-SUN}), {@code T} (= {@code
   * min}), {@code H} (= {@code h}). The family names {@code weekly}, {@code monthly}, {@code
   * quarterly} and {@code yearly} leave the anchor to the data: {@link FrequencyChoice#parse} takes
   * them.
   *
   * @throws UnknownFrequencyException naming the accepted names
   */
  static Frequency parse(String text) {
    return FrequencyNames.parse(text);
  }

  /** Integer steps without a calendar. */
  record Index() implements Frequency {
    @Override
    public String name() {
      return "index";
    }

    @Override
    public double[] seasonalPeriods() {
      return new double[0];
    }

    @Override
    public long plus(long start, long steps) {
      return start + steps;
    }

    @Override
    public long stepsBetween(long start, long key) {
      return key >= start ? key - start : -1;
    }

    @Override
    public String describe() {
      return "integer index";
    }
  }

  /**
   * Steps of {@code minutes} minutes (1 to 1439); a whole number of hours is named {@code <k>h}.
   */
  record Minutes(int minutes) implements Frequency {
    public Minutes {
      if (minutes < 1 || minutes >= 24 * 60) {
        throw new UnknownFrequencyException(
            "a sub-daily step must be 1 to 1439 minutes, got " + minutes + " (use D for a day)");
      }
    }

    @Override
    public String name() {
      if (minutes % 60 == 0) {
        return minutes == 60 ? "h" : minutes / 60 + "h";
      }
      return minutes + "min";
    }

    @Override
    public double[] seasonalPeriods() {
      double day = 24 * 60.0 / minutes;
      return new double[] {day, 7 * day};
    }

    @Override
    public long plus(long start, long steps) {
      return start + steps * minutes * MICROS_PER_MINUTE;
    }

    @Override
    public long stepsBetween(long start, long key) {
      long d = key - start;
      long step = minutes * MICROS_PER_MINUTE;
      return d < 0 || d % step != 0 ? -1 : d / step;
    }

    @Override
    public String describe() {
      return minutes == 60 ? "hourly" : "every " + minutes + " minutes";
    }
  }

  /** Calendar days. */
  record Days() implements Frequency {
    @Override
    public String name() {
      return "D";
    }

    @Override
    public double[] seasonalPeriods() {
      return new double[] {7, 365.25};
    }

    @Override
    public long plus(long start, long steps) {
      return start + steps * MICROS_PER_DAY;
    }

    @Override
    public long stepsBetween(long start, long key) {
      long d = key - start;
      return d < 0 || d % MICROS_PER_DAY != 0 ? -1 : d / MICROS_PER_DAY;
    }

    @Override
    public String describe() {
      return "daily";
    }
  }

  /** Monday to Friday; a step from Friday lands on Monday. */
  record BusinessDays() implements Frequency {
    @Override
    public String name() {
      return "B";
    }

    @Override
    public double[] seasonalPeriods() {
      return new double[] {5};
    }

    @Override
    public long plus(long start, long steps) {
      long day = StampMath.epochDay(start);
      long target = StampMath.businessDay(StampMath.businessIndex(day) + steps);
      return start + (target - day) * MICROS_PER_DAY;
    }

    @Override
    public long stepsBetween(long start, long key) {
      if (key < start || (key - start) % MICROS_PER_DAY != 0 || !isAnchor(key)) {
        return -1;
      }
      return StampMath.businessIndex(StampMath.epochDay(key))
          - StampMath.businessIndex(StampMath.epochDay(start));
    }

    @Override
    public boolean isAnchor(long key) {
      return StampMath.weekday(StampMath.epochDay(key)) < 5;
    }

    @Override
    public String describe() {
      return "business days (Monday to Friday)";
    }
  }

  /** Weeks on {@code anchor} ({@code W-MON} ... {@code W-SUN}). */
  record Weeks(DayOfWeek anchor) implements Frequency {
    public Weeks {
      if (anchor == null) {
        throw new UnknownFrequencyException("a weekly frequency needs its weekday");
      }
    }

    @Override
    public String name() {
      return "W-" + anchor.name().substring(0, 3);
    }

    @Override
    public double[] seasonalPeriods() {
      return new double[] {365.25 / 7};
    }

    @Override
    public long plus(long start, long steps) {
      return start + steps * MICROS_PER_WEEK;
    }

    @Override
    public long stepsBetween(long start, long key) {
      long d = key - start;
      return d < 0 || d % MICROS_PER_WEEK != 0 ? -1 : d / MICROS_PER_WEEK;
    }

    @Override
    public boolean isAnchor(long key) {
      return StampMath.dayOfWeek(key) == anchor;
    }

    @Override
    public String describe() {
      String d = anchor.name();
      return "weekly on " + d.charAt(0) + d.substring(1).toLowerCase(Locale.ROOT);
    }
  }

  /**
   * Steps of {@code months} months (1, 3 or 12) on day {@code day} of the month ({@value #LAST} =
   * the last day; a day beyond a month's length is its last day). {@code anchor} is a month of the
   * cycle (normalised: the first of the year for starts, the last for ends; January for monthly).
   * Quarterly and yearly steps sit on the first or the last day of a month.
   */
  record Months(int months, Month anchor, int day) implements Frequency {
    /** The last day of the month. */
    public static final int LAST = 31;

    public Months {
      if (months != 1 && months != 3 && months != 12) {
        throw new UnknownFrequencyException("month steps are 1, 3 or 12 months, got " + months);
      }
      if (day < 1 || day > LAST || (months > 1 && day != 1 && day != LAST)) {
        throw new UnknownFrequencyException(
            (months == 1
                    ? "a monthly day must be 1 to 31"
                    : "quarters and years start or end a month")
                + ", got day "
                + day);
      }
      if (anchor == null) {
        throw new UnknownFrequencyException("a quarterly or yearly frequency needs its month");
      }
      anchor = normalise(months, anchor, day);
    }

    private static Month normalise(int months, Month anchor, int day) {
      if (months == 1) {
        return Month.JANUARY;
      }
      if (months == 12) {
        return anchor;
      }
      int phase = (anchor.getValue() - 1) % 3; // 0, 1, 2
      return Month.of(day == 1 ? phase + 1 : phase + 10);
    }

    @Override
    public String name() {
      if (months == 1) {
        return day == 1 ? "MS" : day == LAST ? "ME" : "M-" + day;
      }
      String base = months == 3 ? "Q" : "Y";
      String name = base + (day == 1 ? "S" : "E");
      Month plain = day == 1 ? Month.JANUARY : Month.DECEMBER;
      return anchor == plain ? name : name + "-" + anchor.name().substring(0, 3);
    }

    @Override
    public double[] seasonalPeriods() {
      return months == 12 ? new double[0] : new double[] {12.0 / months};
    }

    @Override
    public long plus(long start, long steps) {
      LocalDate d = StampMath.date(start).withDayOfMonth(1).plusMonths(steps * months);
      LocalDate on = d.withDayOfMonth(Math.min(day, d.lengthOfMonth()));
      return StampMath.key(on) + StampMath.timeOfDay(start);
    }

    @Override
    public long stepsBetween(long start, long key) {
      if (key < start || StampMath.timeOfDay(key) != StampMath.timeOfDay(start)) {
        return -1;
      }
      LocalDate d = StampMath.date(key);
      if (!onDay(d)) {
        return -1;
      }
      long m = StampMath.monthIndex(d) - StampMath.monthIndex(StampMath.date(start));
      return m % months != 0 ? -1 : m / months;
    }

    @Override
    public boolean isAnchor(long key) {
      LocalDate d = StampMath.date(key);
      return onDay(d) && Math.floorMod(d.getMonthValue() - anchor.getValue(), months) == 0;
    }

    private boolean onDay(LocalDate d) {
      return d.getDayOfMonth() == Math.min(day, d.lengthOfMonth());
    }

    @Override
    public String describe() {
      if (months == 1) {
        return day == 1 ? "month starts" : day == LAST ? "month ends" : "monthly on day " + day;
      }
      StringBuilder b = new StringBuilder(months == 3 ? "quarter " : "year ");
      b.append(day == 1 ? "starts (" : "ends (");
      Month first = months == 3 ? Month.of((anchor.getValue() - 1) % 3 + 1) : anchor;
      for (int k = 0; k < 12 / months; k++) {
        String n = first.plus((long) k * months).name();
        b.append(k == 0 ? "" : ", ")
            .append(n.charAt(0))
            .append(n.substring(1, 3).toLowerCase(Locale.ROOT));
      }
      return b.append(day == 1 ? ", first day)" : ", last day)").toString();
    }
  }
}
