package io.gridcast.server.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridcast.queue.JobHandler;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
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
  void threadsFoundByName_areLowered_othersAreNot() throws Exception {
    int before = FitPriority.niceOfThisThread();
    int target = Math.min(19, before + 2);
    CountDownLatch running = new CountDownLatch(1);
    CountDownLatch lowered = new CountDownLatch(1);
    AtomicInteger seen = new AtomicInteger(-1);
    Thread probe =
        Thread.ofPlatform()
            .name("gc-nice-probe")
            .start(() -> {
              try {
                running.countDown(); // its kernel name is set before run() starts
                lowered.await();
                seen.set(FitPriority.niceOfThisThread());
              } catch (Exception e) {
                seen.set(-2);
              }
            });
    assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(FitPriority.lowerThreadsNamed(List.of("gc-nice-pro"), target)).isEqualTo(1);
    lowered.countDown();
    probe.join();
    assertThat(seen.get()).isEqualTo(target);
    assertThat(FitPriority.niceOfThisThread()).isEqualTo(before);
    assertThat(FitPriority.lowerThreadsNamed(List.of("no-such-thread"), target)).isZero();
  }

  @Test
  void niceZero_leavesTheHandlerAsItIs() {
    JobHandler h = ctx -> "x";
    assertThat(FitPriority.lowered(h, 0)).isSameAs(h);
  }
}
