package io.gridcast.server.job;

import io.gridcast.forecast.covariate.Covariates;
import io.gridcast.forecast.hierarchy.ReconciliationMethod;
import io.gridcast.forecast.model.ModelSpec;
import io.gridcast.forecast.registry.DefaultSelection;
import io.gridcast.forecast.registry.ModelRegistry;
import io.gridcast.forecast.search.CandidateSet;
import io.gridcast.forecast.search.GridOptimizer;
import io.gridcast.forecast.search.OptimizationCancelledException;
import io.gridcast.forecast.search.OptimizationResult;
import io.gridcast.forecast.series.Fill;
import io.gridcast.forecast.series.Series;
import io.gridcast.queue.JobCancelledException;
import io.gridcast.queue.JobContext;
import io.gridcast.queue.JobHandler;
import io.gridcast.server.cache.CacheKey;
import io.gridcast.server.cache.CacheTag;
import io.gridcast.server.cache.ResultCache;
import io.gridcast.server.dataset.DatasetStore;
import io.gridcast.server.dataset.ForecastResult;
import io.gridcast.server.dataset.HierarchyStore;
import io.gridcast.server.dataset.ResultStore;
import io.gridcast.server.dataset.SeriesCovariates;
import io.gridcast.server.dataset.StoredHierarchy;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The handlers of the three job types. Each reads its payload, loads series of the job owner's
 * dataset, runs the forecast core on the worker thread (one series at a time: the queue's worker
 * slots are the parallelism), reports progress per candidate or per SKU, honours cancellation, and
 * stores results per SKU. Thread-safe: handlers keep no state between jobs.
 */
public final class ForecastJobs {
  /** Default relative error growth that flags a SKU in rescoring. */
  public static final double DEFAULT_THRESHOLD = 0.2;

  private static final Logger LOG = LoggerFactory.getLogger(ForecastJobs.class);

  private final DatasetStore datasets;
  private final ResultStore results;
  private final ModelRegistry registry;
  private final InstantSource clock;
  private final OptimizationCache questions;
  private final HierarchyStore hierarchies;

  /** Handlers whose optimizations read and write {@code cache}. */
  public ForecastJobs(
      DatasetStore datasets,
      ResultStore results,
      ModelRegistry registry,
      InstantSource clock,
      ResultCache cache,
      HierarchyStore hierarchies) {
    this.hierarchies = hierarchies;
    this.datasets = datasets;
    this.results = results;
    this.registry = registry;
    this.clock = clock;
    this.questions = new OptimizationCache(registry, cache);
  }

  /** The handler of each type, by its stable name. */
  public Map<String, JobHandler> handlers() {
    Map<String, JobHandler> m = new LinkedHashMap<>();
    m.put(JobType.OPTIMIZATION.key(), this::optimization);
    m.put(JobType.VALIDATION.key(), this::validation);
    m.put(JobType.RESCORING.key(), this::rescoring);
    return m;
  }

  private String optimization(JobContext ctx) {
    JobPayload p = JobJson.read(ctx.payload(), JobPayload.class);
    List<JobResult.Optimized> done = new ArrayList<>();
    List<Series> series = load(ctx, p.datasetId(), p.skus());
    Fill fill = fillOf(ctx, p.datasetId());
    DefaultSelection selection = questions.selection(p);
    GridOptimizer optimizer = OptimizationCache.optimizer(p);
    Set<CacheTag> askerTags = OptimizationCache.askerTags(p.datasetId(), ctx.ownerId());
    Map<String, SeriesCovariates> stored = covariatesOf(ctx, p);
    int i = 0;
    for (Series s : series) {
      int index = i++;
      Covariates x = JobCovariates.of(s, stored.get(s.id()), p, p.horizon());
      CandidateSet candidates = selection.candidatesFor(s, x);
      CacheKey key = questions.key(s, fill, candidates, optimizer, x);
      Optional<RestoredAnswer> cached = questions.lookup(s, key, askerTags);
      RestoredAnswer answer;
      if (cached.isPresent()) {
        ctx.throwIfCancelled();
        answer = cached.get();
        ctx.progress(index + 1L, series.size(), "cached", s.id() + ": answered from the cache");
      } else {
        OptimizationResult r = search(ctx, optimizer, s, x, candidates, index, series.size());
        ResultBody body = ResultBody.of(s, r);
        questions.put(key, body, askerTags, candidates);
        answer =
            new RestoredAnswer(
                JobJson.write(body),
                body.spec().name(),
                body.metric(),
                body.scoreOrNaN(),
                body.frequency(),
                body.fallback(),
                body.covariates());
      }
      store(
          ctx,
          p,
          s.id(),
          answer.model(),
          answer.metric(),
          answer.score(),
          false,
          answer.bodyJson());
      done.add(new JobResult.Optimized(s.id(), answer, cached.isPresent()));
    }
    ctx.progress(series.size(), series.size(), "done", null);
    return JobJson.write(new JobResult<>(p.datasetId(), done));
  }

