package io.gridcast.server.hierarchy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The small tourism-like hierarchy of the test resources ({@code hierarchy/tourism-small.csv},
 * declared {@code state/zone/region*purpose}) and what the tests compute from it on their own.
 */
final class HierarchyFixture {
  static final String DECLARATION = "state/zone/region*purpose";
  static final String QUERY = "?hierarchy=state/zone/region*purpose";

  /**
   * Nodes: total 1, state 2, zone 4, region 5, purpose 2, state*purpose 4, zone*purpose 8, bottom
   * 10.
   */
  static final int NODES = 36;

  static final int BOTTOM = 10;
  static final int MONTHS = 48;

  private HierarchyFixture() {}

  static String csv() {
    try (InputStream in =
        HierarchyFixture.class.getResourceAsStream("/hierarchy/tourism-small.csv")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One bottom series: its key values and its values in time order. */
  record Bottom(String id, Map<String, String> keys, List<Double> values) {}

  static Map<String, Bottom> bottoms(String csv) {
    Map<String, Bottom> out = new LinkedHashMap<>();
    String[] lines = csv.split("\n");
    String[] header = lines[0].split(",");
    for (int i = 1; i < lines.length; i++) {
      String[] f = lines[i].split(",");
      Map<String, String> keys = new LinkedHashMap<>();
      for (int c = 1; c <= 4; c++) {
        keys.put(header[c], f[c]);
      }
      out.computeIfAbsent(f[0], id -> new Bottom(id, keys, new ArrayList<>()))
          .values()
          .add(Double.parseDouble(f[6]));
    }
    return out;
  }

  /**
   * The fixture with its lines {@code from..to} (1-based, header = line 1) changed by {@code edit}.
   */
  static String edited(String csv, int from, int to, UnaryOperator<String> edit) {
    String[] lines = csv.split("\n");
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < lines.length; i++) {
      int line = i + 1;
      b.append(line >= from && line <= to ? edit.apply(lines[i]) : lines[i]).append('\n');
    }
    return b.toString();
  }
}
