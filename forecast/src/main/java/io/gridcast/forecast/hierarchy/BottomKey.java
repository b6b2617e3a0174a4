package io.gridcast.forecast.hierarchy;

import java.util.Map;
import java.util.Objects;

/**
 * One bottom series and its key values, e.g. {@code AAAHol} with {@code state=A, zone=AA,
 * region=AAA, purpose=Hol}. Columns not in the declaration are ignored.
 *
 * @param seriesId the series id as uploaded (unique)
 * @param keys key column -> value
 */
public record BottomKey(String seriesId, Map<String, String> keys) {
  public BottomKey {
    Objects.requireNonNull(seriesId, "seriesId");
    keys = Map.copyOf(keys);
  }
}
