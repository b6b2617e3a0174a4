package io.gridcast.server.job;

import io.gridcast.forecast.covariate.Covariates;
import io.gridcast.forecast.metric.Metric;
import io.gridcast.forecast.registry.DefaultSelection;
import io.gridcast.forecast.registry.ModelRegistry;
import io.gridcast.forecast.search.CandidateSet;
import io.gridcast.forecast.search.GridOptimizer;
import io.gridcast.forecast.series.Fill;
import io.gridcast.forecast.series.Series;
import io.gridcast.server.cache.CacheKey;
import io.gridcast.server.cache.CacheTag;
import io.gridcast.server.cache.ResultCache;
import io.gridcast.server.cache.UncacheableQuestionException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An optimization question as the result cache sees it, shared by the two places that ask: the
 * optimization handler (per SKU, before searching) and {@link JobService} (when the jobs are
 * created, so that a question answered before becomes a job born completed and no worker runs it).
 * Both build the same candidate set and optimizer from a {@link JobPayload}, so both ask for the
 * same key. Thread-safe.
 */
final class OptimizationCache {
  private static final Logger LOG = LoggerFactory.getLogger(OptimizationCache.class);

  private final ModelRegistry registry;
  private final ResultCache cache;

  OptimizationCache(ModelRegistry registry, ResultCache cache) {
    this.registry = registry;
    this.cache = cache;
  }

  boolean enabled() {
    return cache.enabled();
  }

  /** The candidate selection of a payload: its models, or its preset's selection. */
  DefaultSelection selection(JobPayload p) {
    return p.models().isEmpty()
        ? DefaultSelection.preset(registry, p.preset())
        : DefaultSelection.named(registry, p.models());
  }

  /** The optimizer of a payload (one thread: a job is one SKU; the pool runs jobs in parallel). */
  static GridOptimizer optimizer(JobPayload p) {
    return GridOptimizer.builder()
        .horizon(p.horizon())
        .folds(p.folds())
        .metric(Metric.parse(p.metric()))
        .levels(p.levels().stream().mapToDouble(Double::doubleValue).toArray())
        .parallelism(1)
        .build();
  }

  /** The tags an asker adds to an entry: their dataset and themselves (for invalidation). */
  static Set<CacheTag> askerTags(String datasetId, String ownerId) {
    return Set.of(CacheTag.dataset(datasetId), CacheTag.owner(ownerId));
  }

  /** The key of this question, or null when the cache is off or the question has no key. */
  CacheKey key(Series s, Fill fill, CandidateSet candidates, GridOptimizer optimizer) {
    return key(s, fill, candidates, optimizer, Covariates.none());
  }

  /** As {@link #key(Series, Fill, CandidateSet, GridOptimizer)}, with the series' covariates. */
  CacheKey key(
      Series s, Fill fill, CandidateSet candidates, GridOptimizer optimizer, Covariates x) {
    if (!cache.enabled()) {
      return null;
    }
    try {
      return CacheKey.of(s, fill, candidates, optimizer.settings(), x);
    } catch (UncacheableQuestionException e) {
      LOG.debug("series {}: not cacheable: {}", s.id(), e.getMessage());
      return null;
    }
  }

  /** The cached answer for {@code s} (restored with its own SKU name and dates), if any. */
  Optional<RestoredAnswer> lookup(Series s, CacheKey key, Set<CacheTag> askerTags) {
    return key == null
        ? Optional.empty()
        : cache.get(key, askerTags).map(json -> RestoredAnswer.of(s, json));
  }

  /** Writes a computed result body through both tiers (without the asker's SKU name and dates). */
  void put(CacheKey key, ResultBody body, Set<CacheTag> askerTags, CandidateSet candidates) {
    if (key == null) {
      return;
    }
    Set<CacheTag> tags = new LinkedHashSet<>(askerTags);
    tags.addAll(CacheTag.models(candidates.candidates()));
    cache.put(key, JobJson.write(body.computation()), tags);
  }

  /**
   * The cached answers for the series of a new optimization submission, by SKU: only the questions
   * the cache holds; an empty map when the cache is off. Keys and restores run in parallel (the
   * submission waits for them).
   */
  Map<String, RestoredAnswer> answers(
      String ownerId, JobPayload base, List<Series> series, Fill fill) {
    if (!cache.enabled() || series.isEmpty() || base.holidays() != null) {
      // holidays are covariates the worker builds; it asks the cache itself
      return Map.of();
    }
    DefaultSelection selection = selection(base);
    GridOptimizer optimizer = optimizer(base);
    Set<CacheTag> tags = askerTags(base.datasetId(), ownerId);
    Map<String, RestoredAnswer> found = new ConcurrentHashMap<>();
    series.parallelStream()
        .forEach(s -> {
          CacheKey key = key(s, fill, selection.candidatesFor(s), optimizer);
          if (key != null) {
            // peek: a miss here is asked again by the worker, which counts it.
            cache.peek(key, tags).ifPresent(json -> found.put(s.id(), RestoredAnswer.of(s, json)));
          }
        });
    return found;
  }
}
