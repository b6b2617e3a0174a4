package io.gridcast.server.job;

import io.gridcast.forecast.registry.ModelRegistry;
import io.gridcast.forecast.series.Series;
import io.gridcast.queue.JobSpec;
import io.gridcast.queue.JobStore;
import io.gridcast.queue.JobStore.JobInsertManyParams;
import io.gridcast.queue.JobStore.JobInsertResult;
import io.gridcast.queue.jdbc.UuidV7;
import io.gridcast.server.cache.ResultCache;
import io.gridcast.server.config.LimitExceededException;
import io.gridcast.server.config.Limits;
import io.gridcast.server.dataset.DatasetStore;
import io.gridcast.server.dataset.HierarchyStore;
import io.gridcast.server.dataset.MissingFutureCovariatesException;
import io.gridcast.server.dataset.ResultStore;
import io.gridcast.server.dataset.SeriesCovariates;
import io.gridcast.server.dataset.StoredHierarchy;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates jobs: a request is validated ({@link JobRequestValidator}), its SKUs resolved ({@link
 * SkuSelection}), the optimizations the result cache already answers looked up ({@link
 * SubmissionAnswers}), and the jobs ({@link JobSpecs}) enqueued in one queue transaction under one
 * batch id and the caller's idempotency key. Thread-safe.
 */
public final class JobService {
  private static final Logger LOG = LoggerFactory.getLogger(JobService.class);

