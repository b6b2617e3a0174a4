package io.gridcast.server.dataset;

import io.gridcast.forecast.series.Series;
import io.gridcast.forecast.series.TimeAxisOptions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The covariates of a dataset's next version: the stored covariate values with the actuals' own
 * appended (or replacing those of a replaced stamp). Actuals of a dataset with covariates carry
 * every one of its covariate columns and no other; a dataset without covariates takes actuals
 * without extra columns, or with them when the caller sends {@code covariates=none}. Stateless.
 */
final class ActualsCovariates {
  private ActualsCovariates() {}

  /**
   * @param names the stored covariate names
   * @param storedCovariates the stored covariates and regions, by SKU
   * @param series the new version's series
   * @throws InvalidUploadException naming a covariate column the actuals lack, an extra column the
   *     dataset has no covariate of, a text value, or a stamp without a covariate value
   */
  static UploadCovariates appended(
      List<String> names,
      List<Series> stored,
      Map<String, SeriesCovariates> storedCovariates,
      CsvRows.Table actuals,
      Map<String, Set<String>> replaced,
      UploadFormat format,
      TimeAxisOptions axis,
      List<Series> series) {
    List<String> extras = actuals.extras();
    Map<String, Integer> byName = new LinkedHashMap<>();
    for (int i = 0; i < extras.size(); i++) {
      byName.put(extras.get(i), i);
    }
    Integer country = null;
    for (String e : extras) {
      if (CovariateColumns.isCountry(e)) {
        country = byName.get(e);
      }
    }
    if (!format.covariates()) {
      if (!names.isEmpty()) {
        throw new InvalidUploadException(
            "the dataset has covariates "
                + names
                + "; its actuals carry them (covariates=none would leave its next version without"
                + " them)",
            Map.of("column", names.get(0)));
      }
      return new UploadCovariates(List.of(), extras, Map.of());
    }
    for (String e : extras) {
      if (!CovariateColumns.isCountry(e) && !names.contains(e)) {
        throw new InvalidUploadException(
            "column '"
                + e
                + "' is not a covariate of the dataset"
                + (names.isEmpty() ? " (it has none)" : " (its covariates: " + names + ")")
                + "; remove it or send covariates=none",
            Map.of("line", 1, "column", e));
      }
    }
    for (String n : names) {
      if (!byName.containsKey(n)) {
        throw new InvalidUploadException(
            "the actuals lack covariate '"
                + n
                + "': actuals of a dataset with covariates carry each of them",
            Map.of("line", 1, "column", n));
      }
    }
    CovariateColumns sinks =
        new CovariateColumns(format.withAxis(axis).withCovariates(true), false);
    for (Series s : stored) {
      SeriesCovariates c = storedCovariates.get(s.id());
      if (c == null) {
        continue;
      }
      if (c.country() != null) {
        sinks.country(s.id(), c.country(), 0);
      }
      Set<String> gone = replaced.getOrDefault(s.id(), Set.of());
      for (int t = 0; t < s.length(); t++) {
        String label = s.axis().label(t);
        if (gone.contains(label)) {
          continue;
        }
        for (int j = 0; j < c.names().size(); j++) {
          sinks.add(c.names().get(j), s.id(), label, Double.toString(c.history()[j][t]), 0);
        }
      }
    }
    for (CsvRows.Row r : actuals.rows()) {
      if (country != null) {
        sinks.country(r.id(), r.extra().get(country), r.line());
      }
      for (String n : names) {
        sinks.add(n, r.id(), r.ds(), r.extra().get(byName.get(n)), r.line());
      }
    }
    return sinks.align(series);
  }
}
