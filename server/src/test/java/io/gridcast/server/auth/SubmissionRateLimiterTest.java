package io.gridcast.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class SubmissionRateLimiterTest {
  private final AtomicReference<Instant> now =
      new AtomicReference<>(Instant.parse("2026-01-01T00:00:00Z"));
  private final InstantSource clock = now::get;

  private void advance(Duration d) {
    now.updateAndGet(i -> i.plus(d));
  }

  @Test
  void aFullBucket_grantsTheBurst_thenRefusesWithTheWaitUntilTheNextToken() {
    SubmissionRateLimiter l = new SubmissionRateLimiter(3, Duration.ofSeconds(10), clock);
    for (int i = 0; i < 3; i++) {
      assertThat(l.tryAcquire("alice")).isZero();
    }
    assertThat(l.tryAcquire("alice")).isEqualTo(Duration.ofSeconds(10));
    advance(Duration.ofSeconds(4));
    assertThat(l.tryAcquire("alice")).isEqualTo(Duration.ofSeconds(6));
    advance(Duration.ofSeconds(6));
    assertThat(l.tryAcquire("alice")).isZero();
    assertThat(l.tryAcquire("alice")).isPositive();
  }

  @Test
  void buckets_arePerUser_andNeverHoldMoreThanTheBurst() {
    SubmissionRateLimiter l = new SubmissionRateLimiter(2, Duration.ofSeconds(1), clock);
    assertThat(l.tryAcquire("alice")).isZero();
    assertThat(l.tryAcquire("alice")).isZero();
    assertThat(l.tryAcquire("alice")).isPositive();
    assertThat(l.tryAcquire("bob")).isZero();
    advance(Duration.ofHours(1));
    assertThat(l.tryAcquire("alice")).isZero();
    assertThat(l.tryAcquire("alice")).isZero();
    assertThat(l.tryAcquire("alice")).isPositive();
  }
}
