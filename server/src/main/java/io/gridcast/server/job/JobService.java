package io.gridcast.server.job;

import io.gridcast.forecast.metric.Metric;
import io.gridcast.forecast.registry.ModelRegistry;
import io.gridcast.forecast.search.GridOptimizer;
import io.gridcast.forecast.series.Series;
import io.gridcast.queue.JobSpec;
import io.gridcast.queue.JobStore;
import io.gridcast.queue.JobStore.JobInsertManyParams;
import io.gridcast.queue.JobStore.JobInsertResult;
import io.gridcast.server.cache.ResultCache;
import io.gridcast.server.config.Limits;
import io.gridcast.server.dataset.DatasetNotFoundException;
import io.gridcast.server.dataset.DatasetStore;
import io.gridcast.server.dataset.ForecastResult;
import io.gridcast.server.dataset.ResultStore;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates jobs: validates a request (every field named on error), then enqueues one job per SKU
 * (optimization, rescoring) or one per dataset (validation) in one queue transaction, under one
 * batch id and the caller's idempotency key. Thread-safe.
 */
public final class JobService {
  private static final Logger LOG = LoggerFactory.getLogger(JobService.class);
  public static final int MAX_FOLDS = 20;
  public static final int DEFAULT_HORIZON = 12;
  public static final int MAX_REASON = 500;
  public static final int MAX_KEY = 200;
  public static final int MAX_PRIORITY = 1000;

  /** A validated request, still without the dataset's SKUs. */
  public record Prepared(
      JobType type, JobPayload template, int priority, String reason, String key) {}

  private final JobStore store;
  private final DatasetStore datasets;
  private final ModelRegistry registry;
  private final int maxHorizon;
  private final int maxJobs;
  private final InstantSource clock;
  private final ResultStore results;
  private final OptimizationCache questions;

  /**
   * @param results where an optimization answered from {@code cache} at submission writes its
   *     result row (in the jobs' transaction)
   * @param limits the largest horizon of a job (422 beyond) and the most jobs one submission may
   *     create (413 beyond)
   */
  public JobService(
      JobStore store,
      DatasetStore datasets,
      ResultStore results,
      ResultCache cache,
      ModelRegistry registry,
      Limits limits,
      InstantSource clock) {
    this.store = Objects.requireNonNull(store, "store");
    this.datasets = Objects.requireNonNull(datasets, "datasets");
    this.results = Objects.requireNonNull(results, "results");
    this.questions = new OptimizationCache(registry, cache);
    this.registry = Objects.requireNonNull(registry, "registry");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.maxHorizon = limits.maxHorizon();
    this.maxJobs = limits.maxJobsPerSubmission();
  }

  /** NUL cannot be stored in PostgreSQL text, nor is it meaningful in any field: refused alike. */
  private static void noNul(String field, String v) {
    if (v != null && v.indexOf('\0') >= 0) {
      throw new InvalidJobRequestException(field, field + " must not contain the NUL character");
    }
  }

