package io.gridcast.forecast.covariate;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Adds a centred square {@code (x_j(t) - mean_j)^2}, named {@code <name>^2}, for every covariate
 * with more than two distinct values over the history (temperature, price; not a 0/1 flag), so a
 * linear model can bend: demand for bikes or ice cream rises with temperature and falls again in
 * the heat. The mean is taken over the history rows only, so a backtest fold's square never depends
 * on its future. Stateless.
 */
public final class QuadraticTerms {
  private QuadraticTerms() {}

  /**
   * {@code x} with the squares of its continuous columns appended (means over rows {@code < n}).
   */
  public static Covariates expand(Covariates x, int n) {
    List<String> names = new ArrayList<>(x.names());
    List<double[]> cols = new ArrayList<>();
    double[][] c = x.columns();
    for (double[] col : c) {
      cols.add(col);
    }
    for (int j = 0; j < c.length; j++) {
      if (!continuous(c[j], n)) {
        continue;
      }
      double mean = 0;
      for (int t = 0; t < n; t++) {
        mean += c[j][t];
      }
      mean /= n;
      double[] sq = new double[c[j].length];
      for (int t = 0; t < sq.length; t++) {
        double d = c[j][t] - mean;
        sq[t] = d * d;
      }
      String name = x.names().get(j) + "^2";
      if (!names.contains(name)) {
        names.add(name);
        cols.add(sq);
      }
    }
    return new Covariates(names, cols.toArray(new double[0][]));
  }

  /**
   * The 0/1 flag {@code name} of a parameter map, 1 when absent.
   *
   * @throws IllegalArgumentException for another value, naming it
   */
  public static boolean flag(Map<String, Double> p, String name) {
    Double v = p.get(name);
    if (v != null && v != 0 && v != 1) {
      throw new IllegalArgumentException(name + " must be 0 or 1: " + v);
    }
    return v == null || v == 1;
  }

  private static boolean continuous(double[] c, int n) {
    Set<Double> seen = new HashSet<>();
    for (int t = 0; t < n && seen.size() <= 2; t++) {
      seen.add(c[t]);
    }
    return seen.size() > 2;
  }
}
