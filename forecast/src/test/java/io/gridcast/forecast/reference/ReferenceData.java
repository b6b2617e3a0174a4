package io.gridcast.forecast.reference;

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

/** Loads the R reference fixtures in {@code src/test/resources/reference} (see its README). */
public final class ReferenceData {
  private ReferenceData() {}

  /** One series: id, seasonal period, values. */
  public record Series(String id, int period, double[] y) {}

  private static final Map<String, Series> SERIES = loadSeries();
  private static final Map<String, double[]> FORECASTS = loadForecasts();
  private static final Map<String, String> PARAMS = loadParams();

  public static Series series(String id) {
    Series s = SERIES.get(id);
    if (s == null) {
      throw new IllegalArgumentException("no reference series " + id);
    }
    return s;
  }

  /** R's forecasts for (series, case, model), or null when absent. */
  public static double[] forecast(String id, String caseName, String model) {
    return FORECASTS.get(id + "|" + caseName + "|" + model);
  }

  /** Keys {@code series|case|model} of every forecast fixture. */
  public static List<String> forecastKeys() {
    return new ArrayList<>(FORECASTS.keySet());
  }

  /** A fitted-parameter value as printed by R. */
  public static double param(String id, String caseName, String model, String key) {
    String v = PARAMS.get(id + "|" + caseName + "|" + model + "|" + key);
    if (v == null) {
      throw new IllegalArgumentException("no parameter " + key + " for " + id + " " + model);
    }
    return Double.parseDouble(v);
  }

  private static List<String[]> rows(String file) {
    try (InputStream in = ReferenceData.class.getResourceAsStream("/reference/" + file);
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      List<String[]> out = new ArrayList<>();
      r.readLine();
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        if (!line.isBlank()) {
          out.add(line.replace("\"", "").split(","));
        }
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Map<String, Series> loadSeries() {
    Map<String, List<Double>> values = new LinkedHashMap<>();
    Map<String, Integer> periods = new LinkedHashMap<>();
    for (String[] r : rows("series.csv")) {
      values.computeIfAbsent(r[0], k -> new ArrayList<>()).add(Double.parseDouble(r[3]));
      periods.put(r[0], Integer.parseInt(r[1]));
    }
    Map<String, Series> out = new LinkedHashMap<>();
    values.forEach((id, v) ->
        out.put(
            id,
            new Series(
                id, periods.get(id), v.stream().mapToDouble(Double::doubleValue).toArray())));
    return out;
  }

  private static Map<String, double[]> loadForecasts() {
    Map<String, List<Double>> tmp = new LinkedHashMap<>();
    for (String[] r : rows("r_fixture_forecasts.csv")) {
      tmp.computeIfAbsent(r[0] + "|" + r[1] + "|" + r[2], k -> new ArrayList<>())
          .add(Double.parseDouble(r[4]));
    }
    Map<String, double[]> out = new LinkedHashMap<>();
    tmp.forEach((k, v) -> out.put(k, v.stream().mapToDouble(Double::doubleValue).toArray()));
    return out;
  }

  private static Map<String, String> loadParams() {
    Map<String, String> out = new LinkedHashMap<>();
    for (String[] r : rows("r_fixture_params.csv")) {
      out.put(r[0] + "|" + r[1] + "|" + r[2] + "|" + r[3], r[4]);
    }
    return out;
  }
}