  private OptimizationResult search(
      JobContext ctx,
      GridOptimizer opt,
      Series s,
      Covariates x,
      CandidateSet candidates,
      int index,
      int count) {
    try {
      return opt.optimize(
          s,
          x,
          candidates,
          (doneCandidates, total) ->
              ctx.progress(
                  (long) index * total + doneCandidates,
                  (long) count * total,
                  "search",
                  s.id() + ": " + doneCandidates + "/" + total + " candidates"),
          ctx::cancelRequested);
    } catch (OptimizationCancelledException e) {
      throw new JobCancelledException(ctx.id());
    }
  }

  private String validation(JobContext ctx) {
    JobPayload p = JobJson.read(ctx.payload(), JobPayload.class);
    List<Series> series = load(ctx, p.datasetId(), p.skus());
    List<ValidationReport.Row> perSku = new ArrayList<>();
    Map<String, Sums> sums = new LinkedHashMap<>();
    Map<String, SeriesCovariates> stored = covariatesOf(ctx, p);
    int i = 0;
    for (Series s : series) {
      ctx.throwIfCancelled();
      ctx.progress(i++, series.size(), "backtest", s.id());
      // the folds lie inside the history: no future rows needed
      Covariates x = JobCovariates.of(s, stored.get(s.id()), p, 0);
      for (ModelSpec spec : modelsToValidate(ctx, p, s, x)) {
        String model = ResultBody.display(spec);
        Map<String, Double> parameters = ResultBody.finiteMap(spec.parameters());
        Backtest b;
        try {
          b = Backtest.run(spec, s, x, p.horizon(), p.folds());
        } catch (RuntimeException e) {
          perSku.add(new ValidationReport.Failed(s.id(), model, parameters, e.getMessage()));
          continue;
        }
        perSku.add(
            new ValidationReport.Scored(
                s.id(),
                model,
                parameters,
                JobJson.finite(b.smape()),
                JobJson.finite(b.mase()),
                JobJson.finite(b.bias()),
                b.folds()));
        sums.computeIfAbsent(model, k -> new Sums()).add(b);
      }
    }
    List<ValidationReport.Aggregate> aggregate = new ArrayList<>();
    sums.forEach((model, sum) -> aggregate.add(sum.aggregate(model)));
    ValidationReport.HierarchyScores levels = null;
    Optional<StoredHierarchy> hierarchy = hierarchies.get(ctx.ownerId(), p.datasetId());
    List<String> nodes =
        hierarchy
            .map(h -> h.nodes().stream().map(StoredHierarchy.NodeRow::sku).toList())
            .orElse(List.of());
    if (!nodes.isEmpty() && (p.skus().isEmpty() || p.skus().containsAll(nodes))) {
      ctx.progress(series.size(), series.size(), "levels", null);
      levels =
          HierarchyValidation.score(
                  hierarchy.get(),
                  load(ctx, p.datasetId(), nodes),
                  s -> modelsToValidate(ctx, p, s, Covariates.none()).get(0),
                  p.horizon(),
                  ReconciliationMethod.DEFAULT)
              .orElse(null);
    }
    ctx.progress(series.size(), series.size(), "done", null);
    return JobJson.write(
        new ValidationReport(p.datasetId(), p.horizon(), aggregate, perSku, levels));
  }

  /** One model's running sums over the SKUs of a validation. Not thread-safe. */
  private static final class Sums {
    double smape;
    double mase;
    double bias;
    int scored;
    int maseScored;

    void add(Backtest b) {
      if (Double.isFinite(b.smape())) {
        smape += b.smape();
        bias += b.bias();
        scored++;
      }
      if (Double.isFinite(b.mase())) {
        mase += b.mase();
        maseScored++;
      }
    }

    ValidationReport.Aggregate aggregate(String model) {
      return new ValidationReport.Aggregate(
          model,
          scored,
          scored == 0 ? null : JobJson.finite(smape / scored),
          maseScored == 0 ? null : JobJson.finite(mase / maseScored),
          scored == 0 ? null : JobJson.finite(bias / scored));
    }
  }

  /** The given models, or the SKU's stored best model, or the preset's selection. */
  private List<ModelSpec> modelsToValidate(JobContext ctx, JobPayload p, Series s, Covariates x) {
    if (!p.models().isEmpty()) {
      return registry.candidates(p.models());
    }
    Optional<ModelSpec> stored = storedSpec(ctx.ownerId(), p.datasetId(), s.id());
    return stored
        .map(List::of)
        .orElseGet(
            () -> DefaultSelection.preset(registry, p.preset()).candidatesFor(s, x).candidates());
  }