  /** Validates everything a request says apart from the dataset and its SKUs. */
  public Prepared prepare(JobRequest r) {
    noNul("dataset_id", r.datasetId());
    noNul("type", r.type());
    noNul("metric", r.metric());
    noNul("reason", r.reason());
    noNul("idempotency_key", r.idempotencyKey());
    noNul("source_dataset_id", r.sourceDatasetId());
    for (List<String> list : java.util.Arrays.asList(r.skus(), r.models())) {
      if (list != null) {
        for (String v : list) {
          noNul(list == r.skus() ? "skus" : "models", v);
        }
      }
    }
    JobType type =
        r.type() == null
            ? JobType.OPTIMIZATION
            : JobType.parse(r.type())
                .orElseThrow(() ->
                    new InvalidJobRequestException(
                        "type",
                        "type must be optimization, validation or rescoring, got '"
                            + r.type()
                            + "'"));
    int horizon = r.horizon() == null ? DEFAULT_HORIZON : r.horizon();
    if (horizon < 1 || horizon > maxHorizon) {
      throw new InvalidJobRequestException(
          "horizon", "horizon must be in 1.." + maxHorizon + ", got " + horizon);
    }
    int folds = r.folds() == null ? GridOptimizer.DEFAULT_FOLDS : r.folds();
    if (folds < 1 || folds > MAX_FOLDS) {
      throw new InvalidJobRequestException(
          "folds", "folds must be in 1.." + MAX_FOLDS + ", got " + folds);
    }
    String metric = r.metric() == null ? GridOptimizer.DEFAULT_METRIC.key() : r.metric();
    try {
      metric = Metric.parse(metric).key();
    } catch (RuntimeException e) {
      throw new InvalidJobRequestException("metric", e.getMessage());
    }
    List<String> models = r.models() == null ? List.of() : List.copyOf(r.models());
    if (models.stream().anyMatch(m -> m == null || m.isBlank())) {
      throw new InvalidJobRequestException("models", "models must not contain blank names");
    }
    registry.candidates(models); // throws UnknownModelException listing the known names
    int priority = r.priority() == null ? JobSpec.DEFAULT_PRIORITY : r.priority();
    if (Math.abs(priority) > MAX_PRIORITY) {
      throw new InvalidJobRequestException(
          "priority",
          "priority must be in -" + MAX_PRIORITY + ".." + MAX_PRIORITY + ", got " + priority);
    }
    if (r.reason() != null && r.reason().length() > MAX_REASON) {
      throw new InvalidJobRequestException(
          "reason",
          "reason must be at most " + MAX_REASON + " characters, got " + r.reason().length());
    }
    String key = r.idempotencyKey();
    if (key != null && (key.isBlank() || key.length() > MAX_KEY)) {
      throw new InvalidJobRequestException(
          "idempotency_key", "idempotency_key must be 1.." + MAX_KEY + " characters");
    }
    double threshold = r.threshold() == null ? ForecastJobs.DEFAULT_THRESHOLD : r.threshold();
    if (!(threshold >= 0 && threshold <= 100)) {
      throw new InvalidJobRequestException(
          "threshold", "threshold must be in 0..100, got " + r.threshold());
    }
    if (r.sourceDatasetId() != null && type != JobType.RESCORING) {
      throw new InvalidJobRequestException(
          "source_dataset_id", "source_dataset_id applies to rescoring jobs only");
    }
    JobPayload template =
        new JobPayload(
            r.datasetId(),
            List.of(),
            models,
            horizon,
            metric,
            folds,
            r.sourceDatasetId(),
            threshold);
    return new Prepared(type, template, priority, r.reason(), key);
  }

  /** Validates and creates the jobs of a request. */
  public JobInsertResult create(String ownerId, JobRequest r) {
    if (r.datasetId() == null || r.datasetId().isBlank()) {
      throw new InvalidJobRequestException("dataset_id", "dataset_id is required");
    }
    Prepared p = prepare(r);
    if (p.key() != null) {
      var earlier = store.jobIdempotencyGet(new JobStore.JobIdempotencyGetParams(ownerId, p.key()));
      if (earlier.isPresent()) {
        return earlier.get();
      }
    }
    if (datasets.get(ownerId, r.datasetId()).isEmpty()) {
      throw new DatasetNotFoundException("dataset", r.datasetId());
    }
    if (p.template().sourceDatasetId() != null
        && datasets.get(ownerId, p.template().sourceDatasetId()).isEmpty()) {
      throw new DatasetNotFoundException("dataset", p.template().sourceDatasetId());
    }
    List<String> skus =
        r.skus() == null || r.skus().isEmpty()
            ? datasets.skus(ownerId, r.datasetId())
            : selected(datasets.existingSkus(ownerId, r.datasetId(), r.skus()), r.skus());
    return create(ownerId, p, r.datasetId(), skus);
  }

  private static List<String> selected(Set<String> known, List<String> wanted) {
    List<String> unknown = new ArrayList<>();
    for (String s : wanted) {
      if (!known.contains(s)) {
        unknown.add(s);
      }
    }
    if (!unknown.isEmpty()) {
      throw new InvalidJobRequestException(
          "skus",
          unknown.size()
              + " SKU(s) not in the dataset: "
              + unknown.subList(0, Math.min(10, unknown.size())),
          java.util.Map.of("unknown", unknown.subList(0, Math.min(100, unknown.size()))));
    }
    return List.copyOf(new LinkedHashSet<>(wanted));
  }

  /** Creates the jobs of a prepared request for these SKUs of a stored dataset. */
  public JobInsertResult create(String ownerId, Prepared p, String datasetId, List<String> skus) {
    return create(ownerId, p, datasetId, skus, null, JobStore.SameTransaction.NONE);
  }

