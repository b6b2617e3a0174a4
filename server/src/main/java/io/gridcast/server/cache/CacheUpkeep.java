package io.gridcast.server.cache;

import java.time.Duration;
import java.time.InstantSource;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The cache's upkeep, run inline by its callers: rows past their TTL expire, least recently used
 * rows go while the table holds more than its byte cap, the recency of hits is written back to the
 * rows in one batch (so a hit costs no write), and the invalidation log loses rows older than the
 * TTL. It runs at most once per {@link ResultCache#MAINTENANCE_INTERVAL} while the cache is used,
 * and after {@link ResultCache#MAINTAIN_EVERY_PUTS} writes (so a burst of writes cannot overrun the
 * cap far). One run at a time: a second caller meanwhile returns at once. Thread-safe.
 */
final class CacheUpkeep {
  private static final Logger LOG = LoggerFactory.getLogger(CacheUpkeep.class);

  private final DiskTier disk;
  private final InvalidationLog log;
  private final DiskFigures figures;
  private final InstantSource clock;
  private final Duration ttl;
  private final long diskMaxBytes;
  private final Set<String> used = ConcurrentHashMap.newKeySet();
  private final AtomicLong putsSinceRun = new AtomicLong();
  private final AtomicLong evictions = new AtomicLong();
  private final ReentrantLock running = new ReentrantLock();
  private volatile long lastRunMs;

  CacheUpkeep(
      DiskTier disk,
      InvalidationLog log,
      DiskFigures figures,
      InstantSource clock,
      Duration ttl,
      long diskMaxBytes) {
    this.disk = disk;
    this.log = log;
    this.figures = figures;
    this.clock = clock;
    this.ttl = ttl;
    this.diskMaxBytes = diskMaxBytes;
  }

  /** A hit on {@code key}: its row's recency is written at the next run. */
  void used(String key) {
    used.add(key);
  }

  /** After a write: a run when enough writes piled up or one is due. */
  void afterPut() {
    if (putsSinceRun.incrementAndGet() >= ResultCache.MAINTAIN_EVERY_PUTS) {
      run();
    } else {
      runIfDue();
    }
  }

  /** A run when the last one is older than the interval. */
  void runIfDue() {
    if (clock.millis() - lastRunMs >= ResultCache.MAINTENANCE_INTERVAL.toMillis()) {
      run();
    }
  }

  /** Rows expired or evicted by the upkeep since start. */
  long evictions() {
    return evictions.get();
  }

  /** One run on the calling thread, unless one is under way. */
  void run() {
    if (!running.tryLock()) {
      return;
    }
    try {
      long now = clock.millis();
      lastRunMs = now;
      putsSinceRun.set(0);
      if (!used.isEmpty()) {
        Set<String> batch = new HashSet<>(used);
        used.removeAll(batch);
        disk.touch(batch, now);
      }
      long expired = disk.deleteExpired(now);
      log.prune(now - ttl.toMillis());
      long evicted = disk.evictToFit(diskMaxBytes);
      evictions.addAndGet(expired + evicted);
      if (expired + evicted > 0) {
        figures.changed();
        LOG.debug("result cache: {} rows expired, {} evicted (LRU)", expired, evicted);
      }
    } catch (RuntimeException e) {
      LOG.warn("result cache maintenance failed", e);
    } finally {
      running.unlock();
    }
  }
}
