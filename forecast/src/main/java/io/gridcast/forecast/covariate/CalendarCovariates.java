package io.gridcast.forecast.covariate;

import de.focus_shift.jollyday.core.Holiday;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.HolidayType;
import de.focus_shift.jollyday.core.ManagerParameters;
import io.gridcast.forecast.series.Frequency;
import io.gridcast.forecast.series.Series;
import io.gridcast.forecast.series.TimeAxis;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Covariates built from the calendar of a series' time axis, for {@code rows = n + h} positions
 * (history and horizon):
 *
 * <ul>
 *   <li>{@code holiday}: the number of public holidays (country and region of {@link
 *       CalendarOptions}, from the jollyday calendars; the day off where a holiday is observed on
 *       another day) in the period of position {@code i}, {@code [date(i), date(i+1))}: 0 or 1 on
 *       daily data; {@code holiday_before_k} and {@code holiday_after_k} count the holidays {@code
 *       k} days after and before that period (the day before a holiday has {@code holiday_before_1
 *       = 1});
 *   <li>{@code dow_tue} .. {@code dow_sun}: 0/1 day-of-week dummies on daily and business-daily
 *       data, Monday the baseline (columns that never vary are left out);
 *   <li>{@code fourier_<p>_sin<k>}, {@code fourier_<p>_cos<k>} for each seasonal period {@code p}
 *       and {@code k = 1..min(K, floor(p/2))}: {@code sin(2 pi k t / p)}, {@code cos(2 pi k t / p)}
 *       with {@code t = i + 1} as R's {@code forecast::fourier} (the sine that vanishes when {@code
 *       2k = p} is left out).
 * </ul>
 *
 * Stateless and thread-safe.
 */
public final class CalendarCovariates {
  private CalendarCovariates() {}