  /**
   * Creates the jobs of a prepared request, running {@code alsoInTransaction} (e.g. storing the
   * dataset they refer to) in the same transaction.
   *
   * <p>An optimization whose question the result cache holds is created already completed, with its
   * result row written in the same transaction: no worker claims it, and a re-submitted dataset is
   * answered in the time of its insert.
   *
   * @param series the SKUs' series when the caller has them (an upload), else null: they are read
   *     from the stored dataset when the cache may answer
   */
  public JobInsertResult create(
      String ownerId,
      Prepared p,
      String datasetId,
      List<String> skus,
      List<Series> series,
      JobStore.SameTransaction alsoInTransaction) {
    JobPayload base =
        new JobPayload(
            datasetId,
            List.of(),
            p.template().models(),
            p.template().horizon(),
            p.template().metric(),
            p.template().folds(),
            p.template().sourceDatasetId(),
            p.template().threshold());
    int jobCount = p.type() == JobType.VALIDATION ? 1 : skus.size();
    if (jobCount > maxJobs) {
      throw io.gridcast.server.config.LimitExceededException.tooLarge(
          "max_jobs_per_submission", maxJobs, jobCount, "the submission");
    }
    long t0 = System.nanoTime();
    Map<String, RestoredAnswer> answers =
        p.type() == JobType.OPTIMIZATION && questions.enabled()
            ? questions.answers(
                ownerId,
                base,
                series != null ? series : datasets.seriesOf(ownerId, datasetId, skus))
            : Map.of();
    List<JobSpec> specs = new ArrayList<>();
    if (p.type() == JobType.VALIDATION) {
      String label = skus.size() == 1 ? skus.get(0) : datasetId;
      specs.add(spec(p, base.withSkus(skus), label));
    } else {
      for (String sku : skus) {
        JobSpec spec = spec(p, base.withSkus(List.of(sku)), sku);
        RestoredAnswer answer = answers.get(sku);
        specs.add(answer == null ? spec : spec.withAnswer(jobResult(datasetId, sku, answer)));
      }
    }
    Instant now = clock.instant();
    JobStore.SameTransaction work =
        answers.isEmpty()
            ? alsoInTransaction
            : results.alsoWriting(
                alsoInTransaction,
                ids -> {
                  List<ForecastResult> rows = new ArrayList<>(answers.size());
                  for (int k = 0; k < skus.size(); k++) {
                    RestoredAnswer answer = answers.get(skus.get(k));
                    if (answer != null) {
                      rows.add(resultRow(ownerId, datasetId, skus.get(k), ids.get(k), answer, now));
                    }
                  }
                  return rows;
                });
    long t1 = System.nanoTime();
    JobInsertResult r =
        store.jobInsertMany(new JobInsertManyParams(ownerId, null, p.key(), specs, now), work);
    if (!answers.isEmpty()) {
      LOG.info(
          "batch {}: {} of {} optimizations answered from the result cache at submission"
              + " (look-ups {} ms, insert {} ms)",
          r.batchId(),
          answers.size(),
          specs.size(),
          (t1 - t0) / 1_000_000,
          (System.nanoTime() - t1) / 1_000_000);
    }
    return r;
  }

  /** The result of an optimization job answered at submission (as its handler would write it). */
  private static String jobResult(String datasetId, String sku, RestoredAnswer answer) {
    return JobJson.write(
        new JobResult<>(
            datasetId,
            List.of(new JobResult.Optimized(sku, answer.model(), answer.score(), true))));
  }

  private static ForecastResult resultRow(
      String ownerId,
      String datasetId,
      String sku,
      UUID jobId,
      RestoredAnswer answer,
      Instant now) {
    return new ForecastResult(
        datasetId,
        sku,
        ownerId,
        jobId.toString(),
        JobType.OPTIMIZATION.key(),
        answer.model(),
        answer.metric(),
        Double.isFinite(answer.score()) ? answer.score() : null,
        false,
        answer.bodyJson(),
        now);
  }

  /**
   * The dataset the jobs of an earlier insert refer to: when an idempotency key was reused, the
   * answer names the dataset of the first call (the repeated upload was not stored).
   */
  public java.util.Optional<String> datasetOf(String ownerId, JobInsertResult earlier) {
    if (earlier.jobIds().isEmpty()) {
      return java.util.Optional.empty();
    }
    return store
        .jobGet(new JobStore.JobGetParams(earlier.jobIds().get(0), ownerId))
        .map(j -> JobJson.read(j.payload(), JobPayload.class).datasetId());
  }

  private static JobSpec spec(Prepared p, JobPayload payload, String label) {
    return JobSpec.of(p.type().key(), JobJson.write(payload))
        .withPriority(p.priority())
        .withReason(p.reason())
        .withLabel(label);
  }
}
