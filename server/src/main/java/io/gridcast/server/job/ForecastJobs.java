package io.gridcast.server.job;

import io.gridcast.forecast.model.ModelSpec;
import io.gridcast.forecast.registry.DefaultSelection;
import io.gridcast.forecast.registry.ModelRegistry;
import io.gridcast.forecast.search.CandidateSet;
import io.gridcast.forecast.search.GridOptimizer;
import io.gridcast.forecast.search.OptimizationCancelledException;
import io.gridcast.forecast.search.OptimizationResult;
import io.gridcast.forecast.series.Series;
import io.gridcast.queue.JobCancelledException;
import io.gridcast.queue.JobContext;
import io.gridcast.queue.JobHandler;
import io.gridcast.server.cache.CacheKey;
import io.gridcast.server.cache.CacheTag;
import io.gridcast.server.cache.ResultCache;
import io.gridcast.server.dataset.DatasetStore;
import io.gridcast.server.dataset.ForecastResult;
import io.gridcast.server.dataset.ResultStore;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The handlers of the three job types. Each reads its payload, loads series of the job owner's
 * dataset, runs the forecast core on the worker thread (one series at a time: the queue's worker
 * slots are the parallelism), reports progress per candidate or per SKU, honours cancellation, and
 * stores results per SKU. Thread-safe: handlers keep no state between jobs.
 */