  private final JobStore store;
  private final JobRequestValidator validator;
  private final SkuSelection skus;
  private final DatasetStore datasets;
  private final SubmissionAnswers answers;
  private final int maxJobs;
  private final InstantSource clock;
  private final HierarchyStore hierarchies;
  private final UuidV7 batchIds;

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
      HierarchyStore hierarchies,
      ResultCache cache,
      ModelRegistry registry,
      Limits limits,
      InstantSource clock) {
    this.store = Objects.requireNonNull(store, "store");
    this.hierarchies = Objects.requireNonNull(hierarchies, "hierarchies");
    this.batchIds = new UuidV7(clock);
    this.validator = new JobRequestValidator(registry, limits.maxHorizon());
    this.skus = new SkuSelection(datasets);
    this.datasets = datasets;
    this.answers = new SubmissionAnswers(new OptimizationCache(registry, cache), datasets, results);
    this.maxJobs = limits.maxJobsPerSubmission();
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Validates everything a request says apart from the dataset and its SKUs. */
  public PreparedRequest prepare(JobRequest r) {
    return validator.prepare(r);
  }

  /** Validates and creates the jobs of a request. */
  public JobInsertResult create(String ownerId, JobRequest r) {
    return create(ownerId, r, JobStore.SameTransaction.NONE);
  }

  /**
   * Validates and creates the jobs of a request, running {@code alsoInTransaction} (e.g. a
   * schedule's fire row) in the jobs' transaction: both commit or neither.
   */
  public JobInsertResult create(
      String ownerId, JobRequest r, JobStore.SameTransaction alsoInTransaction) {
    if (r.datasetId() == null || r.datasetId().isBlank()) {
      throw new InvalidJobRequestException("dataset_id", "dataset_id is required");
    }
    PreparedRequest p = prepare(r);
    if ((r.reconciliation() != null || p.type() == JobType.RECONCILIATION)
        && hierarchies.get(ownerId, r.datasetId()).isEmpty()) {
      throw new InvalidJobRequestException(
          p.type() == JobType.RECONCILIATION ? "type" : "reconciliation",
          "dataset "
              + r.datasetId()
              + " has no hierarchy (or is not yours): upload it with hierarchy=..., e.g."
              + " state/zone/region*purpose");
    }
    if (p.key() != null) {
      Optional<JobInsertResult> earlier =
          store.jobIdempotencyGet(new JobStore.JobIdempotencyGetParams(ownerId, p.key()));
      if (earlier.isPresent()) {
        return earlier.get();
      }
    }
    List<String> chosen = skus.of(ownerId, r, p);
    requireFuture(ownerId, p, r.datasetId(), chosen);
    return create(ownerId, p, r.datasetId(), chosen, null, alsoInTransaction);
  }

  /**
   * Refuses a job that forecasts with covariates whose future values do not cover its horizon,
   * naming the first such SKU and its missing stamps.
   */
  private void requireFuture(String ownerId, PreparedRequest p, String datasetId, List<String> s) {
    JobPayload t = p.template();
    if (p.type() == JobType.VALIDATION || !t.usesCovariates()) {
      return;
    }
    Map<String, SeriesCovariates> all = datasets.covariates().all(ownerId, datasetId);
    if (all.isEmpty()) {
      return;
    }
    for (String sku : s) {
      SeriesCovariates c = all.get(sku);
      if (c != null && c.hasColumns() && c.futureRows() < t.horizon()) {
        Series series =
            datasets.series(ownerId, datasetId, sku).orElseThrow(); // the SKU was just resolved
        throw MissingFutureCovariatesException.of(series, c.names(), c.futureRows(), t.horizon());
      }
    }
  }

  /** Creates the jobs of a prepared request for these SKUs of a stored dataset. */
  public JobInsertResult create(
      String ownerId, PreparedRequest p, String datasetId, List<String> skus) {
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
   * @param upload the SKUs' series as read when the caller has them (an upload), else null: they
   *     are read from the stored dataset when the cache may answer
   */
  public JobInsertResult create(
      String ownerId,
      PreparedRequest p,
      String datasetId,
      List<String> skus,
      ReadSeries upload,
      JobStore.SameTransaction alsoInTransaction) {
    return create(
        ownerId,
        p,
        datasetId,
        skus,
        upload,
        upload == null ? hierarchies.get(ownerId, datasetId).orElse(null) : null,
        alsoInTransaction);
  }

  /**
   * As {@link #create(String, PreparedRequest, String, List, ReadSeries,
   * JobStore.SameTransaction)}, for a dataset with {@code hierarchy} (null: none). The
   * optimizations of every node of a hierarchy are followed by one reconciliation job, created in
   * the same transaction to run once after all of them have finished.
   */
  public JobInsertResult create(
      String ownerId,
      PreparedRequest p,
      String datasetId,
      List<String> skus,
      ReadSeries upload,
      StoredHierarchy hierarchy,
      JobStore.SameTransaction alsoInTransaction) {
    if (p.type() == JobType.RECONCILIATION) {
      return store.jobInsertMany(
          new JobInsertManyParams(
              ownerId,
              null,
              p.key(),
              List.of(JobSpecs.reconciliation(p, datasetId)),
              clock.instant()),
          alsoInTransaction);
    }
    JobPayload base = p.template().forDataset(datasetId);
    int jobCount = JobSpecs.count(p, skus.size());
    if (jobCount > maxJobs) {
      throw LimitExceededException.tooLarge(
          "max_jobs_per_submission", maxJobs, jobCount, "the submission");
    }
    long t0 = System.nanoTime();
    Map<String, RestoredAnswer> answered = answers.of(ownerId, p, base, skus, upload);
    List<JobSpec> specs = new ArrayList<>(JobSpecs.of(p, base, skus, answered));
    UUID batchId = null;
    if (reconciles(p, hierarchy, skus)) {
      batchId = batchIds.next();
      specs.add(Continuations.after(batchId, JobSpecs.reconciliation(p, datasetId)));
    }
    Instant now = clock.instant();
    JobStore.SameTransaction work =
        answers.writingResults(alsoInTransaction, ownerId, base, skus, answered, now);
    long t1 = System.nanoTime();
    JobInsertResult r =
        store.jobInsertMany(new JobInsertManyParams(ownerId, batchId, p.key(), specs, now), work);
    if (!answered.isEmpty()) {
      LOG.info(
          "batch {}: {} of {} optimizations answered from the result cache at submission"
              + " (look-ups {} ms, insert {} ms)",
          r.batchId(),
          answered.size(),
          specs.size(),
          (t1 - t0) / 1_000_000,
          (System.nanoTime() - t1) / 1_000_000);
    }
    return r;
  }

  /**
   * Whether the request's optimizations cover every node of a hierarchy, so that their forecasts
   * can be reconciled.
   */
  private static boolean reconciles(
      PreparedRequest p, StoredHierarchy hierarchy, List<String> skus) {
    if (hierarchy == null || p.type() != JobType.OPTIMIZATION || p.reconciliation() == null) {
      return false;
    }
    Set<String> asked = new HashSet<>(skus);
    return hierarchy.nodes().stream().allMatch(n -> asked.contains(n.sku()));
  }

  /**
   * The dataset the jobs of an earlier insert refer to: when an idempotency key was reused, the
   * answer names the dataset of the first call (the repeated upload was not stored).
   */
  public Optional<String> datasetOf(String ownerId, JobInsertResult earlier) {
    if (earlier.jobIds().isEmpty()) {
      return Optional.empty();
    }
    return store
        .jobGet(new JobStore.JobGetParams(earlier.jobIds().get(0), ownerId))
        .map(j -> JobJson.read(j.payload(), JobPayload.class).datasetId());
  }
}
