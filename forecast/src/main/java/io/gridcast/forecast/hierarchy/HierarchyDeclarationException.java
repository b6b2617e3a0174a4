package io.gridcast.forecast.hierarchy;

import io.gridcast.forecast.ForecastException;

/** A hierarchy declaration that cannot be parsed; the message quotes it and says why. */
public class HierarchyDeclarationException extends ForecastException {
  private static final long serialVersionUID = 1L;

  public HierarchyDeclarationException(String declaration, String problem) {
    super("hierarchy '" + declaration + "' " + problem);
  }
}
