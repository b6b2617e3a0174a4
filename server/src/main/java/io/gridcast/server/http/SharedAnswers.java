package io.gridcast.server.http;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers to a read that many clients repeat (the status poll; the counts summary of a scope's
 * event streams), shared by the requests of one key (caller scope + query). 500 pollers of one view
 * cost this process about ten reads a second, not 500, however fast the jobs change, and almost
 * none of them waits for the database.
 *
 * <ul>
 *   <li><b>Read-your-writes through one process:</b> an answer is only shared with a request if its
 *       read began after every job change this process had committed when the request arrived (the
 *       local change version), so a poller sees its own submission or cancel at once. Otherwise the
 *       request reads anew; requests arriving meanwhile wait for that read and share it (one read
 *       per key at a time).
 *   <li><b>Other processes' changes</b> show within {@link #FRESH} plus one read: an answer older
 *       than that is still given out, while one background read (per key) replaces it.
 *   <li><b>Never older than {@link #STALE_LIMIT}:</b> past it (the database is slow or down) a
 *       request waits for its own read, and a failed read fails that request.
 * </ul>
 */
final class SharedAnswers<T> {
  static final Duration FRESH = Duration.ofMillis(100);
  static final Duration STALE_LIMIT = Duration.ofSeconds(1);

  private static final Logger LOG = LoggerFactory.getLogger(SharedAnswers.class);

  private record Answer<T>(T body, long version, long readAtNanos) {}

  private static final class Slot<T> {
    final ReentrantLock lock = new ReentrantLock();
    final AtomicBoolean refreshing = new AtomicBoolean();
    volatile Answer<T> answer;
  }

  private final LongSupplier version; // local change version: moves on this process's commits
  private final LongSupplier nanos;
  private final long freshNanos;
  private final long staleLimitNanos;
  private final Cache<String, Slot<T>> slots =
      Caffeine.newBuilder().maximumSize(1_000).expireAfterAccess(Duration.ofMinutes(1)).build();

  SharedAnswers(LongSupplier version) {
    this(version, System::nanoTime, FRESH, STALE_LIMIT);
  }

  /**
   * @param fresh an answer up to this old is given without a read
   * @param staleLimit an answer up to this old is given while a background read replaces it (equal
   *     to {@code fresh}: no background reads, a request past {@code fresh} reads itself)
   */
  SharedAnswers(LongSupplier version, LongSupplier nanos, Duration fresh, Duration staleLimit) {
    this.version = version;
    this.nanos = nanos;
    this.freshNanos = fresh.toNanos();
    this.staleLimitNanos = staleLimit.toNanos();
  }

  /** The answer for {@code key}: shared when good enough for this request, else {@code read}. */
  T get(String key, Supplier<T> read) {
    long seenVersion = version.getAsLong();
    long arrived = nanos.getAsLong();
    Slot<T> slot = slots.get(key, k -> new Slot<>());
    Answer<T> a = slot.answer;
    if (usable(a, seenVersion, arrived, staleLimitNanos)) {
      if (arrived - a.readAtNanos() > freshNanos) {
        refreshInBackground(slot, a, read);
      }
      return a.body();
    }
    slot.lock.lock();
    try {
      a = slot.answer;
      if (usable(a, seenVersion, arrived, freshNanos)) {
        return a.body(); // read by the request this one waited for
      }
      return readInto(slot, read).body();
    } finally {
      slot.lock.unlock();
    }
  }

  private Answer<T> readInto(Slot<T> slot, Supplier<T> read) {
    long v = version.getAsLong();
    long at = nanos.getAsLong();
    Answer<T> fresh = new Answer<>(read.get(), v, at);
    Answer<T> old = slot.answer;
    if (old == null || old.readAtNanos() <= at) {
      slot.answer = fresh;
    }
    return fresh;
  }

  private void refreshInBackground(Slot<T> slot, Answer<T> stale, Supplier<T> read) {
    if (!slot.refreshing.compareAndSet(false, true)) {
      return; // one refresh per key at a time
    }
    if (slot.answer != stale) {
      slot.refreshing.set(false); // replaced since this request looked
      return;
    }
    Thread.ofVirtual()
        .name("gridcast-shared-answer")
        .start(() -> {
          slot.lock.lock();
          try {
            readInto(slot, read);
          } catch (RuntimeException e) {
            LOG.debug("background read of a shared answer failed; requests will read", e);
          } finally {
            slot.lock.unlock();
            slot.refreshing.set(false);
          }
        });
  }

  private static boolean usable(Answer<?> a, long seenVersion, long arrived, long maxAgeNanos) {
    return a != null && a.version() >= seenVersion && arrived - a.readAtNanos() <= maxAgeNanos;
  }
}