public final class ForecastJobs {
  /** Default relative error growth that flags a SKU in rescoring. */
  public static final double DEFAULT_THRESHOLD = 0.2;

  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ForecastJobs.class);

  private final DatasetStore datasets;
  private final ResultStore results;
  private final ModelRegistry registry;
  private final InstantSource clock;
  private final OptimizationCache questions;

  /** Handlers whose optimizations read and write {@code cache}. */
  public ForecastJobs(
      DatasetStore datasets,
      ResultStore results,
      ModelRegistry registry,
      InstantSource clock,
      ResultCache cache) {
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
    List<Map<String, Object>> done = new ArrayList<>();
    List<Series> series = load(ctx, p.datasetId(), p.skus());
    DefaultSelection selection = questions.selection(p);
    GridOptimizer optimizer = OptimizationCache.optimizer(p);
    Set<CacheTag> askerTags = OptimizationCache.askerTags(p.datasetId(), ctx.ownerId());
    int i = 0;
    for (Series s : series) {
      int index = i++;
      CandidateSet candidates = selection.candidatesFor(s);
      CacheKey key = questions.key(s, candidates, optimizer);
      Optional<RestoredAnswer> cached = questions.lookup(s, key, askerTags);
      RestoredAnswer answer;
      if (cached.isPresent()) {
        ctx.throwIfCancelled();
        answer = cached.get();
        ctx.progress(index + 1L, series.size(), "cached", s.id() + ": answered from the cache");
      } else {
        OptimizationResult r = search(ctx, optimizer, s, candidates, index, series.size());
        Map<String, Object> body = ResultBody.of(s, r);
        questions.put(key, body, askerTags, candidates);
        answer =
            new RestoredAnswer(
                JobJson.write(body),
                OptimizationCache.chosenName(body),
                (String) body.get("metric"),
                OptimizationCache.score(body));
      }
      String model = answer.model();
      double score = answer.score();
      store(ctx, p.datasetId(), s.id(), model, answer.metric(), score, false, answer.bodyJson());
      done.add(OptimizationCache.summary(s.id(), model, score, cached.isPresent()));
    }
    ctx.progress(series.size(), series.size(), "done", null);
    return JobJson.write(Map.of("dataset_id", p.datasetId(), "skus", done));
  }

  private OptimizationResult search(
      JobContext ctx, GridOptimizer opt, Series s, CandidateSet candidates, int index, int count) {
    try {
      return opt.optimize(
          s,
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
    List<Map<String, Object>> perSku = new ArrayList<>();
    Map<String, double[]> sums = new LinkedHashMap<>(); // model -> {smape, mase, bias, n, maseN}
    int i = 0;
    for (Series s : series) {
      ctx.throwIfCancelled();
      ctx.progress(i++, series.size(), "backtest", s.id());
      for (ModelSpec spec : modelsToValidate(ctx, p, s)) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("sku", s.id());
        row.put("model", ResultBody.display(spec));
        row.put("parameters", ResultBody.finiteMap(spec.parameters()));
        try {
          Backtest b = Backtest.run(spec, s, p.horizon(), p.folds());
          row.put("smape", JobJson.finite(b.smape()));
          row.put("mase", JobJson.finite(b.mase()));
          row.put("bias", JobJson.finite(b.bias()));
          row.put("folds", b.folds());
          double[] acc = sums.computeIfAbsent(ResultBody.display(spec), k -> new double[5]);
          if (Double.isFinite(b.smape())) {
            acc[0] += b.smape();
            acc[2] += b.bias();
            acc[3]++;
          }
          if (Double.isFinite(b.mase())) {
            acc[1] += b.mase();
            acc[4]++;
          }
        } catch (RuntimeException e) {
          row.put("failure", e.getMessage());
        }
        perSku.add(row);
      }
    }
    List<Map<String, Object>> aggregate = new ArrayList<>();
    sums.forEach((model, acc) -> {
      Map<String, Object> a = new LinkedHashMap<>();
      a.put("model", model);
      a.put("skus", (int) acc[3]);
      a.put("smape", acc[3] == 0 ? null : JobJson.finite(acc[0] / acc[3]));
      a.put("mase", acc[4] == 0 ? null : JobJson.finite(acc[1] / acc[4]));
      a.put("bias", acc[3] == 0 ? null : JobJson.finite(acc[2] / acc[3]));
      aggregate.add(a);
    });
    ctx.progress(series.size(), series.size(), "done", null);
    Map<String, Object> report = new LinkedHashMap<>();
    report.put("dataset_id", p.datasetId());
    report.put("horizon", p.horizon());
    report.put("aggregate", aggregate);
    report.put("per_sku", perSku);
    return JobJson.write(report);
  }

  /** The given models, or the SKU's stored best model, or the default selection. */
  private List<ModelSpec> modelsToValidate(JobContext ctx, JobPayload p, Series s) {
    if (!p.models().isEmpty()) {
      return registry.candidates(p.models());
    }
    Optional<ModelSpec> stored = storedSpec(ctx.ownerId(), p.datasetId(), s.id());
    return stored
        .map(List::of)
        .orElseGet(() -> DefaultSelection.of(registry).candidatesFor(s).candidates());
  }

  private String rescoring(JobContext ctx) {
    JobPayload p = JobJson.read(ctx.payload(), JobPayload.class);
    String source = p.sourceDatasetId() == null ? p.datasetId() : p.sourceDatasetId();
    List<Series> series = load(ctx, p.datasetId(), p.skus());
    List<Map<String, Object>> done = new ArrayList<>();
    int i = 0;
    for (Series s : series) {
      Optional<ForecastResult> previous = results.get(ctx.ownerId(), source, s.id());
      if (previous.isEmpty()) {
        throw new IllegalStateException(
            "no stored best model for SKU '"
                + s.id()
                + "' in dataset "
                + source
                + "; optimize first");
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> old = JobJson.read(previous.get().body(), Map.class);
      ModelSpec spec = storedSpec(old);
      OptimizationResult r =
          search(
              ctx,
              OptimizationCache.optimizer(p),
              s,
              CandidateSet.of(List.of(spec)),
              i++,
              series.size());
      Double oldScore = previous.get().score();
      boolean flagged =
          oldScore != null
              && Double.isFinite(r.score())
              && r.score() > oldScore * (1 + p.threshold()) + 1e-12;
      Map<String, Object> body = ResultBody.of(s, r);
      body.put("previous_score", oldScore);
      body.put("threshold", p.threshold());
      body.put("flagged", flagged);
      store(
          ctx,
          p.datasetId(),
          s.id(),
          r.chosen().name(),
          r.metric().key(),
          r.score(),
          flagged,
          JobJson.write(body));
      Map<String, Object> sum = summary(s.id(), r.chosen().name(), r.score());
      sum.put("previous_score", oldScore);
      sum.put("flagged", flagged);
      done.add(sum);
    }
    ctx.progress(series.size(), series.size(), "done", null);
    return JobJson.write(Map.of("dataset_id", p.datasetId(), "skus", done));
  }

  private Optional<ModelSpec> storedSpec(String owner, String datasetId, String sku) {
    return results
        .get(owner, datasetId, sku)
        .map(r -> {
          @SuppressWarnings("unchecked")
          Map<String, Object> body = JobJson.read(r.body(), Map.class);
          return storedSpec(body);
        });
  }

  @SuppressWarnings("unchecked")
  private ModelSpec storedSpec(Map<String, Object> body) {
    Object spec = body.get("spec");
    if (!(spec instanceof Map<?, ?>)) {
      throw new IllegalStateException("stored result has no model spec: " + body.get("model"));
    }
    return ResultBody.spec((Map<String, Object>) spec, registry);
  }

  private List<Series> load(JobContext ctx, String datasetId, List<String> skus) {
    if (datasets.get(ctx.ownerId(), datasetId).isEmpty()) {
      // The dataset was deleted after the job was queued: nothing to compute, nothing to retry.
      LOG.info("job {}: dataset {} no longer exists; cancelling", ctx.id(), datasetId);
      throw new JobCancelledException(ctx.id());
    }
    List<Series> series = datasets.seriesOf(ctx.ownerId(), datasetId, skus);
    if (series.isEmpty()) {
      throw new IllegalStateException(
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
      String datasetId,
      String sku,
      String model,
      String metric,
      double score,
      boolean flagged,
      String bodyJson) {
    results.put(
        new ForecastResult(
            datasetId,
            sku,
            ctx.ownerId(),
            ctx.id().toString(),
            ctx.type(),
            model,
            metric,
            Double.isFinite(score) ? score : null,
            flagged,
            bodyJson,
            clock.instant()));
  }

  private static Map<String, Object> summary(String sku, String model, double score) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("sku", sku);
    m.put("model", model);
    m.put("score", JobJson.finite(score));
    return m;
  }
}
