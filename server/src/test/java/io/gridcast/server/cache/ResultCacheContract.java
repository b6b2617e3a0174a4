package io.gridcast.server.cache;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridcast.queue.ManualClock;
import io.gridcast.server.config.DatabaseUrl;
import io.gridcast.server.db.Database;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The two tiers on a real database; run once per database. */
abstract class ResultCacheContract {
  private Database db;
  private final ManualClock clock = new ManualClock(Instant.parse("2026-11-23T12:00:00Z"));

  abstract DatabaseUrl database();

  @BeforeEach
  void open() {
    db = Database.open(database(), 4);
  }

  @AfterEach
  void close() {
    db.close();
  }

  private ResultCache.Builder builder() {
    return ResultCache.builder(db.jdbc()).clock(clock);
  }

  private static CacheKey key(int i) {
    byte[] b = new byte[32];
    b[0] = (byte) (i >> 8);
    b[1] = (byte) i;
    return new CacheKey(HexFormat.of().formatHex(b));
  }

  private static String value(int bytes, char c) {
    return String.valueOf(c).repeat(bytes);
  }

  private static final Set<CacheTag> TAGS =
      Set.of(CacheTag.dataset("d1"), CacheTag.owner("u1"), CacheTag.model("theta"));

  @Test
  void put_thenGet_answersFromMemory_andCountsAHit() {
    ResultCache cache = builder().build();
    assertThat(cache.get(key(1))).isEmpty();
    cache.put(key(1), "{\"a\":1}", TAGS);
    assertThat(cache.get(key(1))).contains("{\"a\":1}");
    CacheStats s = cache.stats();
    assertThat(s.misses()).isEqualTo(1);
    assertThat(s.hits()).isEqualTo(1);
    assertThat(s.memory().hits()).isEqualTo(1);
    assertThat(s.disk().hits()).isZero();
    assertThat(s.hitRate()).isEqualTo(0.5);
    assertThat(s.memory().entries()).isEqualTo(1);
    assertThat(s.memory().bytes()).isEqualTo(7);
    assertThat(s.disk().entries()).isEqualTo(1);
    assertThat(s.disk().bytes()).isEqualTo(7);
  }

  @Test
  void newCacheOnTheSameDatabase_hitsTheDiskTier_andPromotesIntoMemory() {
    builder().build().put(key(1), "v1", TAGS);
    ResultCache restarted = builder().build();
    assertThat(restarted.stats().memory().entries()).isZero();
    assertThat(restarted.get(key(1))).contains("v1");
    assertThat(restarted.get(key(1))).contains("v1");
    CacheStats s = restarted.stats();
    assertThat(s.disk().hits()).isEqualTo(1);
    assertThat(s.memory().hits()).isEqualTo(1);
    assertThat(s.memory().entries()).isEqualTo(1);
  }

  @Test
  void entries_expireAfterTheTtl_inBothTiers() {
    ResultCache cache = builder().ttl(Duration.ofHours(1)).build();
    cache.put(key(1), "v1", TAGS);
    clock.advance(Duration.ofMinutes(59));
    assertThat(cache.get(key(1))).contains("v1");
    assertThat(builder().ttl(Duration.ofHours(1)).build().get(key(1))).contains("v1");
    clock.advance(Duration.ofMinutes(2));
    assertThat(cache.get(key(1))).isEmpty(); // and maintenance is due: the row goes
    assertThat(cache.stats().memory().evictions()).isEqualTo(1);
    assertThat(cache.stats().disk().evictions()).isEqualTo(1);
    assertThat(cache.stats().disk().entries()).isZero();
    assertThat(builder().ttl(Duration.ofHours(1)).build().get(key(1))).isEmpty();
  }

  @Test
  void promotedEntry_keepsTheExpiryOfItsRow() {
    builder().ttl(Duration.ofHours(1)).build().put(key(1), "v1", TAGS);
    clock.advance(Duration.ofMinutes(50));
    ResultCache later = builder().ttl(Duration.ofHours(1)).build();
    assertThat(later.get(key(1))).contains("v1"); // promoted with 10 minutes left
    clock.advance(Duration.ofMinutes(11));
    assertThat(later.get(key(1))).isEmpty();
  }

  @Test
  void diskTier_evictsLeastRecentlyUsed_whenOverItsCap() {
    ResultCache cache =
        builder().diskMaxBytes(4096).memoryMaxBytes(1024).memoryMaxEntries(1).build();
    cache.put(key(1), value(1500, 'a'), TAGS);
    clock.advance(Duration.ofMinutes(2));
    cache.put(key(2), value(1500, 'b'), TAGS);
    clock.advance(Duration.ofMinutes(2));
    // Another process reads key 1 from disk; its maintenance writes the recency back in a batch:
    // key 1 is now the most recently used row.
    ResultCache reader = builder().diskMaxBytes(4096).build();
    assertThat(reader.get(key(1))).isPresent();
    reader.maintain();
    clock.advance(Duration.ofMinutes(2));
    cache.put(key(3), value(1500, 'c'), TAGS); // 4500 bytes > 4096
    cache.maintain();
    ResultCache fresh = builder().diskMaxBytes(4096).build();
    assertThat(fresh.get(key(2))).as("least recently used").isEmpty();
    assertThat(fresh.get(key(1))).isPresent();
    assertThat(fresh.get(key(3))).isPresent();
    assertThat(cache.stats().disk().bytes()).isEqualTo(3000);
    assertThat(cache.stats().disk().evictions()).isEqualTo(1);
  }

