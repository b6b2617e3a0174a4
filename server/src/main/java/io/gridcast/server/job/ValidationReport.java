package io.gridcast.server.job;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import java.util.List;
import java.util.Map;

/**
 * The result of a validation job: the backtest of each model on each SKU, and per model the mean
 * over the SKUs it could be scored on. Figures that are not finite are null.
 *
 * @param horizon the backtest horizon
 * @param aggregate one line per model, in the order first seen
 * @param perSku one line per SKU and model
 * @param hierarchy for a dataset with a hierarchy (all of its series validated): the per-level
 *     scores of its nodes' models; null (not written) otherwise
 */
record ValidationReport(
    String datasetId,
    int horizon,
    List<Aggregate> aggregate,
    List<Row> perSku,
    @JsonInclude(Include.NON_NULL) HierarchyScores hierarchy) {

  /**
   * A hierarchy scored per level on its last {@code horizon} values, each node forecast by its
   * model fitted on the values before them ({@link HierarchyValidation}).
   *
   * @param requested the reconciliation method asked for
   * @param used the method used (its fallback when the residual covariance was not usable)
   * @param fallbackReason why it fell back, else null
   * @param levels one line per level, total first
   * @param meanBaseMase mean over the levels of the base forecasts' mean MASE
   * @param meanReconciledMase the same for the reconciled forecasts
   */
  record HierarchyScores(
      String hierarchy,
      int horizon,
      String requested,
      String used,
      String fallbackReason,
      List<LevelLine> levels,
      Double meanBaseMase,
      Double meanReconciledMase) {}

  /**
   * One level.
   *
   * @param unscored nodes without a finite MASE (a zero scale), left out of the means
   * @param baseMase mean MASE of the base forecasts over the level's nodes
   * @param reconciledMase mean MASE of the reconciled forecasts
   */
  record LevelLine(String level, int nodes, int unscored, Double baseMase, Double reconciledMase) {}

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
