package io.gridcast.server.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridcast.queue.JobHandler;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Real threads, real renice: the job thread and the threads it starts run lowered, others not. */
class FitPriorityTest {

  @Test
  void aJobThread_andTheThreadsItStarts_runLowered_theCallerDoesNot() throws Exception {
    int before = FitPriority.niceOfThisThread();
    int target = Math.min(19, before + 3);
    AtomicInteger inJob = new AtomicInteger(-1);
    AtomicInteger inChild = new AtomicInteger(-1);
    AtomicReference<Throwable> failure = new AtomicReference<>();
    JobHandler h =
        FitPriority.lowered(
            ctx -> {
              inJob.set(FitPriority.niceOfThisThread());
              Thread child =
                  Thread.ofPlatform()
                      .start(() -> {
                        try {
                          inChild.set(FitPriority.niceOfThisThread());
                        } catch (IOException e) {
                          failure.set(e);
                        }
                      });
              child.join();
              return "ok";
            },
            target);
    Thread job =
        Thread.ofPlatform()
            .start(() -> {
              try {
                h.handle(null);
                h.handle(null); // second job on the same thread: lowered already
              } catch (Exception e) {
                failure.set(e);
              }
            });
    job.join();
    assertThat(failure.get()).isNull();
    assertThat(inJob.get()).isEqualTo(target);
    assertThat(inChild.get()).isEqualTo(target);
    assertThat(FitPriority.niceOfThisThread()).isEqualTo(before);
  }

  @Test
  void niceZero_leavesTheHandlerAsItIs() {
    JobHandler h = ctx -> "x";
    assertThat(FitPriority.lowered(h, 0)).isSameAs(h);
  }
}
