package io.gridcast.server.job;

import io.gridcast.forecast.search.GridOptimizer;
import java.util.List;

/**
 * A request to create jobs ({@code POST /api/jobs} body, or the query of an upload with {@code
 * optimize=true}); null fields take their defaults. Code builds one by name with {@link
 * #builder()}; the HTTP body binds to the components.
 *
 * @param datasetId the dataset (required for {@code POST /api/jobs})
 * @param skus the SKUs; null or empty for all of the dataset
 * @param type {@code optimization} (default), {@code validation} or {@code rescoring}
 * @param models registry names or {@code a+b} combinations; empty for the default selection
 * @param preset a named candidate list ({@code default}, {@code accurate}; see {@code GET
 *     /api/models}); null for {@code default}; excludes {@code models}
 * @param horizon forecast horizon, 1..the server's {@code --max-horizon} (default {@value
 *     #DEFAULT_HORIZON})
 * @param metric {@code smape} (the optimizer's default), {@code mase}, {@code mae}, {@code rmse},
 *     {@code mape}
 * @param folds backtest folds, 1..{@value JobRequestValidator#MAX_FOLDS} (default {@value
 *     GridOptimizer#DEFAULT_FOLDS})
 * @param priority lower runs first (default 0)
 * @param reason free text kept with the jobs
 * @param idempotencyKey same key, same answer, no duplicate jobs
 * @param sourceDatasetId rescoring: where the best models are stored (default: the dataset)
 * @param threshold rescoring: relative error growth that flags a SKU (default {@value
 *     ForecastJobs#DEFAULT_THRESHOLD})
 * @param level interval levels in percent, each in (0, 100) (default 80 and 95): the forecast
 *     carries {@code lo_L} and {@code hi_L} for each
 * @param covariates {@code auto} (default: the dataset's stored covariates are used, and their
 *     future values must cover the horizon) or {@code none} (the search ignores them)
 * @param holidays public holidays as covariates: a region ({@code US}, {@code DE-BY}), or {@code
 *     country} for each series' own {@code country} column; null for none
 * @param reconciliation for a dataset with a hierarchy: how the forecasts of its nodes are made
 *     coherent once every optimization of the batch has finished ({@code mint_shrink}, the default,
 *     {@code bottom_up}, {@code top_down}, {@code ols}, {@code wls}, {@code wls_variance}, or
 *     {@code none}); for a {@code reconciliation} job the method it runs
 */
public record JobRequest(
    String datasetId,
    List<String> skus,
    String type,
    List<String> models,
    String preset,
    Integer horizon,
    String metric,
    Integer folds,
    Integer priority,
    String reason,
    String idempotencyKey,
    String sourceDatasetId,
    Double threshold,
    List<Double> level,
    String covariates,
    String holidays,
    String reconciliation) {

  /** The horizon of a request that names none. */
  public static final int DEFAULT_HORIZON = 12;

  public static Builder builder() {
    return new Builder();
  }

  /** This request with {@code key} as its idempotency key. */
  public JobRequest withIdempotencyKey(String key) {
    return toBuilder().idempotencyKey(key).build();
  }

  private Builder toBuilder() {
    return builder()
        .datasetId(datasetId)
        .skus(skus)
        .type(type)
        .models(models)
        .preset(preset)
        .horizon(horizon)
        .metric(metric)
        .folds(folds)
        .priority(priority)
        .reason(reason)
        .idempotencyKey(idempotencyKey)
        .sourceDatasetId(sourceDatasetId)
        .threshold(threshold)
        .level(level)
        .covariates(covariates)
        .holidays(holidays)
        .reconciliation(reconciliation);
  }

  /**
   * Named fields, each optional (null: the default). Validation happens when the jobs are prepared
   * ({@link JobService#prepare}), where every error names the field.
   */
  public static final class Builder {
    private String datasetId;
    private List<String> skus;
    private String type;
    private List<String> models;
    private String preset;
    private Integer horizon;
    private String metric;
    private Integer folds;
    private Integer priority;
    private String reason;
    private String idempotencyKey;
    private String sourceDatasetId;
    private Double threshold;
    private List<Double> level;
    private String covariates;
    private String holidays;
    private String reconciliation;

    private Builder() {}

    public Builder covariates(String v) {
      covariates = v;
      return this;
    }

    public Builder holidays(String v) {
      holidays = v;
      return this;
    }

    public Builder datasetId(String v) {
      datasetId = v;
      return this;
    }

    public Builder skus(List<String> v) {
      skus = v;
      return this;
    }

    public Builder type(String v) {
      type = v;
      return this;
    }

    public Builder type(JobType v) {
      type = v.key();
      return this;
    }

    public Builder models(List<String> v) {
      models = v;
      return this;
    }

    public Builder preset(String v) {
      preset = v;
      return this;
    }

    public Builder horizon(Integer v) {
      horizon = v;
      return this;
    }

    public Builder metric(String v) {
      metric = v;
      return this;
    }

    public Builder folds(Integer v) {
      folds = v;
      return this;
    }

    public Builder priority(Integer v) {
      priority = v;
      return this;
    }

    public Builder reason(String v) {
      reason = v;
      return this;
    }

    public Builder idempotencyKey(String v) {
      idempotencyKey = v;
      return this;
    }

    public Builder sourceDatasetId(String v) {
      sourceDatasetId = v;
      return this;
    }

    public Builder threshold(Double v) {
      threshold = v;
      return this;
    }

    public Builder level(List<Double> v) {
      level = v;
      return this;
    }

    public Builder reconciliation(String v) {
      reconciliation = v;
      return this;
    }

    public JobRequest build() {
      return new JobRequest(
          datasetId,
          skus,
          type,
          models,
          preset,
          horizon,
          metric,
          folds,
          priority,
          reason,
          idempotencyKey,
          sourceDatasetId,
          threshold,
          level,
          covariates,
          holidays,
          reconciliation);
    }
  }
}
