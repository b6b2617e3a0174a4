package io.gridcast.forecast.hierarchy;

import java.util.List;

/**
 * A level of a hierarchy: one depth per factor of the declaration (0 = summed out). Its nodes are
 * {@code firstNode .. firstNode + nodeCount - 1} of {@link Hierarchy#nodes()}.
 *
 * <p>Name: {@code total} when every depth is 0, otherwise the deepest column of each factor that is
 * not summed out, joined by {@code *} as in the declaration ({@code state}, {@code zone*purpose},
 * {@code region*purpose}).
 *
 * @param index position in {@link Hierarchy#levels()}
 * @param name the level name
 * @param depths per factor, how many of its columns the level keeps
 * @param firstNode index of the level's first node
 * @param nodeCount number of nodes in the level
 */
public record Level(int index, String name, List<Integer> depths, int firstNode, int nodeCount) {
  public Level {
    depths = List.copyOf(depths);
  }

  /** Whether node {@code i} belongs to this level. */
  public boolean contains(int node) {
    return node >= firstNode && node < firstNode + nodeCount;
  }
}
