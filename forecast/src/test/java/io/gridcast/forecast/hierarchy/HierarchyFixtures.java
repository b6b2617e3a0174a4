package io.gridcast.forecast.hierarchy;

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

/** The R fixtures of {@code src/test/resources/reference/hierarchy} (see its README). */
final class HierarchyFixtures {
  private HierarchyFixtures() {}

  static final Map<String, String> DECLARATIONS =
      Map.of("nested", "region/store", "crossed", "state/region*purpose");

  /** One CSV as rows of named fields. */
  static List<Map<String, String>> read(String file) {
    try (InputStream in =
            HierarchyFixtures.class.getResourceAsStream("/reference/hierarchy/" + file);
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String[] header = r.readLine().split(",");
      List<Map<String, String>> out = new ArrayList<>();
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        String[] f = line.split(",", -1);
        Map<String, String> row = new LinkedHashMap<>();
        for (int i = 0; i < header.length; i++) {
          row.put(header[i], f[i]);
        }
        out.add(row);
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static double number(String v) {
    return v.equals("NA") ? Double.NaN : Double.parseDouble(v);
  }

  /** The case's bottom keys, in the order R wrote them. */
  static List<BottomKey> keys(String caseName) {
    Map<String, Map<String, String>> byId = new LinkedHashMap<>();
    for (Map<String, String> row : read("keys.csv")) {
      if (row.get("case").equals(caseName)) {
        byId.computeIfAbsent(row.get("series_id"), k -> new LinkedHashMap<>())
            .put(row.get("column"), row.get("value"));
      }
    }
    List<BottomKey> out = new ArrayList<>();
    byId.forEach((id, keys) -> out.add(new BottomKey(id, keys)));
    return out;
  }

  static Hierarchy hierarchy(String caseName) {
    return Hierarchy.of(HierarchySpec.parse(DECLARATIONS.get(caseName)), keys(caseName));
  }

  /** Node names in R's order (the order of the reconciled rows of one method and step). */
  static List<String> nodeNames(String caseName) {
    List<String> out = new ArrayList<>();
    for (Map<String, String> row : read("reconciled.csv")) {
      if (row.get("case").equals(caseName)
          && row.get("method").equals("ols")
          && row.get("step").equals("1")) {
        out.add(row.get("node"));
      }
    }
    return out;
  }

  /** The case's base forecasts with standard errors and residuals, in the hierarchy's order. */
  static List<BaseForecast> base(String caseName, Hierarchy h) {
    Map<String, List<double[]>> steps = new LinkedHashMap<>();
    for (Map<String, String> row : read("base.csv")) {
      if (row.get("case").equals(caseName)) {
        steps
            .computeIfAbsent(row.get("node"), k -> new ArrayList<>())
            .add(new double[] {number(row.get("mean")), number(row.get("se"))});
      }
    }
    Map<String, double[]> residuals = residuals(caseName);
    List<BaseForecast> out = new ArrayList<>();
    for (Node node : h.nodes()) {
      List<double[]> s = steps.get(node.name());
      double[] mean = new double[s.size()];
      double[] se = new double[s.size()];
      for (int i = 0; i < s.size(); i++) {
        mean[i] = s.get(i)[0];
        se[i] = s.get(i)[1];
      }
      out.add(
          BaseForecast.of(mean).withStandardError(se).withResiduals(residuals.get(node.name())));
    }
    return out;
  }

  /** Residuals by node name. */
  static Map<String, double[]> residuals(String caseName) {
    Map<String, List<Double>> acc = new LinkedHashMap<>();
    for (Map<String, String> row : read("residuals.csv")) {
      if (row.get("case").equals(caseName)) {
        acc.computeIfAbsent(row.get("node"), k -> new ArrayList<>()).add(number(row.get("value")));
      }
    }
    Map<String, double[]> out = new LinkedHashMap<>();
    acc.forEach((k, v) -> out.put(k, v.stream().mapToDouble(Double::doubleValue).toArray()));
    return out;
  }

  /** R's value of a per-case scalar file such as shrinkage.csv. */
  static Map<String, String> row(String file, String caseName) {
    return read(file).stream()
        .filter(r -> r.get("case").equals(caseName))
        .findFirst()
        .orElseThrow();
  }
}
