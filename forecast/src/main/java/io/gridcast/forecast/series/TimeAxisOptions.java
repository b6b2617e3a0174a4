package io.gridcast.forecast.series;

import java.util.Arrays;
import java.util.Objects;

/**
 * How the reader builds each series' time axis: the frequency (inferred by default), what fills a
 * missing value (nothing by default: gaps are refused), the seasonal periods (the frequency's by
 * default) and the caller's date pattern (ISO and integers by default). Every entry point (CLI
 * flags, API fields) parses its texts with {@link #parse} and hands the result to {@link
 * SeriesCsvReader.Builder#options}.
 *
 * @param frequency how each series' frequency is settled
 * @param fill what fills a missing value inside a series
 * @param seasonality candidate seasonal periods, ascending, each {@code > 1}; null takes the
 *     frequency's ({@link Frequency#seasonalPeriods()}), empty means none. Either way only the
 *     periods that fit twice in a series' history are used.
 * @param dateFormat a {@code java.time} pattern for {@code ds} ({@code dd/MM/yyyy}); null reads ISO
 *     dates, ISO date-times and integers
 */
public record TimeAxisOptions(
    FrequencyChoice frequency, Fill fill, double[] seasonality, String dateFormat) {

  /** Inferred frequency, gaps refused, the frequency's periods, ISO stamps. */
  public static final TimeAxisOptions DEFAULT =
      new TimeAxisOptions(FrequencyChoice.INFER, Fill.NONE, null, null);

  public TimeAxisOptions {
    Objects.requireNonNull(frequency, "frequency");
    Objects.requireNonNull(fill, "fill");
    if (seasonality != null) {
      seasonality = checkPeriods(seasonality);
    }
    if (dateFormat != null) {
      dateFormat = DateFormats.validate(dateFormat);
    }
  }

  /**
   * Parses the texts callers give; null or blank leaves the default. {@code seasonality} is a
   * comma-separated list ({@code 24,168}) or {@code none}.
   *
   * @throws InvalidSeriesOptionException naming the option and the problem
   */
  public static TimeAxisOptions parse(
      String frequency, String fill, String seasonality, String dateFormat) {
    return new TimeAxisOptions(
        FrequencyChoice.parse(frequency),
        Fill.parse(fill),
        parsePeriods(seasonality),
        dateFormat == null || dateFormat.isBlank() ? null : dateFormat.trim());
  }

  /** These options with another frequency choice. */
  public TimeAxisOptions withFrequency(FrequencyChoice choice) {
    return new TimeAxisOptions(choice, fill, seasonality, dateFormat);
  }

  /** These options with another fill. */
  public TimeAxisOptions withFill(Fill mode) {
    return new TimeAxisOptions(frequency, mode, seasonality, dateFormat);
  }

  /** These options with candidate seasonal periods (none when empty; null: the frequency's). */
  public TimeAxisOptions withSeasonality(double... periods) {
    return new TimeAxisOptions(frequency, fill, periods, dateFormat);
  }

  /** These options with a date pattern (null: ISO and integers). */
  public TimeAxisOptions withDateFormat(String pattern) {
    return new TimeAxisOptions(frequency, fill, seasonality, pattern);
  }

  /** A copy of the candidate periods, or null for the frequency's. */
  @Override
  public double[] seasonality() {
    return seasonality == null ? null : seasonality.clone();
  }

  /** The candidate periods of a series at {@code f}: the override, else the frequency's. */
  double[] periodsFor(Frequency f) {
    return seasonality != null ? seasonality.clone() : f.seasonalPeriods();
  }

  private static double[] parsePeriods(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    if (text.trim().equalsIgnoreCase("none")) {
      return new double[0];
    }
    String[] parts = text.split(",", -1);
    double[] out = new double[parts.length];
    for (int i = 0; i < parts.length; i++) {
      try {
        out[i] = Double.parseDouble(parts[i].trim());
      } catch (NumberFormatException e) {
        throw new InvalidSeriesOptionException(
            "seasonality",
            "seasonality '"
                + text.trim()
                + "': '"
                + parts[i].trim()
                + "' is not a number; give periods such as 24,168 or none");
      }
    }
    return out;
  }

  private static double[] checkPeriods(double[] periods) {
    double[] p = periods.clone();
    Arrays.sort(p);
    for (int i = 0; i < p.length; i++) {
      if (!(p[i] > 1) || Double.isInfinite(p[i])) {
        throw new InvalidSeriesOptionException(
            "seasonality",
            "seasonal periods must be finite and > 1, got " + Arrays.toString(periods));
      }
      if (i > 0 && p[i] == p[i - 1]) {
        throw new InvalidSeriesOptionException(
            "seasonality", "seasonal period " + p[i] + " is given twice");
      }
    }
    return p;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TimeAxisOptions t
        && frequency.equals(t.frequency)
        && fill == t.fill
        && Arrays.equals(seasonality, t.seasonality)
        && Objects.equals(dateFormat, t.dateFormat);
  }

  @Override
  public int hashCode() {
    return Objects.hash(frequency, fill, Arrays.hashCode(seasonality), dateFormat);
  }

  @Override
  public String toString() {
    return "TimeAxisOptions[frequency="
        + frequency.name()
        + ", fill="
        + fill.label()
        + ", seasonality="
        + (seasonality == null ? "default" : Arrays.toString(seasonality))
        + ", dateFormat="
        + dateFormat
        + "]";
  }
}