  private String rescoring(JobContext ctx) {
    JobPayload p = JobJson.read(ctx.payload(), JobPayload.class);
    String source = p.sourceDatasetId() == null ? p.datasetId() : p.sourceDatasetId();
    List<Series> series = load(ctx, p.datasetId(), p.skus());
    List<JobResult.Rescored> done = new ArrayList<>();
    Map<String, SeriesCovariates> stored = covariatesOf(ctx, p);
    int i = 0;
    for (Series s : series) {
      ForecastResult previous =
          results
              .get(ctx.ownerId(), source, s.id())
              .orElseThrow(() ->
                  new MissingJobInputException(
                      "no stored best model for SKU '"
                          + s.id()
                          + "' in dataset "
                          + source
                          + "; optimize first"));
      ModelSpec spec = storedSpec(previous);
      Covariates x = JobCovariates.of(s, stored.get(s.id()), p, p.horizon());
      OptimizationResult r =
          search(
              ctx,
              OptimizationCache.optimizer(p),
              s,
              x,
              CandidateSet.of(List.of(spec)),
              i++,
              series.size());
      Double oldScore = previous.score();
      boolean flagged =
          oldScore != null
              && Double.isFinite(r.score())
              && r.score() > oldScore * (1 + p.threshold()) + 1e-12;
      ResultBody body =
          ResultBody.of(s, r).rescored(new ResultBody.Rescore(oldScore, p.threshold(), flagged));
      store(
          ctx,
          p,
          s.id(),
          r.chosen().name(),
          r.metric().key(),
          r.score(),
          flagged,
          JobJson.write(body));
      done.add(
          new JobResult.Rescored(
              s.id(),
              s.axis().frequency().name(),
              r.chosen().name(),
              JobJson.finite(r.score()),
              oldScore,
              flagged,
              body.covariates()));
    }
    ctx.progress(series.size(), series.size(), "done", null);
    return JobJson.write(new JobResult<>(p.datasetId(), done));
  }

  private Optional<ModelSpec> storedSpec(String owner, String datasetId, String sku) {
    return results.get(owner, datasetId, sku).map(this::storedSpec);
  }

  private ModelSpec storedSpec(ForecastResult stored) {
    ResultBody.StoredModel m = JobJson.read(stored.body(), ResultBody.StoredModel.class);
    if (m.spec() == null) {
      throw new MissingJobInputException(
          "the stored result of model "
              + m.model()
              + " has no model spec to refit; optimize again");
    }
    return m.spec().build(registry);
  }

  /**
   * The stored covariates and regions of the payload's dataset by SKU, read when the payload can
   * use them (empty otherwise).
   */
  private Map<String, SeriesCovariates> covariatesOf(JobContext ctx, JobPayload p) {
    if (!p.usesCovariates() && p.holidays() == null) {
      return Map.of();
    }
    return datasets.covariates().all(ctx.ownerId(), p.datasetId());
  }

  /** What filled the gaps of the dataset's series (part of each optimization question). */
  private Fill fillOf(JobContext ctx, String datasetId) {
    return datasets.get(ctx.ownerId(), datasetId).map(d -> Fill.parse(d.fill())).orElse(Fill.NONE);
  }

  private List<Series> load(JobContext ctx, String datasetId, List<String> skus) {
    if (datasets.get(ctx.ownerId(), datasetId).isEmpty()) {
      // The dataset was deleted after the job was queued: nothing to compute, nothing to retry.
      LOG.info("job {}: dataset {} no longer exists; cancelling", ctx.id(), datasetId);
      throw new JobCancelledException(ctx.id());
    }
    List<Series> series = datasets.seriesOf(ctx.ownerId(), datasetId, skus);
    if (series.isEmpty()) {
      throw new MissingJobInputException(
          "dataset "
              + datasetId
              + " has no series "
              + (skus.isEmpty() ? "" : skus)
              + " (deleted?)");
    }
    return series;
  }

  private void store(
      JobContext ctx,
      JobPayload p,
      String sku,
      String model,
      String metric,
      double score,
      boolean flagged,
      String bodyJson) {
    results.put(
        new ForecastResult(
            p.datasetId(),
            sku,
            ctx.ownerId(),
            ctx.id().toString(),
            ctx.type(),
            model,
            metric,
            Double.isFinite(score) ? score : null,
            flagged,
            bodyJson,
            IntervalColumns.text(p.levels()),
            clock.instant()));
  }
}
