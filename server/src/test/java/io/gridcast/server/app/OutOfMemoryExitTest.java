package io.gridcast.server.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.gridcast.queue.JobHandler;
import java.time.Duration;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class OutOfMemoryExitTest {
  private final CopyOnWriteArrayList<Integer> exits = new CopyOnWriteArrayList<>();
  private final AtomicInteger halts = new AtomicInteger();
  private final OutOfMemoryExit exit = OutOfMemoryExit.calling(exits::add, halts::incrementAndGet);

  @Test
  void aJobThatRunsOutOfMemory_turnsTheProcessUnhealthy_andExitsWithStatus3Once() {
    JobHandler oom =
        exit.watching(ctx -> {
          throw new OutOfMemoryError("Java heap space");
        });
    assertThat(exit.healthy()).isTrue();
    assertThatThrownBy(() -> oom.handle(null)).isInstanceOf(OutOfMemoryError.class);
    assertThatThrownBy(() -> oom.handle(null)).isInstanceOf(OutOfMemoryError.class);

    assertThat(exit.healthy()).isFalse();
    await().atMost(Duration.ofSeconds(5)).until(() -> !exits.isEmpty());
    assertThat(exits).containsExactly(OutOfMemoryExit.EXIT_CODE);
    assertThat(OutOfMemoryExit.EXIT_CODE).isEqualTo(3);
  }

  @Test
  void anErrorCausedByRunningOutOfMemory_countsToo() {
    exit.seen(new IllegalStateException("wrapped", new OutOfMemoryError("Metaspace")));
    assertThat(exit.healthy()).isFalse();
    await().atMost(Duration.ofSeconds(5)).until(() -> !exits.isEmpty());
  }

  @Test
  void otherFailures_leaveTheProcessAlone() throws Exception {
    JobHandler failing =
        exit.watching(ctx -> {
          throw new IllegalArgumentException("bad input");
        });
    assertThatThrownBy(() -> failing.handle(null)).isInstanceOf(IllegalArgumentException.class);
    exit.seen(new StackOverflowError());
    assertThat(exit.watching(ctx -> "done").handle(null)).isEqualTo("done");
    assertThat(exit.healthy()).isTrue();
    assertThat(exits).isEmpty();
    assertThat(halts).hasValue(0);
  }
}
