package io.gridcast.forecast.decompose;

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
import java.util.concurrent.ConcurrentHashMap;

/** R's STL / MSTL reference values (see resources/reference/decompose/README.md). */
final class DecomposeFixtures {
  private DecomposeFixtures() {}

  private static final String DIR = "/reference/decompose/";

  /** One row of {@code stl_cases.csv}, by column name. */
  record StlCase(Map<String, String> columns) {
    String get(String key) {
      return columns.get(key);
    }

    int integer(String key) {
      return Integer.parseInt(columns.get(key));
    }

    boolean given(String key) {
      return !"NA".equals(columns.get(key));
    }

    @Override
    public String toString() {
      return columns.get("case_id");
    }
  }

  /** Every series by id. */
  static Map<String, double[]> series() {
    Map<String, List<Double>> acc = new LinkedHashMap<>();
    for (Map<String, String> row : read("series.csv")) {
      acc.computeIfAbsent(row.get("series_id"), k -> new ArrayList<>())
          .add(Double.parseDouble(row.get("y")));
    }
    Map<String, double[]> out = new LinkedHashMap<>();
    acc.forEach((k, v) -> out.put(k, v.stream().mapToDouble(Double::doubleValue).toArray()));
    return out;
  }

  static List<StlCase> stlCases() {
    return read("stl_cases.csv").stream().map(StlCase::new).toList();
  }

  /** Column {@code column} of {@code file} for the rows whose {@code key} column is {@code id}. */
  static double[] column(String file, String key, String id, String column) {
    return column(file, Map.of(key, id), column);
  }

  /** Column {@code column} of the rows matching every entry of {@code where}, in file order. */
  static double[] column(String file, Map<String, String> where, String column) {
    return read(file).stream()
        .filter(
            r -> where.entrySet().stream().allMatch(e -> e.getValue().equals(r.get(e.getKey()))))
        .mapToDouble(r -> Double.parseDouble(r.get(column)))
        .toArray();
  }

  /** The first value of a text column among the rows matching {@code where}. */
  static String text(String file, Map<String, String> where, String column) {
    return read(file).stream()
        .filter(
            r -> where.entrySet().stream().allMatch(e -> e.getValue().equals(r.get(e.getKey()))))
        .map(r -> r.get(column))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no row " + where + " in " + file));
  }

  private static final Map<String, List<Map<String, String>>> CACHE = new ConcurrentHashMap<>();

  static List<Map<String, String>> read(String file) {
    return CACHE.computeIfAbsent(file, DecomposeFixtures::load);
  }

  private static List<Map<String, String>> load(String file) {
    InputStream in = DecomposeFixtures.class.getResourceAsStream(DIR + file);
    if (in == null) {
      throw new IllegalStateException("missing test resource " + DIR + file);
    }
    List<Map<String, String>> rows = new ArrayList<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String[] header = r.readLine().split(",", -1);
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        String[] f = line.split(",", -1);
        Map<String, String> row = new LinkedHashMap<>();
        for (int i = 0; i < header.length; i++) {
          row.put(header[i], f[i]);
        }
        rows.add(row);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return rows;
  }
}