  private static final String[] DAY_NAMES = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};

  /** The calendar covariates of {@code series} and the {@code horizon} steps after it. */
  public static Covariates of(Series series, int horizon, CalendarOptions options) {
    if (horizon < 0) {
      throw new IllegalArgumentException("horizon must be >= 0, got " + horizon);
    }
    return of(series.axis(), series.seasonalPeriods(), series.length() + horizon, options);
  }

  /**
   * The calendar covariates of positions {@code 0..rows-1} of {@code axis}.
   *
   * @param periods the seasonal periods that get Fourier terms (each {@code > 1})
   * @throws InvalidCalendarOptionException for holidays or day-of-week on an integer index, an
   *     unknown country or region
   */
  public static Covariates of(TimeAxis axis, double[] periods, int rows, CalendarOptions options) {
    if (rows < 1) {
      throw new IllegalArgumentException("rows must be >= 1, got " + rows);
    }
    List<String> names = new ArrayList<>();
    List<double[]> columns = new ArrayList<>();
    if (options.country() != null) {
      holidays(axis, rows, options, names, columns);
    }
    if (options.dayOfWeek()) {
      daysOfWeek(axis, rows, names, columns);
    }
    for (double p : periods) {
      fourier(p, options.fourierTerms(), rows, names, columns);
    }
    return new Covariates(names, columns.toArray(new double[0][]));
  }

  /** The holiday dates of {@code country} (and {@code region}) between two dates, inclusive. */
  public static Set<LocalDate> holidayDates(
      String country, String region, LocalDate from, LocalDate to) {
    HolidayManager manager = manager(country, region);
    Set<LocalDate> out = new TreeSet<>();
    String[] args = region == null ? new String[0] : new String[] {region};
    for (Holiday h : manager.getHolidays(from, to, HolidayType.PUBLIC_HOLIDAY, args)) {
      out.add(h.getActualDate());
    }
    return out;
  }

  private static HolidayManager manager(String country, String region) {
    String code = country.toUpperCase(Locale.ROOT);
    if (!HolidayManager.getSupportedCalendarCodes().contains(code)) {
      throw new InvalidCalendarOptionException(
          "country", "'" + country + "'", "has no holiday calendar");
    }
    HolidayManager m = HolidayManager.getInstance(ManagerParameters.create(code));
    if (region != null) {
      Map<String, ?> regions = m.getCalendarHierarchy().getChildren();
      if (!regions.containsKey(region)) {
        throw new InvalidCalendarOptionException(
            "region",
            "'" + region + "'",
            "is not a region of " + country + "; known: " + new TreeSet<>(regions.keySet()));
      }
    }
    return m;
  }

  private static void holidays(
      TimeAxis axis, int rows, CalendarOptions o, List<String> names, List<double[]> columns) {
    LocalDate[] day = new LocalDate[rows + 1];
    boolean periods;
    switch (axis) {
      case TimeAxis.Dates d -> {
        for (int i = 0; i <= rows; i++) {
          day[i] = d.date(i);
        }
        periods = true;
      }
      case TimeAxis.DateTimes d -> {
        for (int i = 0; i < rows; i++) {
          day[i] = d.dateTime(i).toLocalDate();
        }
        day[rows] = day[rows - 1].plusDays(1);
        periods = false;
      }
      case TimeAxis.Index x ->
          throw new InvalidCalendarOptionException(
              "holidays", o.country(), "need dates; the series is on an integer index");
    }
    int before = o.windowBefore();
    int after = o.windowAfter();
    Set<LocalDate> dates =
        holidayDates(o.country(), o.region(), day[0].minusDays(after), day[rows].plusDays(before));
    int width = 1 + before + after;
    double[][] c = new double[width][rows];
    for (int s = 0; s < width; s++) {
      // shift 0 marks the holiday itself; k before marks the day d - k; k after the day d + k
      Set<LocalDate> marked = new TreeSet<>();
      for (LocalDate d : dates) {
        marked.add(s == 0 ? d : s <= before ? d.minusDays(s) : d.plusDays(s - before));
      }
      if (periods) {
        for (LocalDate m : marked) {
          int i = position(day, m);
          if (i >= 0) {
            c[s][i]++;
          }
        }
      } else {
        for (int i = 0; i < rows; i++) {
          c[s][i] = marked.contains(day[i]) ? 1 : 0;
        }
      }
    }
    names.add("holiday");
    columns.add(c[0]);
    for (int k = 1; k <= before; k++) {
      names.add("holiday_before_" + k);
      columns.add(c[k]);
    }
    for (int k = 1; k <= after; k++) {
      names.add("holiday_after_" + k);
      columns.add(c[before + k]);
    }
  }

  /** The period holding {@code d}: {@code starts[i] <= d < starts[i+1]}, -1 outside. */
  private static int position(LocalDate[] starts, LocalDate d) {
    int i = Arrays.binarySearch(starts, d);
    if (i < 0) {
      i = -i - 2;
    }
    return i >= 0 && i < starts.length - 1 ? i : -1;
  }

  private static void daysOfWeek(
      TimeAxis axis, int rows, List<String> names, List<double[]> columns) {
    if (!(axis instanceof TimeAxis.Dates d)
        || !(d.frequency() instanceof Frequency.Days
            || d.frequency() instanceof Frequency.BusinessDays)) {
      throw new InvalidCalendarOptionException(
          "day_of_week", "on", "needs daily dates, the series is " + axis.frequency().name());
    }
    double[][] c = new double[7][rows];
    for (int i = 0; i < rows; i++) {
      DayOfWeek w = d.date(i).getDayOfWeek();
      c[w.getValue() - 1][i] = 1;
    }
    for (int w = 1; w < 7; w++) {
      if (varies(c[w])) {
        names.add("dow_" + DAY_NAMES[w]);
        columns.add(c[w]);
      }
    }
  }

  private static boolean varies(double[] c) {
    for (double v : c) {
      if (v != c[0]) {
        return true;
      }
    }
    return false;
  }

  private static void fourier(
      double p, int k, int rows, List<String> names, List<double[]> columns) {
    int pairs = Math.min(k, (int) Math.floor(p / 2));
    String label = p == Math.rint(p) ? Long.toString((long) p) : Double.toString(p);
    for (int j = 1; j <= pairs; j++) {
      double[] s = new double[rows];
      double[] c = new double[rows];
      for (int i = 0; i < rows; i++) {
        double a = 2 * Math.PI * j * (i + 1) / p;
        s[i] = Math.sin(a);
        c[i] = Math.cos(a);
      }
      if (2 * j != p) {
        names.add("fourier_" + label + "_sin" + j);
        columns.add(s);
      }
      names.add("fourier_" + label + "_cos" + j);
      columns.add(c);
    }
  }
}
