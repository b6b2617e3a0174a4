package io.gridcast.server.dataset;

import io.gridcast.forecast.hierarchy.BottomKey;
import io.gridcast.forecast.hierarchy.Hierarchy;
import io.gridcast.forecast.hierarchy.HierarchyKeyException;
import io.gridcast.forecast.hierarchy.HierarchySpec;
import io.gridcast.forecast.hierarchy.NestingConflictException;
import io.gridcast.forecast.hierarchy.Node;
import io.gridcast.forecast.series.Series;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the bottom series of a hierarchy upload and their key values into every node's series: the
 * hierarchy is built from the keys (refusing keys that contradict the nesting, naming the lines),
 * and each aggregate is the exact (compensated) sum of its bottom series on their one time axis.
 * Stateless.
 */
public final class HierarchyUpload {
  /** Conflicts an error lists in its details. */
  static final int SHOWN = 10;

  /** Every node's series in the hierarchy's order and the rows to store. */
  public record Built(List<Series> series, StoredHierarchy stored) {}

  private HierarchyUpload() {}

  /**
   * Every node's series of a hierarchy CSV ({@code gridcast optimize --hierarchy}): the bottom
   * series and their key columns read in one pass, the aggregates summed.
   *
   * @throws InvalidUploadException naming the line and problem, or the rows of a nesting conflict
   */
  public static Built read(
      InputStream csv, UploadFormat format, HierarchySpec spec, long maxValues) {
    UploadParser.Keyed keyed =
        new UploadParser().csvWithKeys(csv, format, maxValues, spec.columns());
    return build(spec, keyed.parsed().series(), keyed.keys());
  }

  static Built build(HierarchySpec spec, List<Series> bottom, Map<String, KeyColumns.Keys> keys) {
    List<BottomKey> bottomKeys = new ArrayList<>(bottom.size());
    for (Series s : bottom) {
      bottomKeys.add(new BottomKey(s.id(), keys.get(s.id()).values()));
    }
    Hierarchy h;
    try {
      h = Hierarchy.of(spec, bottomKeys);
    } catch (NestingConflictException e) {
      throw nesting(e, keys);
    } catch (HierarchyKeyException e) {
      List<Map<String, Object>> rows = new ArrayList<>();
      for (String id : e.seriesIds()) {
        KeyColumns.Keys k = keys.get(id);
        rows.add(Map.of("sku", id, "line", k == null ? 0 : k.line()));
      }
      throw new InvalidUploadException(
          "hierarchy " + spec + ": " + e.getMessage(), Map.of("field", "hierarchy", "rows", rows));
    }
    Series first = bottom.get(0);
    Map<String, double[]> values = new HashMap<>();
    for (Series s : bottom) {
      if (s.length() != first.length() || !s.axis().label(0).equals(first.axis().label(0))) {
        throw new InvalidUploadException(
            "hierarchy "
                + spec
                + ": series "
                + s.id()
                + " spans "
                + s.axis().label(0)
                + " to "
                + s.axis().label(s.length() - 1)
                + ", series "
                + first.id()
                + " spans "
                + first.axis().label(0)
                + " to "
                + first.axis().label(first.length() - 1)
                + "; the series of a hierarchy share one time axis",
            Map.of("field", "hierarchy", "sku", s.id(), "line", keys.get(s.id()).line()));
      }
      values.put(s.id(), s.values());
    }
    double[][] all = h.aggregate(values);
    Map<String, Series> byId = new HashMap<>();
    bottom.forEach(s -> byId.put(s.id(), s));
    List<Series> out = new ArrayList<>(h.size());
    for (Node node : h.nodes()) {
      if (node.isBottom()) {
        out.add(byId.get(node.seriesId().orElseThrow()));
        continue;
      }
      if (byId.containsKey(node.name())) {
        throw new InvalidUploadException(
            "hierarchy "
                + spec
                + ": series "
                + node.name()
                + " has the name of an aggregate node; rename it",
            Map.of("field", "hierarchy", "sku", node.name()));
      }
      out.add(
          new Series(
              node.name(),
              all[node.index()],
              first.period(),
              first.axis(),
              0,
              first.seasonalPeriods()));
    }
    return new Built(out, StoredHierarchy.of(h));
  }

  private static InvalidUploadException nesting(
      NestingConflictException e, Map<String, KeyColumns.Keys> keys) {
    List<Map<String, Object>> conflicts = new ArrayList<>();
    for (NestingConflictException.Conflict c : e.conflicts()) {
      if (conflicts.size() == SHOWN) {
        break;
      }
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("column", c.column());
      m.put("value", c.value());
      m.put("parent_column", c.parentColumn());
      m.put("first_parent", c.firstParent());
      m.put("first_sku", c.firstSeriesId());
      m.put("first_line", keys.get(c.firstSeriesId()).line());
      m.put("second_parent", c.secondParent());
      m.put("second_sku", c.secondSeriesId());
      m.put("second_line", keys.get(c.secondSeriesId()).line());
      conflicts.add(m);
    }
    StringBuilder lines = new StringBuilder();
    for (Map<String, Object> m : conflicts) {
      lines
          .append(lines.isEmpty() ? "" : "; ")
          .append(m.get("column"))
          .append('=')
          .append(m.get("value"))
          .append(": lines ")
          .append(m.get("first_line"))
          .append(" and ")
          .append(m.get("second_line"));
    }
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("field", "hierarchy");
    d.put("conflict_count", e.conflicts().size());
    d.put("conflicts", conflicts);
    return new InvalidUploadException(e.getMessage() + " (rows: " + lines + ")", d);
  }
}
