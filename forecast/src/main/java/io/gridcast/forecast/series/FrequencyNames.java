package io.gridcast.forecast.series;

import java.time.DayOfWeek;
import java.time.Month;
import java.util.Locale;

/** Parses frequency names (see {@link Frequency#parse}); a hand parser, no regular expressions. */
final class FrequencyNames {
  static final String KNOWN =
      "known: <k>min (e.g. 15min), h or <k>h, D, B, W-MON ... W-SUN (W = W-SUN), MS, ME (M),"
          + " M-<day>, QS, QE (Q), YS, YE (Y), each of QS/QE/YS/YE with -JAN ... -DEC, index;"
          + " and the names daily, hourly, weekly, monthly, quarterly, yearly";

  private FrequencyNames() {}

  static Frequency parse(String text) {
    if (text == null || text.isBlank()) {
      throw unknown(String.valueOf(text));
    }
    String u = text.trim().toUpperCase(Locale.ROOT);
    switch (u) {
      case "INDEX", "UNKNOWN" -> {
        return Frequency.INDEX;
      }
      case "D", "1D", "DAILY" -> {
        return Frequency.DAILY;
      }
      case "B", "BUSINESS" -> {
        return Frequency.BUSINESS_DAILY;
      }
      case "H", "HOURLY" -> {
        return Frequency.HOURLY;
      }
      case "MIN", "T" -> {
        return new Frequency.Minutes(1);
      }
      case "W" -> {
        return new Frequency.Weeks(DayOfWeek.SUNDAY);
      }
      case "MS" -> {
        return Frequency.MONTH_START;
      }
      case "ME", "M" -> {
        return Frequency.MONTH_END;
      }
      case "QS" -> {
        return Frequency.QUARTER_START;
      }
      case "QE", "Q" -> {
        return Frequency.QUARTER_END;
      }
      case "YS", "AS" -> {
        return Frequency.YEAR_START;
      }
      case "YE", "Y", "A" -> {
        return Frequency.YEAR_END;
      }
      case "WEEKLY", "MONTHLY", "QUARTERLY", "YEARLY", "ANNUAL" ->
          throw new UnknownFrequencyException(
              "'"
                  + text.trim()
                  + "' leaves the anchor to the data and is not one frequency here; "
                  + KNOWN);
      default -> {
        return parseCompound(text, u);
      }
    }
  }

  private static Frequency parseCompound(String text, String u) {
    int digits = 0;
    while (digits < u.length() && Character.isDigit(u.charAt(digits))) {
      digits++;
    }
    if (digits > 0 && digits <= 4) {
      int k = Integer.parseInt(u.substring(0, digits));
      String unit = u.substring(digits);
      int minutes =
          switch (unit) {
            case "MIN", "T" -> k;
            case "H" -> 60 * k;
            default -> -1;
          };
      if (minutes > 0 && minutes < 24 * 60) {
        return new Frequency.Minutes(minutes);
      }
      if (minutes > 0) {
        throw new UnknownFrequencyException(
            "'" + text.trim() + "' is a day or more: sub-daily steps are below 24h");
      }
      throw unknown(text);
    }
    int dash = u.indexOf('-');
    if (dash < 0) {
      throw unknown(text);
    }
    String base = u.substring(0, dash);
    String suffix = u.substring(dash + 1);
    switch (base) {
      case "W" -> {
        return new Frequency.Weeks(weekday(text, suffix));
      }
      case "M" -> {
        return new Frequency.Months(1, Month.JANUARY, day(text, suffix));
      }
      case "QS" -> {
        return new Frequency.Months(3, month(text, suffix), 1);
      }
      case "QE", "Q" -> {
        return new Frequency.Months(3, month(text, suffix), Frequency.Months.LAST);
      }
      case "YS", "AS" -> {
        return new Frequency.Months(12, month(text, suffix), 1);
      }
      case "YE", "Y", "A" -> {
        return new Frequency.Months(12, month(text, suffix), Frequency.Months.LAST);
      }
      default -> throw unknown(text);
    }
  }

  private static DayOfWeek weekday(String text, String s) {
    for (DayOfWeek d : DayOfWeek.values()) {
      if (d.name().startsWith(s) && s.length() == 3) {
        return d;
      }
    }
    throw new UnknownFrequencyException(
        "unknown weekday in '" + text.trim() + "'; weekly is W-MON, W-TUE, ... W-SUN");
  }

  private static Month month(String text, String s) {
    for (Month m : Month.values()) {
      if (m.name().startsWith(s) && s.length() == 3) {
        return m;
      }
    }
    throw new UnknownFrequencyException(
        "unknown month in '" + text.trim() + "'; the anchor is -JAN, -FEB, ... -DEC");
  }

  private static int day(String text, String s) {
    int d = -1;
    if (!s.isEmpty() && s.length() <= 2 && s.chars().allMatch(Character::isDigit)) {
      d = Integer.parseInt(s);
    }
    if (d < 1 || d > 31) {
      throw new UnknownFrequencyException(
          "unknown day in '" + text.trim() + "'; monthly on a day is M-1 ... M-31");
    }
    return d;
  }

  static UnknownFrequencyException unknown(String text) {
    return new UnknownFrequencyException("unknown frequency '" + text.trim() + "'; " + KNOWN);
  }
}