  @Test
  void memoryTier_isBoundedByEntries() {
    ResultCache cache = builder().memoryMaxEntries(3).memoryMaxBytes(1 << 20).build();
    for (int i = 0; i < 10; i++) {
      cache.put(key(i), "v" + i, TAGS);
    }
    CacheStats s = cache.stats();
    assertThat(s.memory().entries()).isLessThanOrEqualTo(3);
    assertThat(s.memory().evictions()).isGreaterThanOrEqualTo(7);
    assertThat(s.disk().entries()).isEqualTo(10);
    for (int i = 0; i < 10; i++) {
      assertThat(cache.get(key(i))).as("key %d from either tier", i).contains("v" + i);
    }
  }

  @Test
  void memoryTier_isBoundedByBytes() {
    ResultCache cache = builder().memoryMaxEntries(1000).memoryMaxBytes(10_000).build();
    for (int i = 0; i < 10; i++) {
      cache.put(key(i), value(3000, 'x'), TAGS);
    }
    CacheStats s = cache.stats();
    assertThat(s.memory().bytes()).isLessThanOrEqualTo(10_000);
    assertThat(s.memory().entries()).isLessThanOrEqualTo(3);
  }

  @Test
  void invalidate_byTag_dropsBothTiers_andOnlyTheTaggedEntries() {
    ResultCache cache = builder().build();
    cache.put(key(1), "v1", Set.of(CacheTag.dataset("d1"), CacheTag.model("theta")));
    cache.put(key(2), "v2", Set.of(CacheTag.dataset("d2"), CacheTag.model("naive")));
    assertThat(cache.invalidate(CacheTag.model("theta"))).isEqualTo(1);
    assertThat(cache.get(key(1))).isEmpty();
    assertThat(cache.get(key(2))).contains("v2");
    assertThat(builder().build().get(key(1))).isEmpty();
    assertThat(cache.stats().invalidations()).isEqualTo(1);
    assertThat(cache.invalidate(CacheTag.engine(CacheKey.ENGINE_VERSION))).isEqualTo(1);
    assertThat(cache.stats().disk().entries()).isZero();
  }

  @Test
  void invalidate_matchesWholeTagsOnly_andAReplacedRowKeepsItsTags() {
    ResultCache cache = builder().build();
    cache.put(key(1), "v1", Set.of(CacheTag.model("the")));
    cache.put(key(2), "v2", Set.of(CacheTag.model("theta"), CacheTag.dataset("d1")));
    cache.put(key(3), "v3", Set.of(CacheTag.model("auto_theta")));
    // the same question answered again for another dataset: both datasets can drop it
    cache.put(key(2), "v2'", Set.of(CacheTag.model("theta"), CacheTag.dataset("d2")));
    assertThat(cache.invalidate(CacheTag.model("the"))).isEqualTo(1);
    assertThat(builder().build().get(key(1))).isEmpty();
    assertThat(builder().build().get(key(2))).contains("v2'");
    assertThat(builder().build().get(key(3))).contains("v3");
    assertThat(cache.invalidate(CacheTag.dataset("d1"))).isEqualTo(1);
    assertThat(builder().build().get(key(2))).isEmpty();
    assertThat(cache.invalidate(CacheTag.dataset("d2"))).isZero();
    assertThat(cache.invalidate(CacheTag.model("auto_theta"))).isEqualTo(1);
    assertThat(cache.stats().disk().entries()).isZero();
  }

  @Test
  void invalidation_inOneProcess_reachesAnotherProcessesMemoryTier() {
    ResultCache worker = builder().build();
    ResultCache api = builder().build();
    worker.put(key(1), "v1", TAGS);
    assertThat(worker.get(key(1))).contains("v1"); // held in the worker's memory
    assertThat(api.invalidate(CacheTag.dataset("d1"))).isEqualTo(1);
    assertThat(worker.get(key(1))).isEmpty();
  }

  @Test
  void hit_addsTheAskersTags_soTheyCanInvalidate() {
    ResultCache cache = builder().build();
    cache.put(key(1), "v1", Set.of(CacheTag.dataset("first")));
    assertThat(cache.get(key(1), Set.of(CacheTag.dataset("second")))).contains("v1");
    ResultCache other = builder().build();
    assertThat(other.invalidate(CacheTag.dataset("second"))).isEqualTo(1);
    assertThat(cache.get(key(1))).isEmpty();
  }

  @Test
  void disabledCache_holdsNothing_andCountsNothing() {
    ResultCache off = ResultCache.disabled();
    off.put(key(1), "v1", TAGS);
    assertThat(off.get(key(1))).isEmpty();
    assertThat(off.stats().enabled()).isFalse();
    assertThat(off.stats().misses()).isZero();
  }
}
