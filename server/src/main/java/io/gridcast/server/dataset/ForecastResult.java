package io.gridcast.server.dataset;

import java.time.Instant;

/**
 * The latest result for one SKU of a dataset, written by an optimization or rescoring job.
 *
 * @param score the backtest score of the chosen model by {@code metric}, null when none
 * @param flagged rescoring found the error grew beyond its threshold
 * @param body the full result as JSON text (model, parameters, scores, forecast, intervals)
 * @param levels the interval levels of the forecast, percent, ascending ({@code 80,95})
 */
public record ForecastResult(
    String datasetId,
    String sku,
    String ownerId,
    String jobId,
    String jobType,
    String model,
    String metric,
    Double score,
    boolean flagged,
    String body,
    String levels,
    Instant updatedAt) {}
