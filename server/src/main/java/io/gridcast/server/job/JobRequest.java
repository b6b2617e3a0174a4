package io.gridcast.server.job;

import java.util.List;

/**
 * A request to create jobs ({@code POST /api/jobs} body, or the query of an upload with {@code
 * optimize=true}); null fields take their defaults.
 *
 * @param datasetId the dataset (required for {@code POST /api/jobs})
 * @param skus the SKUs; null or empty for all of the dataset
 * @param type {@code optimization} (default), {@code validation} or {@code rescoring}
 * @param models registry names or {@code a+b} combinations; empty for the default selection
 * @param horizon forecast horizon, 1..{@value JobService#MAX_HORIZON} (default 12)
 * @param metric {@code smape} (default), {@code mase}, {@code mae}, {@code rmse}, {@code mape}
 * @param folds backtest folds, 1..{@value JobService#MAX_FOLDS} (default 3)
 * @param priority lower runs first (default 0)
 * @param reason free text kept with the jobs
 * @param idempotencyKey same key, same answer, no duplicate jobs
 * @param sourceDatasetId rescoring: where the best models are stored (default: the dataset)
 * @param threshold rescoring: relative error growth that flags a SKU (default 0.2)
 */
public record JobRequest(
    String datasetId,
    List<String> skus,
    String type,
    List<String> models,
    Integer horizon,
    String metric,
    Integer folds,
    Integer priority,
    String reason,
    String idempotencyKey,
    String sourceDatasetId,
    Double threshold) {}
