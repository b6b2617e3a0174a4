/**
 * The result cache: a finished optimization, keyed by a content hash of everything that decides it
 * ({@link io.gridcast.server.cache.CacheKey}), kept in memory (Caffeine, {@code MemoryTier}) and in
 * the job database ({@code result_cache}, {@code DiskTier}), tagged for invalidation ({@link
 * io.gridcast.server.cache.CacheTag}; the log that carries an invalidation to every process is
 * {@code InvalidationLog}), kept within its bounds by {@code CacheUpkeep}, with hit, miss, eviction
 * and size figures ({@link io.gridcast.server.cache.CacheStats}). It stores computations, never
 * anyone's dataset: a value has no SKU name, dates or owner, which the asker's own series supplies
 * on a hit.
 */
package io.gridcast.server.cache;
