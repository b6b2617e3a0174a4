package io.gridcast.server.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.RemovalCause;
import java.time.InstantSource;
import java.util.Collection;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The in-memory tier: Caffeine bounded by entries and bytes at once, each entry living until the
 * expiry time it was written with (the disk row's, so a promoted entry does not live longer than
 * its row), and an index from tag to keys for invalidation.
 *
 * <p>Both bounds through one weight: {@code w(e) = max(bytes(e), ceil(B / N))} under {@code
 * maximumWeight = B}. Then {@code sum bytes <= sum w <= B}, and since every {@code w >= B / N},
 * {@code entries <= N}; whichever bound is reached first evicts (Caffeine's W-TinyLFU).
 * Thread-safe.
 */
final class MemoryTier {
  /** One cached computation with its tags and expiry. */
  record Entry(String value, Set<String> tags, long expiresAtMs, int bytes) {
    Entry {
      tags = Set.copyOf(tags);
    }
  }

  private final Cache<String, Entry> cache;
  private final ConcurrentHashMap<String, Set<String>> keysByTag = new ConcurrentHashMap<>();
  private final AtomicLong bytes = new AtomicLong();
  private final AtomicLong evictions = new AtomicLong();
  private final long maxEntries;
  private final long maxBytes;

  MemoryTier(long maxEntries, long maxBytes, InstantSource clock) {
    this.maxEntries = maxEntries;
    this.maxBytes = maxBytes;
    int minWeight = (int) Math.min(Integer.MAX_VALUE, (maxBytes + maxEntries - 1) / maxEntries);
    this.cache =
        Caffeine.newBuilder()
            .maximumWeight(maxBytes)
            .weigher((String k, Entry e) -> Math.max(e.bytes(), minWeight))
            .expireAfter(
                new Expiry<String, Entry>() {
                  @Override
                  public long expireAfterCreate(String key, Entry e, long now) {
                    return remainingNanos(e, clock);
                  }

                  @Override
                  public long expireAfterUpdate(String key, Entry e, long now, long current) {
                    return remainingNanos(e, clock);
                  }

                  @Override
                  public long expireAfterRead(String key, Entry e, long now, long current) {
                    return current;
                  }
                })
            .ticker(() -> clock.millis() * 1_000_000L)
            .executor(Runnable::run)
            .removalListener(this::removed)
            .build();
  }

  private static long remainingNanos(Entry e, InstantSource clock) {
    long ms = e.expiresAtMs() - clock.millis();
    return ms <= 0 ? 0 : Math.multiplyExact(ms, 1_000_000L);
  }

  private void removed(String key, Entry e, RemovalCause cause) {
    if (e == null) {
      return;
    }
    bytes.addAndGet(-e.bytes());
    if (cause.wasEvicted()) {
      evictions.incrementAndGet();
    }
    if (cause != RemovalCause.REPLACED) {
      // A replaced entry's tags are kept in the new one (put merges them), so its index stays.
      for (String t : e.tags()) {
        keysByTag.computeIfPresent(
            t,
            (tag, keys) -> {
              keys.remove(key);
              return keys.isEmpty() ? null : keys;
            });
      }
    }
  }

  Optional<Entry> get(String key) {
    return Optional.ofNullable(cache.getIfPresent(key));
  }

  /** Stores {@code e}, keeping the tags of an entry it replaces. */
  void put(String key, Entry e) {
    Entry old = cache.getIfPresent(key);
    Entry merged = e;
    if (old != null && !e.tags().containsAll(old.tags())) {
      Set<String> tags = new HashSet<>(old.tags());
      tags.addAll(e.tags());
      merged = new Entry(e.value(), tags, e.expiresAtMs(), e.bytes());
    }
    for (String t : merged.tags()) {
      keysByTag.computeIfAbsent(t, x -> ConcurrentHashMap.newKeySet()).add(key);
    }
    bytes.addAndGet(merged.bytes());
    cache.put(key, merged);
  }

  /** Drops the keys tagged {@code tag}; returns how many entries were held. */
  long invalidateTag(String tag) {
    Set<String> keys = keysByTag.remove(tag);
    return keys == null ? 0 : invalidate(Set.copyOf(keys));
  }

  /** Drops these keys; returns how many were held. */
  long invalidate(Collection<String> keys) {
    long held = 0;
    for (String k : keys) {
      if (cache.asMap().remove(k) != null) {
        held++;
      }
    }
    return held;
  }

  CacheStats.Tier stats(long hits) {
    cache.cleanUp();
    return new CacheStats.Tier(
        hits, evictions.get(), cache.estimatedSize(), bytes.get(), maxEntries, maxBytes);
  }
}
