package io.gridcast.forecast.arima;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** R's ARIMA reference values (see resources/reference/arima/README.md). */
final class ArimaReference {
  private static final String DIR = "/reference/arima/";

  /** One fixed-order {@code Arima()} call. */
  record Case(
      String id,
      String series,
      int period,
      ArimaOrder order,
      boolean mean,
      boolean drift,
      int horizon,
      List<String> regressors,
      double sensitivity,
      String error) {
    boolean failed() {
      return !error.isEmpty();
    }

    /**
     * Whether R's own answer holds to well within the parity tolerance when the series is perturbed
     * at rounding level (the fixture script refits twice to measure it).
     */
    boolean wellPosed() {
      return sensitivity <= ArimaRParityTest.TOLERANCE / 10;
    }

    @Override
    public String toString() {
      return id
          + " "
          + series
          + " "
          + order.label(period)
          + (mean ? " mean" : "")
          + (drift ? " drift" : "")
          + (regressors.isEmpty() ? "" : " xreg " + regressors);
    }
  }

  /** R's forecasts of one case: mean, lo80, hi80, lo95, hi95 by step. */
  record Forecast(double[] mean, double[] lo80, double[] hi80, double[] lo95, double[] hi95) {}

  private static Map<String, double[]> series;
  private static Map<String, Case> cases;
  private static Map<String, Map<String, Double>> values;
  private static Map<String, Forecast> forecasts;

  private ArimaReference() {}

  static synchronized Map<String, double[]> series() {
    if (series == null) {
      Map<String, List<Double>> acc = new LinkedHashMap<>();
      for (String[] r : rows("m3_series.csv")) {
        acc.computeIfAbsent(r[0], k -> new ArrayList<>()).add(Double.parseDouble(r[2]));
      }
      Map<String, double[]> out = new LinkedHashMap<>();
      acc.forEach((k, v) -> out.put(k, v.stream().mapToDouble(Double::doubleValue).toArray()));
      series = out;
    }
    return series;
  }

  static synchronized Map<String, Case> cases() {
    if (cases == null) {
      Map<String, Case> out = new LinkedHashMap<>();
      for (String[] r : rows("r_arima_cases.csv")) {
        ArimaOrder o =
            ArimaOrder.of(
                Integer.parseInt(r[3]),
                Integer.parseInt(r[4]),
                Integer.parseInt(r[5]),
                Integer.parseInt(r[6]),
                Integer.parseInt(r[7]),
                Integer.parseInt(r[8]));
        List<String> reg = r[12].isEmpty() ? List.of() : List.of(r[12].split(";"));
        out.put(
            r[0],
            new Case(
                r[0],
                r[1],
                Integer.parseInt(r[2]),
                o,
                r[9].equals("1"),
                r[10].equals("1"),
                Integer.parseInt(r[11]),
                reg,
                parse(r[13]),
                r.length > 14 ? r[14] : ""));
      }
      cases = out;
    }
    return cases;
  }

  static synchronized Map<String, Double> values(String id) {
    if (values == null) {
      Map<String, Map<String, Double>> out = new LinkedHashMap<>();
      for (String[] r : rows("r_arima_values.csv")) {
        out.computeIfAbsent(r[0], k -> new LinkedHashMap<>()).put(r[1], parse(r[2]));
      }
      values = out;
    }
    return values.get(id);
  }

  static synchronized Forecast forecast(String id) {
    if (forecasts == null) {
      Map<String, List<double[]>> acc = new LinkedHashMap<>();
      for (String[] r : rows("r_arima_forecasts.csv")) {
        double[] v = new double[5];
        for (int i = 0; i < 5; i++) {
          v[i] = parse(r[2 + i]);
        }
        acc.computeIfAbsent(r[0], k -> new ArrayList<>()).add(v);
      }
      Map<String, Forecast> out = new LinkedHashMap<>();
      acc.forEach((k, rowsOf) -> {
        double[][] cols = new double[5][rowsOf.size()];
        for (int s = 0; s < rowsOf.size(); s++) {
          for (int i = 0; i < 5; i++) {
            cols[i][s] = rowsOf.get(s)[i];
          }
        }
        out.put(k, new Forecast(cols[0], cols[1], cols[2], cols[3], cols[4]));
      });
      forecasts = out;
    }
    return forecasts.get(id);
  }

  /**
   * The synthetic regressors of the fixture script for steps {@code 1..n+h}: {@code cycle = sin(2
   * pi t / (2.5 max(m, 2)))}, {@code step = [t > 0.6 n]}, {@code ramp = max(0, t - n/2) / n}; rows
   * {@code 0..n+h-1}.
   */
  static double[][] regressors(List<String> names, int n, int h, int m) {
    double[][] x = new double[n + h][names.size()];
    for (int t = 1; t <= n + h; t++) {
      for (int j = 0; j < names.size(); j++) {
        x[t - 1][j] =
            switch (names.get(j)) {
              case "cycle" -> Math.sin(2 * Math.PI * t / (2.5 * Math.max(m, 2)));
              case "step" -> t > 0.6 * n ? 1 : 0;
              case "ramp" -> Math.max(0, t - 0.5 * n) / n;
              default -> throw new IllegalArgumentException("unknown regressor " + names.get(j));
            };
      }
    }
    return x;
  }

  /** R's number format ({@code Inf}, {@code -Inf}, {@code NaN} included). */
  static double parse(String v) {
    return switch (v) {
      case "Inf" -> Double.POSITIVE_INFINITY;
      case "-Inf" -> Double.NEGATIVE_INFINITY;
      case "NaN", "NA" -> Double.NaN;
      default -> Double.parseDouble(v);
    };
  }

  static List<String[]> rows(String file) {
    try (InputStream in = ArimaReference.class.getResourceAsStream(DIR + file)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + DIR + file);
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      List<String[]> out = new ArrayList<>();
      r.readLine();
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        String[] f = line.split(",", -1);
        for (int i = 0; i < f.length; i++) {
          f[i] = f[i].replace("\"", "");
        }
        out.add(f);
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
