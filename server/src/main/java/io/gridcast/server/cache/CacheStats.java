package io.gridcast.server.cache;

/**
 * A snapshot of the result cache's figures since this process started (counters) and now (entries,
 * bytes).
 *
 * <p>{@code hits = memory.hits + disk.hits}; {@code hitRate = hits / (hits + misses)}, 0 before the
 * first lookup; {@code evictions = memory.evictions + disk.evictions} (size, LRU and expiry;
 * invalidations are counted apart).
 *
 * @param enabled whether the cache is on; when off every figure is 0
 * @param hits lookups answered from either tier
 * @param misses lookups answered by neither (the question was computed)
 * @param hitRate {@code hits / (hits + misses)}, in [0, 1]
 * @param evictions entries dropped for size or age, both tiers
 * @param invalidations entries dropped by tag through this process
 * @param memory the in-memory tier
 * @param disk the database tier (entries and bytes are the table's, shared by every process)
 */
public record CacheStats(
    boolean enabled,
    long hits,
    long misses,
    double hitRate,
    long evictions,
    long invalidations,
    Tier memory,
    Tier disk) {

  /**
   * One tier's figures.
   *
   * @param hits lookups this tier answered
   * @param evictions entries this tier dropped for size or age
   * @param entries entries held now
   * @param bytes estimated bytes held now (the UTF-8 size of the cached values)
   * @param maxEntries the entry bound (0: none)
   * @param maxBytes the byte bound
   */
  public record Tier(
      long hits, long evictions, long entries, long bytes, long maxEntries, long maxBytes) {}

  static CacheStats of(boolean enabled, long misses, long invalidations, Tier memory, Tier disk) {
    long hits = memory.hits() + disk.hits();
    long lookups = hits + misses;
    return new CacheStats(
        enabled,
        hits,
        misses,
        lookups == 0 ? 0 : hits / (double) lookups,
        memory.evictions() + disk.evictions(),
        invalidations,
        memory,
        disk);
  }
}
