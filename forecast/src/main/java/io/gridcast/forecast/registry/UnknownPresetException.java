package io.gridcast.forecast.registry;

import io.gridcast.forecast.ForecastException;
import java.util.Collection;
import java.util.List;

/** A preset name that is not defined; the message lists the known ones. */
public class UnknownPresetException extends ForecastException {
  private static final long serialVersionUID = 1L;

  private final String name;
  private final List<String> known;

  public UnknownPresetException(String name, Collection<String> known) {
    super("unknown preset '" + name + "'; known presets: " + String.join(", ", known));
    this.name = name;
    this.known = List.copyOf(known);
  }

  public String name() {
    return name;
  }

  public List<String> known() {
    return known;
  }
}
