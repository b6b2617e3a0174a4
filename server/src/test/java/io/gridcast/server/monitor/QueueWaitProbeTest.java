package io.gridcast.server.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class QueueWaitProbeTest {
  private final QueueWaitProbe probe = new QueueWaitProbe();

  @Test
  void idleProcess_startsANewThreadAtOnce() {
    assertThat(probe.measure()).isLessThan(Duration.ofMillis(500));
  }

  /**
   * Virtual threads are not time-sliced: a handler that computes without blocking keeps its carrier
   * thread. Hogs that spin until a common deadline 600 ms away take every carrier (256 of them: no
   * scheduler has more carriers, whatever earlier blocking calls added to the pool), so a new
   * request waits until the deadline frees them.
   */
  @Test
  void everyCarrierBusy_makesANewRequestWait() throws Exception {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(600);
    List<Thread> hogs = new ArrayList<>();
    for (int i = 0; i < 256; i++) {
      hogs.add(
          Thread.ofVirtual()
              .start(() -> {
                while (System.nanoTime() < deadline) {
                  Thread.onSpinWait();
                }
              }));
    }

    Duration wait = probe.measure();

    for (Thread t : hogs) {
      t.join();
    }
    assertThat(wait).isGreaterThan(Duration.ofMillis(200));
  }
}
