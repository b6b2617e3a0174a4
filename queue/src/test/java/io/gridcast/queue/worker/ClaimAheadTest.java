package io.gridcast.queue.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ClaimAheadTest {
  private static final long MS = 1_000_000L;

  private static ClaimAhead warmedUp(long nanosPerRun, Duration budget) {
    ClaimAhead a = new ClaimAhead(2, budget, 14);
    for (int i = 0; i < ClaimAhead.WARM_UP; i++) {
      a.record(nanosPerRun);
    }
    return a;
  }

  @Test
  void claimsNothingAhead_beforeItHasSeenEnoughRuns() {
    ClaimAhead a = new ClaimAhead(2, Duration.ofMillis(5), 14);
    for (int i = 0; i < ClaimAhead.WARM_UP - 1; i++) {
      a.record(1_000);
    }
    assertThat(a.ahead()).isZero();
    a.record(1_000);
    assertThat(a.ahead()).isEqualTo(14);
  }

  @Test
  void aheadIsWhatTheSlotsFinishWithinTheBudget_cappedAtTheMaximum() {
    // 2 slots x 5 ms / 1 ms per job = 10 jobs
    assertThat(warmedUp(MS, Duration.ofMillis(5)).ahead()).isEqualTo(10);
    // 2 x 5 ms / 4 ms = 2.5 -> 2
    assertThat(warmedUp(4 * MS, Duration.ofMillis(5)).ahead()).isEqualTo(2);
    // instant jobs: the cap
    assertThat(warmedUp(0, Duration.ofMillis(5)).ahead()).isEqualTo(14);
  }

  @Test
  void jobsLongerThanSlotsTimesBudget_getNoLookAhead() {
    assertThat(warmedUp(11 * MS, Duration.ofMillis(5)).ahead()).isZero();
    assertThat(warmedUp(2_000 * MS, Duration.ofMillis(5)).ahead()).isZero();
  }

  @Test
  void zeroBudget_turnsLookAheadOff() {
    assertThat(warmedUp(0, Duration.ZERO).ahead()).isZero();
  }

  @Test
  void whenJobsTurnSlow_theLookAheadShrinksToZero() {
    ClaimAhead a = warmedUp(10_000, Duration.ofMillis(5));
    assertThat(a.ahead()).isEqualTo(14);
    for (int i = 0; i < 100; i++) {
      a.record(50 * MS);
    }
    assertThat(a.ahead()).isZero();
  }

  @Test
  void negativeSettings_areRefused() {
    assertThatThrownBy(() -> new ClaimAhead(2, Duration.ofMillis(-1), 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("PT-0.001S");
    assertThatThrownBy(() -> new ClaimAhead(2, Duration.ofMillis(1), -1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("-1");
  }
}
