package io.gridcast.bench.hierarchy;

import io.gridcast.forecast.hierarchy.BottomKey;
import io.gridcast.forecast.hierarchy.DuplicateNodes;
import io.gridcast.forecast.hierarchy.Hierarchy;
import io.gridcast.forecast.hierarchy.HierarchySpec;
import io.gridcast.forecast.hierarchy.Node;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The tourism data (duplicate aggregates left out, 525 nodes as in the published file): 304 bottom
 * series with keys {@code state, zone, region, purpose}, 228 months (1998-01 to 2016-12), the
 * hierarchy {@code state/zone/region*purpose} over them and every node's values, checked against
 * the published aggregates of {@code tourism_all_levels.csv}.
 *
 * @param hierarchy the 525-node hierarchy
 * @param values every node's 228 values, rows in node order
 * @param maxRelativeDifference the largest relative difference between an aggregate built here and
 *     the published one
 */
record TourismData(Hierarchy hierarchy, double[][] values, double maxRelativeDifference) {
  static final String DECLARATION = "state/zone/region*purpose";

  static TourismData load(Path dir) {
    Map<String, Map<String, String>> keys = new LinkedHashMap<>();
    Map<String, List<Double>> values = new LinkedHashMap<>();
    for (String[] f : rows(dir.resolve("tourism_bottom.csv"))) {
      keys.putIfAbsent(f[0], Map.of("state", f[3], "zone", f[4], "region", f[5], "purpose", f[6]));
      values.computeIfAbsent(f[0], k -> new ArrayList<>()).add(Double.parseDouble(f[2]));
    }
    List<BottomKey> bottom = new ArrayList<>();
    keys.forEach((id, k) -> bottom.add(new BottomKey(id, k)));
    Hierarchy h = Hierarchy.of(HierarchySpec.parse(DECLARATION), bottom, DuplicateNodes.DROP);
    Map<String, double[]> byId = new HashMap<>();
    values.forEach((id, v) -> byId.put(id, v.stream().mapToDouble(Double::doubleValue).toArray()));
    double[][] all = h.aggregate(byId);

    Map<String, List<Double>> published = new HashMap<>();
    for (String[] f : rows(dir.resolve("tourism_all_levels.csv"))) {
      published.computeIfAbsent(f[0], k -> new ArrayList<>()).add(Double.parseDouble(f[2]));
    }
    double worst = 0;
    for (Node node : h.nodes()) {
      List<Double> p = published.get(publishedId(node));
      if (p == null || p.size() != all[node.index()].length) {
        throw new IllegalStateException("no published series for " + node.name());
      }
      for (int t = 0; t < p.size(); t++) {
        double a = all[node.index()][t];
        double d = Math.abs(a - p.get(t)) / Math.max(1e-300, Math.abs(p.get(t)));
        worst = Math.max(worst, p.get(t) == 0 ? Math.abs(a) : d);
      }
    }
    return new TourismData(h, all, worst);
  }

  /** The id in tourism_all_levels.csv: the deepest geography value, then the purpose. */
  static String publishedId(Node node) {
    Map<String, String> k = node.keys();
    String geo =
        k.containsKey("region")
            ? k.get("region")
            : k.containsKey("zone") ? k.get("zone") : k.getOrDefault("state", "");
    String id = geo + k.getOrDefault("purpose", "");
    return id.isEmpty() ? "Total" : id;
  }

  private static List<String[]> rows(Path file) {
    try (BufferedReader r = Files.newBufferedReader(file)) {
      List<String[]> out = new ArrayList<>();
      r.readLine();
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        if (!line.isBlank()) {
          out.add(line.split(","));
        }
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
