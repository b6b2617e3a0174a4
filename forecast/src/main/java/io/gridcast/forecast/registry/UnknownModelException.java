package io.gridcast.forecast.registry;

import io.gridcast.forecast.ForecastException;
import java.util.Collection;
import java.util.List;

/** A model name the registry does not know; the message lists the known names. */
public class UnknownModelException extends ForecastException {
  private static final long serialVersionUID = 1L;

  private final String name;
  private final List<String> known;

  public UnknownModelException(String name, Collection<String> known) {
    super("unknown model '" + name + "'; known models: " + String.join(", ", known));
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
