package io.gridcast.forecast.search;

import io.gridcast.forecast.model.ModelSpec;
import java.util.Map;
import java.util.StringJoiner;

/** Short human labels for specs, as the CLI and the API print them. */
public final class SpecLabel {
  private SpecLabel() {}

  /** The model name; a combination lists its members ({@code combination(ses+holt)}). */
  public static String name(ModelSpec spec) {
    return spec instanceof Combination c ? c.label() : spec.name();
  }

  /** The name with parameters, e.g. {@code ses(alpha=0.3)}. */
  public static String describe(ModelSpec spec) {
    Map<String, Double> p = spec.parameters();
    if (p.isEmpty()) {
      return name(spec);
    }
    StringJoiner j = new StringJoiner(", ", name(spec) + "(", ")");
    p.forEach((k, v) -> j.add(k + "=" + v));
    return j.toString();
  }
}
