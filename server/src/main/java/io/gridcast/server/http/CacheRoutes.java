package io.gridcast.server.http;

import io.gridcast.server.cache.CacheKey;
import io.gridcast.server.cache.CacheStats;
import io.gridcast.server.cache.CacheTag;
import io.gridcast.server.cache.ResultCache;
import io.gridcast.server.dataset.DatasetService;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Map;

/**
 * The result cache: {@code GET /api/cache/stats} (any signed-in caller: figures only, no keys, tags
 * or values) and {@code DELETE /api/cache?tag=kind:value}.
 *
 * <p>Who may invalidate: a user, the scoped tags of their own ({@code dataset:<id>} of a dataset
 * they see, else 404 as for any other dataset; {@code owner:<own id>}); an admin, any tag. The
 * global tags ({@code model:}, {@code engine:}) reach every user's entries, so a user gets 403 for
 * them, as for another owner's tag. Entries are shared computations: invalidating one's own dataset
 * also drops entries other users' identical questions would hit, which costs them a recomputation
 * and never a wrong answer.
 */
final class CacheRoutes implements RouteGroup {
  private final ResultCache cache;
  private final DatasetService datasets;

  CacheRoutes(ResultCache cache, DatasetService datasets) {
    this.cache = cache;
    this.datasets = datasets;
  }

  @Override
  public void register(RoutesConfig r) {
    r.get("/api/cache/stats", this::stats);
    r.delete("/api/cache", this::invalidate);
  }

  private void stats(Context ctx) {
    OpsRoutes.json(ctx, 200, view(cache.stats(), cache));
  }

  private void invalidate(Context ctx) {
    Caller caller = Caller.of(ctx);
    CacheTag tag = CacheTag.parse(ctx.queryParam("tag")); // 400 naming the tag when it is bad
    if (!caller.admin()) {
      switch (tag.kind()) {
        case DATASET -> datasets.get(caller.ownerId(), tag.value()); // 404 unless the caller's
        case OWNER -> {
          if (!tag.value().equals(caller.ownerId())) {
            throw forbidden(tag);
          }
        }
        case MODEL, ENGINE -> throw forbidden(tag);
      }
    }
    OpsRoutes.json(ctx, 200, new Invalidated(tag.text(), cache.invalidate(tag)));
  }

  private static ApiException forbidden(CacheTag tag) {
    return new ApiException(
        403,
        "forbidden",
        "only an admin may invalidate "
            + (tag.kind().global() ? "a global tag (model:, engine:)" : "another user's tag")
            + ": "
            + tag.text(),
        Map.of("tag", tag.text()));
  }

  /** Entries dropped by one invalidation. */
  record Invalidated(String tag, long invalidated) {}

  /**
   * The cache's figures ({@code GET /api/cache/stats}).
   *
   * @param ttlSeconds an entry's lifetime, 0 when the cache is off
   */
  record Stats(
      boolean enabled,
      long hits,
      long misses,
      double hitRate,
      long evictions,
      long invalidations,
      Tier memory,
      Tier disk,
      long ttlSeconds,
      String engineVersion) {}

  /** One tier's figures. */
  record Tier(long hits, long evictions, long entries, long bytes, long maxEntries, long maxBytes) {
    static Tier of(CacheStats.Tier t) {
      return new Tier(
          t.hits(), t.evictions(), t.entries(), t.bytes(), t.maxEntries(), t.maxBytes());
    }
  }

  static Stats view(CacheStats s, ResultCache cache) {
    return new Stats(
        s.enabled(),
        s.hits(),
        s.misses(),
        s.hitRate(),
        s.evictions(),
        s.invalidations(),
        Tier.of(s.memory()),
        Tier.of(s.disk()),
        cache.enabled() ? cache.ttl().toSeconds() : 0,
        CacheKey.ENGINE_VERSION);
  }
}
