package io.gridcast.forecast.registry;

import java.util.OptionalDouble;

/**
 * One model parameter: its name, closed range {@code [min, max]}, default (empty when the fit
 * estimates it), and meaning.
 */
public record ParameterRange(
    String name, double min, double max, OptionalDouble defaultValue, String description) {
  public ParameterRange {
    if (!(min <= max)) {
      throw new IllegalArgumentException(name + ": min " + min + " > max " + max);
    }
    if (defaultValue.isPresent() && !contains(min, max, defaultValue.getAsDouble())) {
      throw new IllegalArgumentException(
          name + ": default " + defaultValue.getAsDouble() + " outside [" + min + ", " + max + "]");
    }
  }

  /** A parameter the fit estimates when it is not given. */
  public static ParameterRange estimated(String name, double min, double max, String description) {
    return new ParameterRange(name, min, max, OptionalDouble.empty(), description);
  }

  /** A parameter with a default value. */
  public static ParameterRange of(
      String name, double min, double max, double defaultValue, String description) {
    return new ParameterRange(name, min, max, OptionalDouble.of(defaultValue), description);
  }

  public boolean contains(double value) {
    return contains(min, max, value);
  }

  private static boolean contains(double min, double max, double v) {
    return v >= min && v <= max;
  }
}
