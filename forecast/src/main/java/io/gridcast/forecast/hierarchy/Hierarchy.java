package io.gridcast.forecast.hierarchy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A hierarchy (nested and crossed key columns) over a set of bottom series: every node, its level,
 * and the summing matrix {@code S} with {@code y = S b}.
 *
 * <p>Nodes are ordered by level, the total first and the bottom level last (so {@code S} stacks the
 * aggregation matrix {@code C} on the identity: {@code S = [C; I]}); levels by the depth of the
 * last factor, then of the one before, ... (for {@code state/zone/region*purpose}: total, state,
 * zone, region, purpose, state*purpose, zone*purpose, region*purpose); nodes within a level by
 * their key values, column by column. The order therefore depends only on the declaration and the
 * set of keys, not on the order of the upload. Names are described at {@link Node} and {@link
 * Level}.
 *
 * <p>Built by {@link #of(HierarchySpec, List)}, which refuses keys that contradict the nesting
 * ({@link NestingConflictException}) and missing, blank or repeated keys ({@link
 * HierarchyKeyException}). Immutable and thread-safe.
 *
 * <pre>{@code
 * Hierarchy h = Hierarchy.of(HierarchySpec.parse("state/zone/region*purpose"), bottomKeys);
 * double[][] all = h.aggregate(valuesBySeriesId); // one row per node, h.nodes() order
 * }</pre>
 */
public final class Hierarchy {
  private final HierarchySpec spec;
  private final List<Level> levels;
  private final List<Node> nodes;
  private final SummingMatrix summing;
  private final Map<String, Integer> byName;
  private final Map<String, Integer> bySeriesId;
  private final int[] topDownChain;

  Hierarchy(
      HierarchySpec spec,
      List<Level> levels,
      List<Node> nodes,
      SummingMatrix summing,
      int[] topDownChain) {
    this.spec = spec;
    this.levels = List.copyOf(levels);
    this.nodes = List.copyOf(nodes);
    this.summing = summing;
    this.topDownChain = topDownChain;
    Map<String, Integer> names = new HashMap<>();
    Map<String, Integer> ids = new HashMap<>();
    for (Node node : nodes) {
      names.put(node.name(), node.index());
      node.seriesId().ifPresent(id -> ids.put(id, node.index()));
    }
    this.byName = Collections.unmodifiableMap(names);
    this.bySeriesId = Collections.unmodifiableMap(ids);
  }

  /**
   * Builds the hierarchy of {@code spec} over the given bottom series.
   *
   * @throws HierarchyKeyException when a declared key is missing or blank, or two series have the
   *     same keys (naming the series)
   * @throws NestingConflictException when a nested value lies under two parents (naming each
   *     conflict with a series on each side)
   */
  public static Hierarchy of(HierarchySpec spec, List<BottomKey> bottom) {
    return of(spec, bottom, DuplicateNodes.KEEP);
  }

  /**
   * As {@link #of(HierarchySpec, List)}, with aggregates that duplicate a deeper node kept or left
   * out.
   */
  public static Hierarchy of(
      HierarchySpec spec, List<BottomKey> bottom, DuplicateNodes duplicates) {
    return HierarchyAssembly.assemble(spec, bottom, duplicates);
  }

  public HierarchySpec spec() {
    return spec;
  }

  /** The levels, total first, bottom last. */
  public List<Level> levels() {
    return levels;
  }

  /** Every node, in the order of the rows of {@link #summing()}. */
  public List<Node> nodes() {
    return nodes;
  }

  public Node node(int index) {
    return nodes.get(index);
  }

  /** Number of nodes {@code n}. */
  public int size() {
    return nodes.size();
  }

  /** Number of bottom series {@code m}: the last {@code m} nodes. */
  public int bottomCount() {
    return summing.columns();
  }

  /** Number of aggregate nodes {@code n - m}: the first ones. */
  public int aggregateCount() {
    return size() - bottomCount();
  }

  /** The summing matrix. */
  public SummingMatrix summing() {
    return summing;
  }

  /** The node of that name, if any. */
  public Optional<Node> node(String name) {
    Integer i = byName.get(name);
    return i == null ? Optional.empty() : Optional.of(nodes.get(i));
  }

  /** The bottom node of that uploaded series id, if any. */
  public Optional<Node> bottomNode(String seriesId) {
    Integer i = bySeriesId.get(seriesId);
    return i == null ? Optional.empty() : Optional.of(nodes.get(i));
  }

  /** The level of that name, if any. */
  public Optional<Level> level(String name) {
    return levels.stream().filter(l -> l.name().equals(name)).findFirst();
  }

  /** The level a node belongs to. */
  public Level levelOf(int node) {
    return levels.get(nodes.get(node).level());
  }

  /**
   * The levels top-down reconciliation descends through: the total, then the first factor's columns
   * one by one, then each next factor's, ending at the bottom. Each level of the chain splits every
   * node of the level above it into children (for {@code state/zone/region*purpose}: total, state,
   * zone, region, region*purpose).
   */
  public List<Level> topDownChain() {
    List<Level> out = new ArrayList<>(topDownChain.length);
    for (int l : topDownChain) {
      out.add(levels.get(l));
    }
    return out;
  }

  /**
   * Every node's series from the bottom series: row {@code i} is node {@code i}, the compensated
   * sum ({@link SummingMatrix#sum}) at each time of the series it aggregates. NaN in a bottom
   * series makes the aggregates that contain it NaN at that time.
   *
   * @param valuesBySeriesId each bottom series' values by its id, all of one length
   * @throws IllegalArgumentException naming a missing or unknown series, or a length that differs
   */
  public double[][] aggregate(Map<String, double[]> valuesBySeriesId) {
    int m = bottomCount();
    int first = aggregateCount();
    double[][] bottom = new double[m][];
    int length = -1;
    String lengthOf = null;
    for (int j = 0; j < m; j++) {
      String id = nodes.get(first + j).seriesId().orElseThrow();
      double[] v = valuesBySeriesId.get(id);
      if (v == null) {
        throw new IllegalArgumentException("no values for bottom series '" + id + "'");
      }
      if (length >= 0 && v.length != length) {
        throw new IllegalArgumentException(
            "bottom series '"
                + id
                + "' has "
                + v.length
                + " values, '"
                + lengthOf
                + "' has "
                + length
                + ": a hierarchy's series share one time axis");
      }
      length = v.length;
      lengthOf = id;
      bottom[j] = v;
    }
    for (String id : valuesBySeriesId.keySet()) {
      if (!bySeriesId.containsKey(id)) {
        throw new IllegalArgumentException("series '" + id + "' is not a bottom series");
      }
    }
    int len = Math.max(length, 0);
    double[][] out = new double[size()][len];
    double[] slice = new double[m];
    for (int t = 0; t < len; t++) {
      for (int j = 0; j < m; j++) {
        slice[j] = bottom[j][t];
      }
      for (int i = 0; i < size(); i++) {
        out[i][t] = SummingMatrix.sum(slice, summing.rowView(i));
      }
    }
    return out;
  }

  @Override
  public String toString() {
    return "Hierarchy[" + spec + ", " + size() + " nodes, " + bottomCount() + " bottom]";
  }
}
