package io.gridcast.forecast.decompose;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An MSTL decomposition {@code y = trend + seasonal_1 + ... + seasonal_k + remainder}. Immutable:
 * arrays are copied in and out.
 *
 * @param periods the periods decomposed, ascending (those that fit more than twice)
 * @param seasonals one seasonal component per period, in the same order
 * @param trend the trend-cycle
 * @param remainder what is left
 */
public record MstlDecomposition(
    double[] periods, List<double[]> seasonals, double[] trend, double[] remainder) {
  public MstlDecomposition {
    Objects.requireNonNull(periods, "periods");
    Objects.requireNonNull(trend, "trend");
    Objects.requireNonNull(remainder, "remainder");
    if (seasonals.size() != periods.length) {
      throw new IllegalArgumentException(
          seasonals.size() + " seasonal components for " + periods.length + " periods");
    }
    periods = periods.clone();
    trend = trend.clone();
    remainder = remainder.clone();
    List<double[]> copies = new ArrayList<>(seasonals.size());
    for (double[] s : seasonals) {
      if (s.length != trend.length) {
        throw new IllegalArgumentException(
            "a seasonal component has " + s.length + " values, the trend " + trend.length);
      }
      copies.add(s.clone());
    }
    seasonals = List.copyOf(copies);
    if (remainder.length != trend.length) {
      throw new IllegalArgumentException(
          "the remainder has " + remainder.length + " values, the trend " + trend.length);
    }
  }

  @Override
  public double[] periods() {
    return periods.clone();
  }

  /** Copies of the seasonal components. */
  @Override
  public List<double[]> seasonals() {
    return seasonals.stream().map(double[]::clone).toList();
  }

  /** A copy of seasonal component {@code i} (period {@code periods()[i]}). */
  public double[] seasonal(int i) {
    return seasonals.get(i).clone();
  }

  @Override
  public double[] trend() {
    return trend.clone();
  }

  @Override
  public double[] remainder() {
    return remainder.clone();
  }

  /** The seasonally adjusted series {@code trend + remainder} (R's {@code seasadj()}). */
  public double[] adjusted() {
    double[] a = new double[trend.length];
    for (int t = 0; t < a.length; t++) {
      a[t] = trend[t] + remainder[t];
    }
    return a;
  }

  /** The number of values decomposed. */
  public int length() {
    return trend.length;
  }
}
