package io.gridcast.server.dataset;

import io.gridcast.forecast.hierarchy.BottomKey;
import io.gridcast.forecast.hierarchy.Hierarchy;
import io.gridcast.forecast.hierarchy.HierarchySpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The hierarchy of a dataset as stored: its declaration and one row per node in the hierarchy's
 * order (total first, bottom last). {@link #hierarchy()} rebuilds the forecast core's {@link
 * Hierarchy} from the bottom nodes' keys; the order depends only on the declaration and the keys,
 * so it is the order stored.
 *
 * @param declaration e.g. {@code state/zone/region*purpose}
 * @param nodes every node, by index
 */
public record StoredHierarchy(String declaration, List<NodeRow> nodes) {
  public StoredHierarchy {
    nodes = List.copyOf(nodes);
  }

  /**
   * One node.
   *
   * @param index its row of the summing matrix
   * @param sku the dataset series holding it: the uploaded id of a bottom series, the node name of
   *     an aggregate
   * @param name the node name ({@code total}, {@code state=A/zone=AA}, ...)
   * @param levelIndex its level's position, total first
   * @param level its level's name ({@code total}, {@code state}, {@code region*purpose})
   * @param keys the key values it fixes
   * @param members the bottom ordinals it sums (its row of the summing matrix)
   */
  public record NodeRow(
      int index,
      String sku,
      String name,
      int levelIndex,
      String level,
      Map<String, String> keys,
      int[] members) {
    public NodeRow {
      keys = Map.copyOf(keys);
      members = members.clone();
    }

    @Override
    public int[] members() {
      return members.clone();
    }
  }

  /** The rows of a built hierarchy. */
  public static StoredHierarchy of(Hierarchy h) {
    List<NodeRow> rows = new ArrayList<>(h.size());
    for (var node : h.nodes()) {
      rows.add(
          new NodeRow(
              node.index(),
              node.seriesId().orElse(node.name()),
              node.name(),
              node.level(),
              h.levels().get(node.level()).name(),
              node.keys(),
              h.summing().row(node.index())));
    }
    return new StoredHierarchy(h.spec().toString(), rows);
  }

  /** How many nodes are bottom series: the last ones. */
  public int bottomCount() {
    int last = nodes.get(nodes.size() - 1).levelIndex();
    return (int) nodes.stream().filter(n -> n.levelIndex() == last).count();
  }

  /** The hierarchy rebuilt from the declaration and the bottom nodes' keys. */
  public Hierarchy hierarchy() {
    int first = nodes.size() - bottomCount();
    List<BottomKey> bottom = new ArrayList<>(nodes.size() - first);
    for (NodeRow n : nodes.subList(first, nodes.size())) {
      bottom.add(new BottomKey(n.sku(), n.keys()));
    }
    return Hierarchy.of(HierarchySpec.parse(declaration), bottom);
  }

  /** The node of a series of the dataset, if it is one. */
  public Optional<NodeRow> nodeOf(String sku) {
    return nodes.stream().filter(n -> n.sku().equals(sku)).findFirst();
  }
}
