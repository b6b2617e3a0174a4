package io.gridcast.server.job;

import java.util.List;
import java.util.Map;

/**
 * The result an optimization or rescoring job stores: its dataset and one line per SKU ({@code
 * {"dataset_id", "skus":[...]}}). The full result of each SKU is its {@link ResultBody}.
 *
 * @param <L> the line of one SKU
 */
record JobResult<L>(String datasetId, List<L> skus) {

  /**
   * One optimized SKU.
   *
   * @param frequency the series' frequency (pandas name)
   * @param model the chosen spec's registry name
   * @param score its backtest score, null when not finite
   * @param cached whether the answer came from the result cache
   * @param fallback why the SKU did not get its best-scoring candidate; null when it did
   * @param covariates each covariate's coefficient in the chosen model, by name; empty when it used
   *     none
   */
  record Optimized(
      String sku,
      String frequency,
      String model,
      Double score,
      boolean cached,
      ResultBody.FallbackNote fallback,
      Map<String, Double> covariates) {
    Optimized(String sku, RestoredAnswer answer, boolean cached) {
      this(
          sku,
          answer.frequency(),
          answer.model(),
          JobJson.finite(answer.score()),
          cached,
          answer.fallback(),
          answer.covariates());
    }
  }

  /**
   * One rescored SKU.
   *
   * @param frequency the series' frequency (pandas name)
   * @param score the refit model's backtest score on the new data, null when not finite
   * @param previousScore the stored score it is compared with
   * @param flagged whether the error grew by more than the job's threshold
   * @param covariates each covariate's coefficient in the refit model, by name; empty when it used
   *     none
   */
  record Rescored(
      String sku,
      String frequency,
      String model,
      Double score,
      Double previousScore,
      boolean flagged,
      Map<String, Double> covariates) {}
}
