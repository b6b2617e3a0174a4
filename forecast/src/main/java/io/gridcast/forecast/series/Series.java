package io.gridcast.forecast.series;

import java.util.Arrays;
import java.util.Objects;

/**
 * One time series: an id, finite values oldest first, the seasonal period and the time axis.
 *
 * <p>Immutable and thread-safe: the values are copied in and {@link #values()} returns a copy. Gaps
 * are refused or filled before a {@code Series} exists (see the package documentation), so every
 * value is finite.
 *
 * @param id the series id ({@code unique_id})
 * @param period the seasonal period, {@code >= 1} (1 = not seasonal)
 * @param axis the time axis; {@link #forecastLabel(int)} continues it
 * @param filled how many missing values were filled (see {@link Fill}) when the series was read
 * @param seasonalPeriods every seasonal period the models may use, ascending, each {@code > 1} and
 *     possibly fractional (365.25 days a year); empty when the series is not seasonal. Models that
 *     know one period use {@link #period()}; multi-seasonal decompositions use all of them.
 */
public record Series(
    String id, double[] values, int period, TimeAxis axis, int filled, double[] seasonalPeriods) {
  public Series {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(axis, "axis");
    Objects.requireNonNull(seasonalPeriods, "seasonalPeriods");
    seasonalPeriods = seasonalPeriods.clone();
    for (int i = 0; i < seasonalPeriods.length; i++) {
      double p = seasonalPeriods[i];
      if (!(p > 1) || Double.isInfinite(p) || (i > 0 && p <= seasonalPeriods[i - 1])) {
        throw new InvalidSeriesException(
            "series "
                + id
                + ": seasonal periods must be finite, > 1 and ascending, got "
                + Arrays.toString(seasonalPeriods));
      }
    }
    if (values.length == 0) {
      throw new InvalidSeriesException("series " + id + " has no values");
    }
    if (period < 1) {
      throw new InvalidSeriesException("series " + id + ": period must be >= 1, got " + period);
    }
    values = values.clone();
    for (int i = 0; i < values.length; i++) {
      if (!Double.isFinite(values[i])) {
        throw new InvalidSeriesException(
            "series " + id + ": value " + values[i] + " at position " + i + " is not finite");
      }
    }
  }

  /** A series with the single seasonal period {@code period} (none when it is 1). */
  public Series(String id, double[] values, int period, TimeAxis axis, int filled) {
    this(id, values, period, axis, filled, period > 1 ? new double[] {period} : new double[0]);
  }

  /**
   * A series on {@code axis} whose seasonal periods are those of {@code candidates} that fit at
   * least twice in its history ({@code 2p <= n}), and whose {@link #period()} is the smallest of
   * them rounded to an integer (1 when none fits): an hourly series of 200 values has periods 24
   * only, of 400 values 24 and 168, and period 24 either way.
   *
   * @param candidates seasonal periods, ascending, each {@code > 1}
   */
  public static Series onAxis(
      String id, double[] values, TimeAxis axis, int filled, double[] candidates) {
    int n = values.length;
    int used = 0;
    while (used < candidates.length && 2 * candidates[used] <= n) {
      used++;
    }
    double[] periods = Arrays.copyOf(candidates, used);
    int period = used == 0 ? 1 : Math.max(1, (int) Math.round(periods[0]));
    return new Series(id, values, period, axis, filled, periods);
  }

  /** A series on an integer index starting at 1, nothing filled. */
  public static Series of(String id, int period, double... values) {
    return new Series(id, values, period, new TimeAxis.Index(1, Frequency.INDEX), 0);
  }

  /** A copy of the values. */
  @Override
  public double[] values() {
    return values.clone();
  }

  /** A copy of the seasonal periods, ascending. */
  @Override
  public double[] seasonalPeriods() {
    return seasonalPeriods.clone();
  }

  /** This series with other seasonal periods (ascending, each {@code > 1}). */
  public Series withSeasonalPeriods(double... periods) {
    return new Series(id, values, period, axis, filled, periods);
  }

  /** The number of values. */
  public int length() {
    return values.length;
  }

  /** The value at position {@code i}. */
  public double value(int i) {
    return values[i];
  }

  /** The {@code ds} label of forecast step {@code step} (1-based): continues the axis. */
  public String forecastLabel(int step) {
    return axis.label(values.length - 1L + step);
  }

  /** Whether every value is {@code >= 0} (intervals are then clamped at zero). */
  public boolean isNonNegative() {
    for (double v : values) {
      if (v < 0) {
        return false;
      }
    }
    return true;
  }

  /** The share of values equal to zero, in [0, 1]. */
  public double zeroShare() {
    int zeros = 0;
    for (double v : values) {
      if (v == 0) {
        zeros++;
      }
    }
    return zeros / (double) values.length;
  }

  /** ADI at or above which a series counts as intermittent (Syntetos-Boylan cut-off). */
  public static final double INTERMITTENT_ADI = 1.32;

  /**
   * Average inter-demand interval {@code n / #(y != 0)}, rounded to 4 decimals; infinite for an
   * all-zero series.
   */
  public double averageDemandInterval() {
    double nonZero = values.length * (1 - zeroShare());
    return nonZero == 0
        ? Double.POSITIVE_INFINITY
        : Math.round(values.length / nonZero * 1e4) / 1e4;
  }

  /** Whether {@code ADI >= 1.32} (an all-zero series is intermittent). */
  public boolean isIntermittent() {
    return averageDemandInterval() >= INTERMITTENT_ADI;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Series s
        && id.equals(s.id)
        && period == s.period
        && filled == s.filled
        && axis.equals(s.axis)
        && Arrays.equals(values, s.values)
        && Arrays.equals(seasonalPeriods, s.seasonalPeriods);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        id, period, axis, filled, Arrays.hashCode(values), Arrays.hashCode(seasonalPeriods));
  }

  @Override
  public String toString() {
    return "Series["
        + id
        + ", n="
        + values.length
        + ", period="
        + period
        + ", periods="
        + Arrays.toString(seasonalPeriods)
        + ", "
        + axis
        + "]";
  }
}
