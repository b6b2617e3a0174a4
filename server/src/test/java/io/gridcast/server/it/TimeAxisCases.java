package io.gridcast.server.it;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntFunction;

/**
 * One series per frequency, with its stamps as a user writes them and the next three stamps on the
 * calendar, both made here with {@code java.time} (not with the frequency code under test): month
 * ends through a leap February, business days over a weekend, weeks on each weekday, quarters and
 * years at their starts and ends, minutes and hours across midnight.
 */
public final class TimeAxisCases {
  /** Future steps every case lists. */
  public static final int HORIZON = 3;

  private TimeAxisCases() {}

  /**
   * One series.
   *
   * @param frequency the pandas name inference must find and a caller may set
   * @param history the stamps of its history, as written in the upload
   * @param future the next {@value #HORIZON} stamps, as the forecast must write them
   */
  public record Case(String frequency, List<String> history, List<String> future) {
    /** The SKU of this case in an upload. */
    public String sku() {
      return "S-" + frequency;
    }

    /** Its rows as long CSV (no header): y cycles 10..14 so no value is missing. */
    public String csvRows() {
      StringBuilder b = new StringBuilder();
      for (int i = 0; i < history.size(); i++) {
        b.append(sku()).append(',').append(history.get(i)).append(',').append(10 + i % 5);
        b.append('\n');
      }
      return b.toString();
    }
  }

  /** Every frequency, each its own case. */
  public static List<Case> all() {
    List<Case> out = new ArrayList<>();
    DateTimeFormatter tMinutes = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm", Locale.ROOT);
    DateTimeFormatter spaceSeconds =
        DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);
    LocalDateTime lateEvening = LocalDateTime.of(2024, 2, 28, 22, 0);
    out.add(stamps("15min", 12, i -> lateEvening.plusMinutes(15L * i).format(tMinutes)));
    out.add(stamps("30min", 12, i -> lateEvening.plusMinutes(30L * i).format(tMinutes)));
    out.add(stamps("h", 30, i -> lateEvening.plusHours(i).format(spaceSeconds)));
    LocalDate feb26 = LocalDate.of(2024, 2, 26);
    out.add(stamps("D", 10, i -> feb26.plusDays(i).toString()));
    out.add(businessDays());
    for (DayOfWeek d : DayOfWeek.values()) {
      LocalDate first = LocalDate.of(2024, 1, 1).with(TemporalAdjusters.nextOrSame(d));
      String name = "W-" + d.name().substring(0, 3);
      out.add(stamps(name, 10, i -> first.plusWeeks(i).toString()));
    }
    LocalDate jan2023 = LocalDate.of(2023, 1, 1);
    out.add(stamps("MS", 14, i -> jan2023.plusMonths(i).toString()));
    // month ends from December 2022: the history ends 2024-01-31, the future starts 2024-02-29
    out.add(stamps("ME", 14, i -> monthEnd(LocalDate.of(2022, 12, 1).plusMonths(i)).toString()));
    LocalDate jan2021 = LocalDate.of(2021, 1, 1);
    out.add(stamps("QS", 12, i -> jan2021.plusMonths(3L * i).toString()));
    out.add(
        stamps("QE", 11, i -> monthEnd(LocalDate.of(2021, 3, 1).plusMonths(3L * i)).toString()));
    LocalDate y2015 = LocalDate.of(2015, 1, 1);
    out.add(stamps("YS", 8, i -> y2015.plusYears(i).toString()));
    out.add(stamps("YE", 8, i -> LocalDate.of(2015 + i, 12, 31).toString()));
    out.add(stamps("index", 10, i -> Integer.toString(i + 1)));
    return out;
  }

  /** The case of {@code frequency}. */
  public static Case of(String frequency) {
    return all().stream().filter(c -> c.frequency().equals(frequency)).findFirst().orElseThrow();
  }

  private static LocalDate monthEnd(LocalDate d) {
    return d.withDayOfMonth(d.lengthOfMonth());
  }

  /** Monday 2024-03-04 to Thursday 2024-03-14; the future is Friday, then Monday and Tuesday. */
  private static Case businessDays() {
    List<String> all = new ArrayList<>();
    for (LocalDate d = LocalDate.of(2024, 3, 4); all.size() < 9 + HORIZON; d = d.plusDays(1)) {
      if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
        all.add(d.toString());
      }
    }
    return new Case("B", all.subList(0, 9), all.subList(9, 9 + HORIZON));
  }

  private static Case stamps(String frequency, int n, IntFunction<String> stamp) {
    List<String> history = new ArrayList<>();
    List<String> future = new ArrayList<>();
    for (int i = 0; i < n + HORIZON; i++) {
      (i < n ? history : future).add(stamp.apply(i));
    }
    return new Case(frequency, history, future);
  }
}
