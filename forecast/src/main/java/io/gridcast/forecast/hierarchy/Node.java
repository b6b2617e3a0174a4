package io.gridcast.forecast.hierarchy;

import java.util.Map;
import java.util.Optional;

/**
 * A series of the hierarchy: the total, an aggregate, or a bottom series.
 *
 * <p>Name: {@code total} for the total; otherwise, per factor that the level keeps, the chain of
 * {@code column=value} from the outermost column down to the level's depth joined by {@code /}, and
 * the factors joined by {@code *}: {@code state=A/zone=AA}, {@code state=A*purpose=Hol}, {@code
 * state=A/zone=AA/region=AAA*purpose=Hol}. In values, {@code %}, {@code /}, {@code *} and {@code =}
 * are written {@code %25}, {@code %2F}, {@code %2A}, {@code %3D}, so a name reads back
 * unambiguously.
 *
 * @param index position in {@link Hierarchy#nodes()}: row of the summing matrix
 * @param name the stable name above
 * @param level index of its level
 * @param keys the key values the node fixes, in declaration order (empty for the total)
 * @param seriesId for a bottom node, the uploaded series id
 */
public record Node(
    int index, String name, int level, Map<String, String> keys, Optional<String> seriesId) {

  /** Whether this is a bottom series. */
  public boolean isBottom() {
    return seriesId.isPresent();
  }
}
