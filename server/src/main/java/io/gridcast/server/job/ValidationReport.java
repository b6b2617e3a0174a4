package io.gridcast.server.job;

import java.util.List;
import java.util.Map;

/**
 * The result of a validation job: the backtest of each model on each SKU, and per model the mean
 * over the SKUs it could be scored on. Figures that are not finite are null.
 *
 * @param horizon the backtest horizon
 * @param aggregate one line per model, in the order first seen
 * @param perSku one line per SKU and model
 */
record ValidationReport(
    String datasetId, int horizon, List<Aggregate> aggregate, List<Row> perSku) {

  /** One model on one SKU: scored, or the reason it could not be. */
  sealed interface Row permits Scored, Failed {}

  /** A backtest that ran. */
  record Scored(
      String sku,
      String model,
      Map<String, Double> parameters,
      Double smape,
      Double mase,
      Double bias,
      int folds)
      implements Row {}

  /** A backtest that could not run, and why. */
  record Failed(String sku, String model, Map<String, Double> parameters, String failure)
      implements Row {}

  /**
   * One model over the SKUs.
   *
   * @param skus SKUs whose sMAPE was finite (the mean's count)
   * @param smape mean sMAPE, null when no SKU had one
   * @param mase mean MASE over the SKUs that had one
   * @param bias mean bias over the same SKUs as sMAPE
   */
  record Aggregate(String model, int skus, Double smape, Double mase, Double bias) {}
}
