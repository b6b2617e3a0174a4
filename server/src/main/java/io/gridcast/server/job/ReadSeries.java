package io.gridcast.server.job;

import io.gridcast.forecast.series.Fill;
import io.gridcast.forecast.series.Series;
import java.util.List;
import java.util.Objects;

/**
 * Series as an upload read them, before they are stored: the values and how their gaps were filled
 * (both part of an optimization question).
 *
 * @param series the series, in upload order
 * @param fill what filled their missing values
 */
public record ReadSeries(List<Series> series, Fill fill) {
  public ReadSeries {
    series = List.copyOf(series);
    Objects.requireNonNull(fill, "fill");
  }
}
