package io.gridcast.server.job;

import io.gridcast.forecast.registry.DefaultSelection;
import io.gridcast.forecast.search.GridOptimizer;
import java.util.List;

/**
 * What a job reads from its payload (JSON, snake_case).
 *
 * @param datasetId the dataset whose series the job reads
 * @param skus the SKUs of this job: one for optimization and rescoring; for validation the SKUs to
 *     report on, empty for all
 * @param models registry names (or {@code a+b} combinations); empty for the preset's selection
 * @param preset the preset whose candidate lists are searched when {@code models} is empty (absent
 *     in payloads written before presets: {@code default})
 * @param horizon forecast horizon
 * @param metric metric key ({@code smape}, {@code mase}, ...)
 * @param folds backtest folds
 * @param sourceDatasetId rescoring: the dataset whose stored best models are refit
 * @param threshold rescoring: relative growth of the error that flags a SKU (0.2 = 20% worse)
 * @param levels interval levels in percent, ascending (absent in payloads written before levels
 *     could be chosen: the optimizer's default, 80 and 95)
 */
public record JobPayload(
    String datasetId,
    List<String> skus,
    List<String> models,
    String preset,
    int horizon,
    String metric,
    int folds,
    String sourceDatasetId,
    double threshold,
    List<Double> levels) {

  public JobPayload {
    skus = skus == null ? List.of() : List.copyOf(skus);
    models = models == null ? List.of() : List.copyOf(models);
    preset = preset == null ? DefaultSelection.DEFAULT.name() : preset;
    levels = levels == null ? GridOptimizer.DEFAULT_LEVELS : List.copyOf(levels);
  }

  /** This payload for {@code id}'s SKUs. */
  public JobPayload forDataset(String id) {
    return new JobPayload(
        id, skus, models, preset, horizon, metric, folds, sourceDatasetId, threshold, levels);
  }

  public JobPayload withSkus(List<String> s) {
    return new JobPayload(
        datasetId, s, models, preset, horizon, metric, folds, sourceDatasetId, threshold, levels);
  }
}
