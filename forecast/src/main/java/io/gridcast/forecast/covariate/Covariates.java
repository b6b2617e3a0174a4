package io.gridcast.forecast.covariate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.IntStream;

/**
 * Named covariate columns of one series, aligned with its time axis: row {@code t} of every column
 * belongs to observation {@code t} of the series for {@code t < n}, and to forecast step {@code t -
 * n + 1} for {@code t >= n}. A series with {@code n} values and covariates of {@code n + h} rows
 * can be forecast up to {@code h} steps by a model that uses them.
 *
 * <p>Immutable and thread-safe: columns are copied in and out. Every value is finite (missing
 * future values are refused where they are read, naming the series and stamps).
 *
 * @param names column names, unique, in the order of {@code columns}
 * @param columns {@code columns[j][t]}: the value of covariate {@code j} at row {@code t}; every
 *     column has the same length
 */
public record Covariates(List<String> names, double[][] columns) {

  private static final Covariates NONE = new Covariates(List.of(), new double[0][]);

  public Covariates {
    names = List.copyOf(names);
    Objects.requireNonNull(columns, "columns");
    if (names.size() != columns.length) {
      throw new IllegalArgumentException(
          names.size() + " covariate names for " + columns.length + " columns");
    }
    if (names.stream().distinct().count() != names.size()) {
      throw new IllegalArgumentException("covariate names must be unique, got " + names);
    }
    double[][] copy = new double[columns.length][];
    for (int j = 0; j < columns.length; j++) {
      copy[j] = columns[j].clone();
      if (copy[j].length != columns[0].length) {
        throw new IllegalArgumentException(
            "covariate "
                + names.get(j)
                + " has "
                + copy[j].length
                + " rows, "
                + names.get(0)
                + " has "
                + columns[0].length);
      }
      for (int t = 0; t < copy[j].length; t++) {
        if (!Double.isFinite(copy[j][t])) {
          throw new IllegalArgumentException(
              "covariate " + names.get(j) + ": value " + copy[j][t] + " at row " + t);
        }
      }
    }
    columns = copy;
  }

  /** No covariates. */
  public static Covariates none() {
    return NONE;
  }

  /** True when there are no columns. */
  public boolean isEmpty() {
    return names.isEmpty();
  }

  /** How many covariates. */
  public int count() {
    return names.size();
  }

  /** Rows per column (0 when there are no columns). */
  public int rows() {
    return columns.length == 0 ? 0 : columns[0].length;
  }

  /** A copy of column {@code j}. */
  public double[] column(int j) {
    return columns[j].clone();
  }

  @Override
  public double[][] columns() {
    double[][] out = new double[columns.length][];
    for (int j = 0; j < columns.length; j++) {
      out[j] = columns[j].clone();
    }
    return out;
  }

  /**
   * The first {@code rows} rows: what a backtest fold that fits on {@code n} values and forecasts
   * {@code h} steps may see ({@code rows = n + h}), never a later fold's values.
   */
  public Covariates head(int rows) {
    if (rows < 0 || rows > rows()) {
      throw new IllegalArgumentException("rows must be in [0, " + rows() + "], got " + rows);
    }
    double[][] out = new double[columns.length][];
    for (int j = 0; j < columns.length; j++) {
      out[j] = Arrays.copyOf(columns[j], rows);
    }
    return new Covariates(names, out);
  }

  /**
   * The columns a regression on rows {@code 0..n-1} can estimate, in order: those that are neither
   * constant there nor a linear combination of an intercept and the columns kept before them (a
   * holiday outside the rows, day-of-week dummies that add up with {@code workingday} to 1). A
   * model leaves the others out and reports coefficient 0 for them.
   */
  public int[] estimableColumns(int n) {
    if (n < 1 || n > rows()) {
      throw new IllegalArgumentException("n must be in [1, " + rows() + "], got " + n);
    }
    int k = columns.length;
    double[][] design = new double[n][k + 1];
    for (int t = 0; t < n; t++) {
      design[t][0] = 1;
      for (int j = 0; j < k; j++) {
        design[t][j + 1] = columns[j][t];
      }
    }
    boolean[] dropped = LinearFit.dependentColumns(design, n);
    return IntStream.range(0, k).filter(j -> !dropped[j + 1]).toArray();
  }

  /** These columns followed by {@code other}'s (same rows; names must not repeat). */
  public Covariates plus(Covariates other) {
    if (other.isEmpty()) {
      return this;
    }
    if (isEmpty()) {
      return other;
    }
    if (other.rows() != rows()) {
      throw new IllegalArgumentException(
          "covariates with " + rows() + " and " + other.rows() + " rows cannot be joined");
    }
    List<String> n = new ArrayList<>(names);
    n.addAll(other.names);
    double[][] c = Arrays.copyOf(columns, columns.length + other.columns.length);
    System.arraycopy(other.columns, 0, c, columns.length, other.columns.length);
    return new Covariates(n, c);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Covariates c
        && names.equals(c.names)
        && Arrays.deepEquals(columns, c.columns);
  }

  @Override
  public int hashCode() {
    return 31 * names.hashCode() + Arrays.deepHashCode(columns);
  }

  @Override
  public String toString() {
    return "Covariates" + names + " x " + rows() + " rows";
  }
}
