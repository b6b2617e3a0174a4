package io.gridcast.forecast.arima;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** R's {@code auto.arima()} sample fixtures (see resources/reference/arima/README.md). */
final class AutoArimaSample {
  /** One series of the sample with R's choice. */
  record Choice(
      String series, int period, ArimaOrder order, boolean constant, double aicc, double loglik) {
    @Override
    public String toString() {
      return series + " " + order.label(period) + (constant ? " +c" : "");
    }
  }

  /** R's differencing tests on one series. */
  record Tests(
      String series,
      int period,
      double kpss,
      double kpssDiff,
      int ndiffs,
      double seasonalStrength,
      int nsdiffs) {
    @Override
    public String toString() {
      return series;
    }
  }

  private static Map<String, double[]> series;

  private AutoArimaSample() {}

  static synchronized Map<String, double[]> series() {
    if (series == null) {
      Map<String, List<Double>> acc = new LinkedHashMap<>();
      for (String[] r : ArimaReference.rows("m3_sample_series.csv")) {
        acc.computeIfAbsent(r[0], k -> new ArrayList<>()).add(Double.parseDouble(r[2]));
      }
      Map<String, double[]> out = new LinkedHashMap<>();
      acc.forEach((k, v) -> out.put(k, v.stream().mapToDouble(Double::doubleValue).toArray()));
      series = out;
    }
    return series;
  }

  /** R's {@code auto.arima(x)} on the sample. */
  static List<Choice> choices() {
    return choices("r_auto_arima.csv");
  }

  /** R's {@code auto.arima(x, approximation = TRUE)} on every 48th monthly series. */
  static List<Choice> approximatedChoices() {
    return choices("r_auto_arima_approximation.csv");
  }

  private static List<Choice> choices(String file) {
    List<Choice> out = new ArrayList<>();
    for (String[] r : ArimaReference.rows(file)) {
      out.add(
          new Choice(
              r[0],
              Integer.parseInt(r[1]),
              ArimaOrder.of(
                  Integer.parseInt(r[2]),
                  Integer.parseInt(r[3]),
                  Integer.parseInt(r[4]),
                  Integer.parseInt(r[5]),
                  Integer.parseInt(r[6]),
                  Integer.parseInt(r[7])),
              r[8].equals("1") || r[9].equals("1"),
              ArimaReference.parse(r[10]),
              ArimaReference.parse(r[11])));
    }
    return out;
  }

  static List<Tests> tests() {
    List<Tests> out = new ArrayList<>();
    for (String[] r : ArimaReference.rows("r_differencing_tests.csv")) {
      out.add(
          new Tests(
              r[0],
              Integer.parseInt(r[1]),
              ArimaReference.parse(r[2]),
              ArimaReference.parse(r[3]),
              Integer.parseInt(r[4]),
              r[5].isEmpty() ? Double.NaN : ArimaReference.parse(r[5]),
              Integer.parseInt(r[6])));
    }
    return out;
  }
}
