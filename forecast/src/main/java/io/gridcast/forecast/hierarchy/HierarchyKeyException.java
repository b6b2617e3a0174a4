package io.gridcast.forecast.hierarchy;

import io.gridcast.forecast.ForecastException;
import java.util.List;

/**
 * Bottom series whose keys cannot place them in the hierarchy: a declared key missing or blank, or
 * two series with the same keys. The message names the series; {@link #seriesIds()} lists them.
 */
public class HierarchyKeyException extends ForecastException {
  private static final long serialVersionUID = 1L;

  private final List<String> seriesIds;

  public HierarchyKeyException(String message, List<String> seriesIds) {
    super(message);
    this.seriesIds = List.copyOf(seriesIds);
  }

  /** The series whose keys are at fault, in input order. */
  public List<String> seriesIds() {
    return seriesIds;
  }
}
