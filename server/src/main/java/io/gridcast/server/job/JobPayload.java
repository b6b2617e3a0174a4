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
 * @param covariates {@code auto}: the dataset's stored covariates take part (absent in payloads
 *     written before covariates: {@code auto}, and those datasets have none); {@code none}: they
 *     are ignored
 * @param holidays the holiday region ({@code US}, {@code DE-BY}), {@code country} for each series'
 *     own, or null for none
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
    List<Double> levels,
    String covariates,
    String holidays) {

  /** Stored covariates take part. */
  public static final String AUTO = "auto";

  /** Stored covariates are ignored. */
  public static final String NONE = "none";

  /** Holidays by each series' own {@code country} column. */
  public static final String BY_COUNTRY = "country";

  public JobPayload {
    skus = skus == null ? List.of() : List.copyOf(skus);
    models = models == null ? List.of() : List.copyOf(models);
    preset = preset == null ? DefaultSelection.DEFAULT.name() : preset;
    levels = levels == null ? GridOptimizer.DEFAULT_LEVELS : List.copyOf(levels);
    covariates = covariates == null ? AUTO : covariates;
  }

  /** A payload without covariate options (stored covariates used, no holidays). */
  public JobPayload(
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
    this(
        datasetId,
        skus,
        models,
        preset,
        horizon,
        metric,
        folds,
        sourceDatasetId,
        threshold,
        levels,
        AUTO,
        null);
  }

  /** Whether the dataset's stored covariates take part. */
  public boolean usesCovariates() {
    return !NONE.equals(covariates);
  }

  /** This payload for {@code id}'s SKUs. */
  public JobPayload forDataset(String id) {
    return new JobPayload(
        id,
        skus,
        models,
        preset,
        horizon,
        metric,
        folds,
        sourceDatasetId,
        threshold,
        levels,
        covariates,
        holidays);
  }

  public JobPayload withSkus(List<String> s) {
    return new JobPayload(
        datasetId,
        s,
        models,
        preset,
        horizon,
        metric,
        folds,
        sourceDatasetId,
        threshold,
        levels,
        covariates,
        holidays);
  }
}
