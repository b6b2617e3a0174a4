package io.gridcast.forecast.hierarchy;

/**
 * The summing matrix {@code S} (nodes x bottom series, 0/1): {@code y = S b} gives every node from
 * the bottom series {@code b}. Row {@code i} is stored as the sorted column indices of its ones.
 *
 * <p>Why not dense: a 0/1 matrix with one non-zero per level in each column has {@code m x levels}
 * non-zeros (2,432 for the 525 x 304 tourism hierarchy, 10 KB) where a dense {@code double[][]}
 * holds 159,600 cells (1.3 MB), and every product the reconciliation needs ({@code S b}, {@code S
 * P}, {@code U' W U}) costs the non-zeros, not the cells. {@link #toDense()} is there for tests.
 *
 * <p>Immutable and thread-safe.
 */
public final class SummingMatrix {
  private final int[][] rows;
  private final int columns;
  private final int nonZeros;

  SummingMatrix(int[][] rows, int columns) {
    this.rows = rows;
    this.columns = columns;
    int nz = 0;
    for (int[] r : rows) {
      nz += r.length;
    }
    this.nonZeros = nz;
  }

  /** Number of nodes {@code n}. */
  public int rows() {
    return rows.length;
  }

  /** Number of bottom series {@code m}. */
  public int columns() {
    return columns;
  }

  /** Number of ones. */
  public int nonZeros() {
    return nonZeros;
  }

  /** The bottom columns that node {@code i} sums, ascending (a copy). */
  public int[] row(int i) {
    return rows[i].clone();
  }

  /** How many bottom series node {@code i} sums: row {@code i} of {@code S 1}. */
  public int count(int i) {
    return rows[i].length;
  }

  /** Internal access without copy. */
  int[] rowView(int i) {
    return rows[i];
  }

  /**
   * {@code S b}: every node's value from the bottom values, each summed with Neumaier's compensated
   * summation (error independent of the number of terms, so an aggregate is the sum of its bottom
   * series to the last bit or two).
   */
  public double[] sum(double[] bottom) {
    if (bottom.length != columns) {
      throw new IllegalArgumentException(
          "expected " + columns + " bottom values, got " + bottom.length);
    }
    double[] out = new double[rows.length];
    for (int i = 0; i < rows.length; i++) {
      out[i] = sum(bottom, rows[i]);
    }
    return out;
  }

  static double sum(double[] v, int[] idx) {
    if (idx.length == 1) {
      return v[idx[0]];
    }
    double s = 0;
    double c = 0;
    for (int j : idx) {
      double x = v[j];
      double t = s + x;
      c += Math.abs(s) >= Math.abs(x) ? (s - t) + x : (x - t) + s;
      s = t;
    }
    return s + c;
  }

  /** The dense matrix, {@code rows() x columns()}. */
  public double[][] toDense() {
    double[][] s = new double[rows.length][columns];
    for (int i = 0; i < rows.length; i++) {
      for (int j : rows[i]) {
        s[i][j] = 1;
      }
    }
    return s;
  }
}
