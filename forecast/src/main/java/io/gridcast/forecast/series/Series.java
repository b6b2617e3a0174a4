package io.gridcast.forecast.series;

import java.util.Arrays;
import java.util.Objects;

/**
 * One time series: an id, finite values oldest first, the seasonal period and the time axis.
 *
 * <p>Immutable and thread-safe: the values are copied in and {@link #values()} returns a copy. Gaps
 * are filled before a {@code Series} exists (see the package documentation), so every value is
 * finite.
 *
 * @param id the series id ({@code unique_id})
 * @param period the seasonal period, {@code >= 1} (1 = not seasonal)
 * @param axis the time axis; {@link #forecastLabel(int)} continues it
 * @param filled how many values were filled by interpolation when the series was read
 */
public record Series(String id, double[] values, int period, TimeAxis axis, int filled) {
  public Series {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(axis, "axis");
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

  /** A series on an integer index starting at 1, nothing filled. */
  public static Series of(String id, int period, double... values) {
    return new Series(id, values, period, new TimeAxis.Index(1, Frequency.INDEX), 0);
  }

  /** A copy of the values. */
  @Override
  public double[] values() {
    return values.clone();
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

  @Override
  public boolean equals(Object o) {
    return o instanceof Series s
        && id.equals(s.id)
        && period == s.period
        && filled == s.filled
        && axis.equals(s.axis)
        && Arrays.equals(values, s.values);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, period, axis, filled, Arrays.hashCode(values));
  }

  @Override
  public String toString() {
    return "Series[" + id + ", n=" + values.length + ", period=" + period + ", " + axis + "]";
  }
}
