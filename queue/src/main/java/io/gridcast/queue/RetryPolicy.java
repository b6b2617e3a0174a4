package io.gridcast.queue;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Exponential backoff with jitter: after failed attempt {@code a} (1-based) the job waits
 *
 * <pre>d(a) = min(max, base * 2^(a-1)) * (1 + jitter * u),  u uniform in [-1, 1)</pre>
 *
 * @param base delay after the first failure
 * @param max cap before jitter
 * @param jitter relative spread in [0, 1)
 */
public record RetryPolicy(Duration base, Duration max, double jitter) {

  /** 1 s, doubling, capped at 10 min, +-20 %. */
  public static final RetryPolicy DEFAULT =
      new RetryPolicy(Duration.ofSeconds(1), Duration.ofMinutes(10), 0.2);

  public RetryPolicy {
    if (base.isNegative() || base.isZero()) {
      throw new IllegalArgumentException("retry base must be positive: " + base);
    }
    if (max.compareTo(base) < 0) {
      throw new IllegalArgumentException("retry max " + max + " is below base " + base);
    }
    if (!(jitter >= 0 && jitter < 1)) {
      throw new IllegalArgumentException("retry jitter must be in [0, 1): " + jitter);
    }
  }

  /** The delay after failed attempt {@code attempt} (1-based). */
  public Duration delay(int attempt, RandomGenerator random) {
    long baseNanos = base.toNanos();
    int shift = Math.min(Math.max(attempt - 1, 0), 40);
    double raw = Math.min((double) max.toNanos(), baseNanos * Math.pow(2, shift));
    double u = random.nextDouble() * 2 - 1;
    return Duration.ofNanos((long) (raw * (1 + jitter * u)));
  }
}
