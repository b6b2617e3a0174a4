package io.gridcast.server.cache;

import io.gridcast.queue.jdbc.JdbcDatabase;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.InstantSource;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The result cache: finished computations by {@link CacheKey}, in two tiers.
 *
 * <ul>
 *   <li><b>Memory</b> (Caffeine): bounded by entries and by estimated bytes (the UTF-8 size of the
 *       value), each entry expiring with its disk row.
 *   <li><b>Disk</b> (table {@code result_cache} in the job database): survives restarts and is
 *       shared by every process on the database; rows expire after the TTL, and when the table
 *       holds more than its byte cap the least recently used rows go first.
 * </ul>
 *
 * <p>{@link #put} writes through to both tiers. {@link #get} reads memory, then disk, and promotes
 * a disk hit into memory. Tags ({@link CacheTag}) index entries for {@link #invalidate}: the rows
 * go from the table, and their keys into an invalidation log that every process reads before its
 * next lookup, so no process answers from memory what was invalidated anywhere. Maintenance
 * (expiry, LRU eviction, the recency of hits written back to the rows in one batch, so that a hit
 * costs no write) runs inline, at most once per {@link #MAINTENANCE_INTERVAL} or after {@link
 * #MAINTAIN_EVERY_PUTS} writes.
 *
 * <p>The cache is an optimization, never a source of failure: a database error during a lookup is
 * logged and answered as a miss, during a write it is logged and dropped. Thread-safe.
 *
 * <pre>{@code
 * ResultCache cache = ResultCache.builder(database).ttl(Duration.ofDays(7)).build();
 * CacheKey key = CacheKey.of(series, candidates, optimizer.settings());
 * String value = cache.get(key, tags).orElseGet(() -> compute(...));
 * }</pre>
 */
public final class ResultCache {
  private static final Logger LOG = LoggerFactory.getLogger(ResultCache.class);

  public static final long DEFAULT_MEMORY_MAX_ENTRIES = 10_000;
  public static final long DEFAULT_MEMORY_MAX_BYTES = 64L * 1024 * 1024;
  public static final long DEFAULT_DISK_MAX_BYTES = 256L * 1024 * 1024;
  public static final Duration DEFAULT_TTL = Duration.ofDays(7);

  /** Longest pause between maintenance runs while the cache is used. */
  public static final Duration MAINTENANCE_INTERVAL = Duration.ofSeconds(30);

  /** Writes after which maintenance runs (so a burst of writes cannot overrun the disk cap far). */
  public static final int MAINTAIN_EVERY_PUTS = 256;

  private static final int INVALIDATION_PAGE = 10_000;

  private final boolean enabled;
  private final MemoryTier memory;
  private final DiskTier disk;
  private final InvalidationLog log;
  private final DiskFigures figures;
  private final CacheUpkeep upkeep;
  private final InstantSource clock;
  private final Duration ttl;
  private final long diskMaxBytes;

  private final AtomicLong memoryHits = new AtomicLong();
  private final AtomicLong diskHits = new AtomicLong();
  private final AtomicLong misses = new AtomicLong();
  private final AtomicLong invalidations = new AtomicLong();
  private final ReentrantLock invalidationSync = new ReentrantLock();
  private volatile long invalidationCursor;

  private ResultCache(Builder b) {
    this.enabled = b.enabled;
    this.clock = b.clock;
    this.ttl = b.ttl;
    this.diskMaxBytes = b.diskMaxBytes;
    this.memory = new MemoryTier(b.memoryMaxEntries, b.memoryMaxBytes, b.clock);
    if (b.database == null) {
      this.disk = null;
      this.log = null;
      this.figures = null;
      this.upkeep = null;
    } else {
      this.disk = new DiskTier(b.database);
      this.log = new InvalidationLog(b.database);
      this.figures = new DiskFigures(disk, clock);
      this.upkeep = new CacheUpkeep(disk, log, figures, clock, ttl, diskMaxBytes);
    }
  }

  /** A builder over the job database (the server's migrations applied). */
  public static Builder builder(JdbcDatabase database) {
    return new Builder(Objects.requireNonNull(database, "database"));
  }

  /** A cache that holds nothing: every lookup is empty and uncounted, every write dropped. */
  public static ResultCache disabled() {
    Builder b = new Builder(null);
    b.enabled = false;
    return new ResultCache(b);
  }

  public boolean enabled() {
    return enabled;
  }

  /** The value of {@code key}, from memory or disk (then promoted); counted as a hit or a miss. */
  public Optional<String> get(CacheKey key) {
    return get(key, Set.of());
  }

  /**
   * The value of {@code key}, from memory or disk (then promoted); on a hit the entry also gets
   * {@code tags} (the asker's dataset and owner), so that they can invalidate it.
   */
  public Optional<String> get(CacheKey key, Set<CacheTag> tags) {
    return get(key, tags, true);
  }

  /**
   * {@link #get(CacheKey, Set)} for a look ahead of the real question (a job being created, which a
   * worker asks again if this finds nothing): a hit counts, a miss does not, so that each question
   * is counted once.
   */
  public Optional<String> peek(CacheKey key, Set<CacheTag> tags) {
    return get(key, tags, false);
  }

  private Optional<String> get(CacheKey key, Set<CacheTag> tags, boolean countMiss) {
    if (!enabled) {
      return Optional.empty();
    }
    String k = key.hex();
    Set<String> wanted = texts(tags);
    try {
      syncInvalidations();
      Optional<MemoryTier.Entry> m = memory.get(k);
      if (m.isPresent()) {
        memoryHits.incrementAndGet();
        upkeep.used(k);
        if (!m.get().tags().containsAll(wanted)) {
          MemoryTier.Entry e = m.get();
          disk.addTags(k, wanted);
          memory.put(
              k,
              new MemoryTier.Entry(e.value(), union(e.tags(), wanted), e.expiresAtMs(), e.bytes()));
        }
        upkeep.runIfDue();
        return Optional.of(m.get().value());
      }
      long now = clock.millis();
      Optional<DiskTier.Row> row = disk.get(k, now);
      if (row.isEmpty()) {
        if (countMiss) {
          misses.incrementAndGet();
        }
        upkeep.runIfDue();
        return Optional.empty();
      }
      diskHits.incrementAndGet();
      upkeep.used(k);
      Set<String> all = union(row.get().tags(), wanted);
      if (!row.get().tags().containsAll(wanted)) {
        disk.addTags(k, wanted);
      }
      memory.put(k, entry(row.get().value(), all, row.get().expiresAtMs()));
      upkeep.runIfDue();
      return Optional.of(row.get().value());
    } catch (RuntimeException e) {
      LOG.warn("result cache lookup of {} failed; computing instead", k, e);
      if (countMiss) {
        misses.incrementAndGet();
      }
      return Optional.empty();
    }
  }

  /** Writes {@code value} through to memory and disk, with {@code tags} and the TTL from now. */
  public void put(CacheKey key, String value, Set<CacheTag> tags) {
    if (!enabled) {
      return;
    }
    String k = key.hex();
    long now = clock.millis();
    long expires = now + ttl.toMillis();
    Set<String> t = texts(tags);
    t.add(CacheTag.engine(CacheKey.ENGINE_VERSION).text());
    MemoryTier.Entry e = entry(value, t, expires);
    try {
      disk.put(k, CacheKey.ENGINE_VERSION, value, e.bytes(), t, now, expires);
      figures.changed();
      memory.put(k, e);
      upkeep.afterPut();
    } catch (RuntimeException ex) {
      LOG.warn("result cache write of {} failed; result kept, not cached", k, ex);
    }
  }

  /**
   * Drops every entry tagged {@code tag} from the disk tier and from every process's memory tier
   * (this one at once, the others before their next lookup); returns the entries dropped.
   */
  public long invalidate(CacheTag tag) {
    if (!enabled) {
      return 0;
    }
    List<String> keys = log.invalidate(tag.text(), clock.millis());
    figures.changed();
    long dropped = keys.size();
    // Entries only this process holds in memory (a disk row already gone) go too.
    memory.invalidate(keys);
    long memoryOnly = memory.invalidateTag(tag.text());
    invalidations.addAndGet(dropped);
    LOG.info("result cache: invalidated {} entries tagged {}", dropped, tag);
    return dropped + memoryOnly;
  }

  /** Figures now: counters since start, entries and bytes per tier. */
  public CacheStats stats() {
    if (!enabled) {
      CacheStats.Tier none = new CacheStats.Tier(0, 0, 0, 0, 0, 0);
      return CacheStats.of(false, 0, 0, none, none);
    }
    CacheStats.Tier mem = memory.stats(memoryHits.get());
    DiskTier.Figures f = figures.read();
    CacheStats.Tier dsk =
        new CacheStats.Tier(
            diskHits.get(), upkeep.evictions(), f.entries(), f.bytes(), 0, diskMaxBytes);
    return CacheStats.of(true, misses.get(), invalidations.get(), mem, dsk);
  }

  public Duration ttl() {
    return ttl;
  }

  /**
   * Expires rows past their TTL, evicts least recently used rows above the disk cap, writes the
   * recency of memory hits back to the rows and prunes the invalidation log ({@link CacheUpkeep}).
   * Runs on the calling thread; a second caller meanwhile returns at once.
   */
  public void maintain() {
    if (enabled) {
      upkeep.run();
    }
  }

  /** Applies invalidations made by any process since the last lookup to the memory tier. */
  private void syncInvalidations() {
    invalidationSync.lock();
    try {
      while (true) {
        InvalidationLog.Invalidations inv = log.after(invalidationCursor, INVALIDATION_PAGE);
        if (!inv.keys().isEmpty()) {
          memory.invalidate(inv.keys());
        }
        invalidationCursor = inv.lastId();
        if (inv.keys().size() < INVALIDATION_PAGE) {
          return;
        }
      }
    } finally {
      invalidationSync.unlock();
    }
  }

  private static MemoryTier.Entry entry(String value, Set<String> tags, long expiresAtMs) {
    int bytes = value.getBytes(StandardCharsets.UTF_8).length;
    return new MemoryTier.Entry(value, tags, expiresAtMs, bytes);
  }

  private static Set<String> texts(Set<CacheTag> tags) {
    Set<String> out = new LinkedHashSet<>();
    for (CacheTag t : tags) {
      out.add(t.text());
    }
    return out;
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> out = new LinkedHashSet<>(a);
    out.addAll(b);
    return out;
  }

  private void start() {
    if (enabled) {
      invalidationCursor = log.lastId();
      maintain();
    }
  }

  /** Settings of a cache; each setter validates at once with the bad value in the message. */
  public static final class Builder {
    private final JdbcDatabase database;
    private boolean enabled = true;
    private long memoryMaxEntries = DEFAULT_MEMORY_MAX_ENTRIES;
    private long memoryMaxBytes = DEFAULT_MEMORY_MAX_BYTES;
    private long diskMaxBytes = DEFAULT_DISK_MAX_BYTES;
    private Duration ttl = DEFAULT_TTL;
    private InstantSource clock = InstantSource.system();

    private Builder(JdbcDatabase database) {
      this.database = database;
    }

    /** Off: a cache that holds nothing (default on). */
    public Builder enabled(boolean on) {
      this.enabled = on;
      return this;
    }

    /** Entries the memory tier holds at most, {@code >= 1}. */
    public Builder memoryMaxEntries(long n) {
      if (n < 1) {
        throw new IllegalArgumentException("memory max entries must be >= 1, got " + n);
      }
      this.memoryMaxEntries = n;
      return this;
    }

    /** Estimated bytes the memory tier holds at most, {@code >= 1024}. */
    public Builder memoryMaxBytes(long n) {
      if (n < 1024) {
        throw new IllegalArgumentException("memory max bytes must be >= 1024, got " + n);
      }
      this.memoryMaxBytes = n;
      return this;
    }

    /** Bytes of values the disk table holds at most before LRU eviction, {@code >= 1024}. */
    public Builder diskMaxBytes(long n) {
      if (n < 1024) {
        throw new IllegalArgumentException("disk max bytes must be >= 1024, got " + n);
      }
      this.diskMaxBytes = n;
      return this;
    }

    /** How long an entry lives after it was written, at least one second. */
    public Builder ttl(Duration d) {
      if (d == null || d.compareTo(Duration.ofSeconds(1)) < 0) {
        throw new IllegalArgumentException("cache TTL must be at least 1 s, got " + d);
      }
      this.ttl = d;
      return this;
    }

    /** The time source of expiry and recency (tests: a settable clock). */
    public Builder clock(InstantSource c) {
      this.clock = Objects.requireNonNull(c, "clock");
      return this;
    }

    /** Builds the cache, reads the invalidation log's position and runs maintenance once. */
    public ResultCache build() {
      if (memoryMaxBytes / memoryMaxEntries < 1) {
        throw new IllegalArgumentException(
            "memory max bytes ("
                + memoryMaxBytes
                + ") must be at least memory max entries ("
                + memoryMaxEntries
                + ")");
      }
      ResultCache c = new ResultCache(this);
      c.start();
      return c;
    }
  }
}
