package io.gridcast.forecast.ets;

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
import java.util.TreeMap;

/** R's ETS reference values (see resources/reference/ets/README.md). */
final class RReference {
  static final Map<String, Integer> PERIOD =
      Map.of(
          "N0001", 1, "N0100", 1, "N0646", 4, "N0700", 4, "N1402", 12, "N1500", 12, "N1900", 12,
          "N2000", 12, "N2830", 1);

  /** One R fit: parameters and figures by R's names, forecasts in order. */
  record Fit(String series, String model, Map<String, String> values, double[] forecasts) {
    double get(String key) {
      return Double.parseDouble(values.get(key));
    }

    boolean has(String key) {
      return values.containsKey(key);
    }

    EtsStructure structure() {
      return model.equals("ets_auto")
          ? EtsStructure.fromCode(values.get("method"))
          : EtsStructure.fromCode(model.substring(4));
    }

    int period() {
      return structure().seasonal() ? PERIOD.get(series) : 1;
    }

    /** R's parameters translated to an {@link EtsSpec} parameter map (all states included). */
    Map<String, Double> specParameters() {
      EtsStructure s = structure();
      int m = period();
      Map<String, Double> p = new LinkedHashMap<>();
      for (String k : List.of("alpha", "beta", "gamma", "phi")) {
        if (has(k)) {
          p.put(k, get(k));
        }
      }
      p.put("l0", get("l"));
      if (s.hasTrend()) {
        p.put("b0", get("b"));
      }
      if (s.seasonal()) {
        double sum = 0;
        for (int j = 0; j < m - 1; j++) {
          double v = get("s" + j);
          p.put("s" + j, v);
          sum += v;
        }
        p.put("s" + (m - 1), (s.multiplicativeSeason() ? m : 0) - sum);
      }
      return p;
    }
  }

  private RReference() {}

  static Map<String, double[]> series() {
    Map<String, List<Double>> acc = new TreeMap<>();
    for (List<String> row : read("m3_series.csv")) {
      acc.computeIfAbsent(row.get(0), k -> new ArrayList<>()).add(Double.parseDouble(row.get(2)));
    }
    Map<String, double[]> out = new TreeMap<>();
    acc.forEach((k, v) -> out.put(k, v.stream().mapToDouble(Double::doubleValue).toArray()));
    return out;
  }

  static List<Fit> fits() {
    Map<String, Map<String, String>> values = new LinkedHashMap<>();
    for (List<String> row : read("r_ets_params.csv")) {
      values
          .computeIfAbsent(row.get(0) + "|" + row.get(2), k -> new LinkedHashMap<>())
          .put(row.get(3), row.get(4));
    }
    Map<String, List<Double>> fc = new LinkedHashMap<>();
    for (List<String> row : read("r_ets_forecasts.csv")) {
      fc.computeIfAbsent(row.get(0) + "|" + row.get(2), k -> new ArrayList<>())
          .add(Double.parseDouble(row.get(4)));
    }
    List<Fit> fits = new ArrayList<>();
    values.forEach((key, v) -> {
      String[] parts = key.split("\\|");
      double[] f = fc.get(key).stream().mapToDouble(Double::doubleValue).toArray();
      fits.add(new Fit(parts[0], parts[1], v, f));
    });
    return fits;
  }

  private static List<List<String>> read(String name) {
    try (InputStream in = RReference.class.getResourceAsStream("/reference/ets/" + name)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + name);
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      List<List<String>> rows = new ArrayList<>();
      r.readLine();
      for (String line; (line = r.readLine()) != null; ) {
        if (!line.isBlank()) {
          rows.add(parse(line));
        }
      }
      return rows;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One RFC-4180 line (no embedded newlines in these files). */
  private static List<String> parse(String line) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          cur.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          cur.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        out.add(cur.toString());
        cur.setLength(0);
      } else {
        cur.append(c);
      }
    }
    out.add(cur.toString());
    return out;
  }
}
