package io.gridcast.server.auth;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A token bucket per key (a user's submissions, an address's sign-ins): up to {@code burst} at
 * once, one more every {@code refill}. With {@code t} the time since the last update, a bucket
 * holding {@code b} tokens holds {@code min(burst, b + t / refill)}; a call takes one token or is
 * refused with the wait until the next one, {@code (1 - b) * refill}. Buckets that have refilled
 * are forgotten once more than {@value #PRUNE_ABOVE} keys are held, so many keys (addresses) cost
 * bounded memory. Time comes from an {@link InstantSource}; thread-safe.
 */
public final class SubmissionRateLimiter {
  /** Keys held before full buckets are dropped (a full bucket is the same as none). */
  static final int PRUNE_ABOVE = 10_000;

  private final int burst;
  private final long refillNanos;
  private final InstantSource clock;
  private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

  private record Bucket(double tokens, long atNanos) {}

  public SubmissionRateLimiter(int burst, Duration refill, InstantSource clock) {
    if (burst < 1) {
      throw new IllegalArgumentException("burst must be at least 1, got " + burst);
    }
    if (refill.isNegative() || refill.isZero()) {
      throw new IllegalArgumentException("refill must be positive, got " + refill);
    }
    this.burst = burst;
    this.refillNanos = refill.toNanos();
    this.clock = clock;
  }

  /**
   * Takes one submission from {@code user}'s bucket.
   *
   * @return {@link Duration#ZERO} when granted, else how long until one would be
   */
  public Duration tryAcquire(String user) {
    long now = nanos();
    Duration[] wait = {Duration.ZERO};
    buckets.compute(
        user,
        (k, b) -> {
          double tokens =
              b == null
                  ? burst
                  : Math.min(burst, b.tokens() + (double) (now - b.atNanos()) / refillNanos);
          if (tokens >= 1) {
            return new Bucket(tokens - 1, now);
          }
          wait[0] = Duration.ofNanos((long) Math.ceil((1 - tokens) * refillNanos));
          return new Bucket(tokens, now);
        });
    if (buckets.size() > PRUNE_ABOVE) {
      double fullAfter = (double) burst * refillNanos;
      buckets.values().removeIf(b -> now - b.atNanos() >= fullAfter);
    }
    return wait[0];
  }

  /** Keys with a bucket (for tests of the pruning). */
  int keys() {
    return buckets.size();
  }

  public int burst() {
    return burst;
  }

  private long nanos() {
    Instant i = clock.instant();
    return i.getEpochSecond() * 1_000_000_000L + i.getNano();
  }
}
