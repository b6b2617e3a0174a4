package io.gridcast.server.dataset;

import io.gridcast.forecast.series.Series;
import io.gridcast.server.error.ServerException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A forecast needs covariate values for stamps that no future file gave: a 422 {@code
 * missing_future_covariates} naming the SKU, the covariates and the first stamps missing.
 */
public final class MissingFutureCovariatesException extends ServerException {

  /**
   * @param sku the series
   * @param covariates its covariate names
   * @param stamps the first missing stamps, oldest first (at most a few)
   * @param missing how many rows are missing in all
   */
  public MissingFutureCovariatesException(
      String sku, List<String> covariates, List<String> stamps, int missing) {
    super(
        422,
        "missing_future_covariates",
        message(sku, covariates, stamps, missing),
        details(sku, covariates, stamps, missing));
  }

  /**
   * The refusal of series {@code s} with {@code rows} future rows of its covariates where {@code
   * horizon} are needed, naming its first missing stamps.
   */
  public static MissingFutureCovariatesException of(
      Series s, List<String> names, int rows, int horizon) {
    List<String> stamps = new ArrayList<>();
    for (int k = rows; k < horizon && stamps.size() < 5; k++) {
      stamps.add(s.axis().label(s.length() + k));
    }
    return new MissingFutureCovariatesException(s.id(), names, stamps, horizon - rows);
  }

  private static String message(
      String sku, List<String> covariates, List<String> stamps, int missing) {
    return "SKU '"
        + NameRules.shown(sku)
        + "' has no future values of its covariates "
        + covariates
        + " at "
        + String.join(", ", stamps)
        + (missing > stamps.size() ? " (" + missing + " stamps in all)" : "")
        + ": upload them (POST /api/datasets/{id}/future, --future FILE) for the whole horizon,"
        + " or send covariates=none";
  }

  private static Map<String, Object> details(
      String sku, List<String> covariates, List<String> stamps, int missing) {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("sku", sku);
    d.put("column", covariates.get(0));
    d.put("ds", stamps.get(0));
    d.put("stamps", stamps);
    d.put("missing", missing);
    return d;
  }
}
