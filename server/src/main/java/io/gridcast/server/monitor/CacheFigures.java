package io.gridcast.server.monitor;

import java.util.Optional;

/**
 * The result cache's figures as monitoring sees them (since this process started; entries now).
 *
 * @param hits lookups answered from either tier
 * @param misses lookups answered by neither
 * @param evictions entries dropped for size or age
 * @param memoryEntries entries in this process's memory
 * @param diskEntries entries in the shared table
 */
public record CacheFigures(
    long hits, long misses, long evictions, long memoryEntries, long diskEntries) {

  /** {@code hits / (hits + misses)}; empty before the first lookup (no alert is judged then). */
  public Optional<Double> hitRate() {
    long lookups = hits + misses;
    return lookups == 0 ? Optional.empty() : Optional.of(hits / (double) lookups);
  }
}
