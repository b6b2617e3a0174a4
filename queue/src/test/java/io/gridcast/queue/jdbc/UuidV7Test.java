package io.gridcast.queue.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridcast.queue.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class UuidV7Test {
  private final ManualClock clock = new ManualClock(Instant.parse("2030-01-01T00:00:00Z"));

  /** Text order is the order both databases sort ids in (uuid and lowercase TEXT alike). */
  private static List<String> texts(List<UUID> ids) {
    return ids.stream().map(UUID::toString).toList();
  }

  @Test
  void idsOfOneMillisecond_strictlyIncrease_evenPastTheCounter() {
    UuidV7 gen = new UuidV7(clock);
    List<UUID> ids = new ArrayList<>();
    for (int i = 0; i < 10_000; i++) {
      ids.add(gen.next());
    }
    assertThat(texts(ids)).isSorted().doesNotHaveDuplicates();
    assertThat(ids).allSatisfy(id -> assertThat(id.version()).isEqualTo(7));
    assertThat(ids).allSatisfy(id -> assertThat(id.variant()).isEqualTo(2));
  }

  @Test
  void ids_carryTheClocksMillisecond_andStayOrdered_whenTheClockStepsBack() {
    UuidV7 gen = new UuidV7(clock);
    UUID first = gen.next();
    assertThat(first.getMostSignificantBits() >>> 16).isEqualTo(clock.millis());
    clock.advance(Duration.ofMillis(5));
    UUID later = gen.next();
    assertThat(later.getMostSignificantBits() >>> 16).isEqualTo(clock.millis());
    clock.set(clock.instant().minus(Duration.ofSeconds(1)));
    UUID afterStepBack = gen.next();
    assertThat(texts(List.of(first, later, afterStepBack))).isSorted().doesNotHaveDuplicates();
  }
}
