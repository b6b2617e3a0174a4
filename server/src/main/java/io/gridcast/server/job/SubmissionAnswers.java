package io.gridcast.server.job;

import io.gridcast.forecast.series.Fill;
import io.gridcast.queue.JobStore;
import io.gridcast.server.dataset.DatasetStore;
import io.gridcast.server.dataset.ForecastResult;
import io.gridcast.server.dataset.ResultStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The result cache at submission: which of an optimization request's SKUs the cache already
 * answers, and the result rows those jobs write in the jobs' own transaction (so no worker claims
 * them and a fully cached re-submission costs one insert). Thread-safe.
 */
final class SubmissionAnswers {
  private final OptimizationCache questions;
  private final DatasetStore datasets;
  private final ResultStore results;

  SubmissionAnswers(OptimizationCache questions, DatasetStore datasets, ResultStore results) {
    this.questions = questions;
    this.datasets = datasets;
    this.results = results;
  }

  /**
   * The cached answers by SKU; empty unless the request is an optimization and the cache is on.
   *
   * @param upload the SKUs' series and how they were read when the caller has them (an upload),
   *     else null: they are read from the stored dataset
   */
  Map<String, RestoredAnswer> of(
      String ownerId, PreparedRequest p, JobPayload base, List<String> skus, ReadSeries upload) {
    if (p.type() != JobType.OPTIMIZATION || !questions.enabled()) {
      return Map.of();
    }
    if (upload != null) {
      return questions.answers(ownerId, base, upload.series(), upload.fill());
    }
    if (base.usesCovariates()
        && !datasets.covariates().names(ownerId, base.datasetId()).isEmpty()) {
      // the question includes the covariates, which the worker reads and asks the cache with
      return Map.of();
    }
    Fill fill =
        datasets.get(ownerId, base.datasetId()).map(d -> Fill.parse(d.fill())).orElse(Fill.NONE);
    return questions.answers(
        ownerId, base, datasets.seriesOf(ownerId, base.datasetId(), skus), fill);
  }

  /**
   * {@code alsoInTransaction}, then the result rows of the answered SKUs, in the jobs' transaction
   * ({@code alsoInTransaction} itself when nothing was answered).
   */
  JobStore.SameTransaction writingResults(
      JobStore.SameTransaction alsoInTransaction,
      String ownerId,
      JobPayload base,
      List<String> skus,
      Map<String, RestoredAnswer> answers,
      Instant now) {
    if (answers.isEmpty()) {
      return alsoInTransaction;
    }
    return results.alsoWriting(
        alsoInTransaction,
        ids -> {
          List<ForecastResult> rows = new ArrayList<>(answers.size());
          for (int k = 0; k < skus.size(); k++) {
            RestoredAnswer answer = answers.get(skus.get(k));
            if (answer != null) {
              rows.add(resultRow(ownerId, base, skus.get(k), ids.get(k), answer, now));
            }
          }
          return rows;
        });
  }

  private static ForecastResult resultRow(
      String ownerId, JobPayload base, String sku, UUID jobId, RestoredAnswer answer, Instant now) {
    return new ForecastResult(
        base.datasetId(),
        sku,
        ownerId,
        jobId.toString(),
        JobType.OPTIMIZATION.key(),
        answer.model(),
        answer.metric(),
        Double.isFinite(answer.score()) ? answer.score() : null,
        false,
        answer.bodyJson(),
        IntervalColumns.text(base.levels()),
        now);
  }
}
