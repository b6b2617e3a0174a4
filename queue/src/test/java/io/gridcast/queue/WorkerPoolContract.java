package io.gridcast.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.gridcast.queue.JobStore.JobCancelParams;
import io.gridcast.queue.JobStore.JobGetParams;
import io.gridcast.queue.TestDatabases.Db;
import io.gridcast.queue.jdbc.JdbcDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The threaded pool on a real clock: wake-ups, cancellation, limits, stop, recovery, events. */
abstract class WorkerPoolContract {
  abstract Db db();

  final String owner = "owner-" + UUID.randomUUID();
  final String type = "type-" + UUID.randomUUID();

  JobQueue.Builder queue() {
    Db db = db();
    return JobQueue.create(db.url(), db.user(), db.password())
        .workers(2)
        .lease(Duration.ofSeconds(5))
        .heartbeat(Duration.ofMillis(200))
        .pollInterval(Duration.ofMillis(500))
        .maintenanceInterval(Duration.ofMillis(200));
  }

  Job get(JobQueue q, UUID id) {
    return q.store().jobGet(new JobGetParams(id, null)).orElseThrow();
  }

  List<UUID> enqueue(JobQueue q, int n) {
    List<JobSpec> specs = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      specs.add(JobSpec.of(type, null));
    }
    return q.enqueue(owner, null, null, specs).jobIds();
  }

  @Test
  void startedPool_runsEnqueuedJobs_andStopIsSafeTwice() {
    AtomicInteger runs = new AtomicInteger();
    try (JobQueue q = queue().register(type, ctx -> "" + runs.incrementAndGet()).build()) {
      q.start();
      List<UUID> ids = enqueue(q, 50);
      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> ids.stream().allMatch(id -> get(q, id).status() == JobStatus.COMPLETED));
      assertThat(runs).hasValue(50);
      q.stop(Duration.ofSeconds(1));
      q.stop(Duration.ofSeconds(1));
    }
  }

  @Test
  void runningJob_endsCancelledWithinTwoSeconds_ofTheRequest() throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    JobHandler slow =
        ctx -> {
          started.countDown();
          while (true) {
            ctx.progress(1, 2, "looping", null);
            Thread.sleep(20);
          }
        };
    try (JobQueue q = queue().register(type, slow).build()) {
      q.start();
      UUID id = enqueue(q, 1).get(0);
      assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
      assertThat(q.store().jobCancel(new JobCancelParams(id, owner, Instant.now())))
          .contains(JobStatus.RUNNING);
      await().atMost(Duration.ofSeconds(2)).until(() -> get(q, id).status() == JobStatus.CANCELLED);
    }
  }

  @Test
  void gracefulStop_givesBackJobsThatOutliveTheGrace_withoutCountingTheAttempt() throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    JobHandler blocking =
        ctx -> {
          started.countDown();
          Thread.sleep(60_000);
          return null;
        };
    try (JobQueue q = queue().register(type, blocking).build()) {
      q.start();
      UUID id = enqueue(q, 1).get(0);
      assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
      q.stop(Duration.ofMillis(100));
      Job j = get(q, id);
      assertThat(j.status()).isEqualTo(JobStatus.PENDING);
      assertThat(j.attempt()).isZero();
      assertThat(j.leaseOwner()).isNull();
    }
  }

  @Test
  void perTypeLimit_capsHowManyRunAtOnce() {
    AtomicInteger now = new AtomicInteger();
    AtomicInteger max = new AtomicInteger();
    JobHandler h =
        ctx -> {
          max.accumulateAndGet(now.incrementAndGet(), Math::max);
          Thread.sleep(5);
          now.decrementAndGet();
          return null;
        };
    try (JobQueue q = queue().workers(4).register(type, 1, h).build()) {
      q.start();
      List<UUID> ids = enqueue(q, 20);
      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> ids.stream().allMatch(id -> get(q, id).status() == JobStatus.COMPLETED));
      assertThat(max).hasValue(1);
    }
  }

  long runningOf(JobQueue q, List<UUID> ids) {
    return ids.stream().filter(id -> get(q, id).status() == JobStatus.RUNNING).count();
  }

  /**
   * Runs {@code warm} jobs that each take {@code warmMillis} (the pool learns their run time), then
   * enqueues {@code n} jobs that block until released, and returns how many of those the pool holds
   * (status running) once it settles: it must hold {@code expected} and keep holding exactly that
   * many for 300 ms (the dispatcher is woken by every enqueue and finish meanwhile).
   */
  long heldAfterWarmUp(JobQueue.Builder b, int warm, long warmMillis, int n, int expected) {
    CountDownLatch gate = new CountDownLatch(1);
    AtomicInteger left = new AtomicInteger(warm);
    JobHandler h =
        ctx -> {
          if (left.getAndDecrement() > 0) {
            Thread.sleep(warmMillis);
          } else {
            gate.await();
          }
          return null;
        };
    try (JobQueue q = b.register(type, h).build()) {
      q.start();
      List<UUID> warmIds = enqueue(q, warm);
      await().atMost(Duration.ofSeconds(20)).until(() -> allCompleted(q, warmIds));
      List<UUID> ids = enqueue(q, n);
      await().atMost(Duration.ofSeconds(10)).until(() -> runningOf(q, ids) == expected);
      await()
          .during(Duration.ofMillis(300))
          .atMost(Duration.ofSeconds(2))
          .until(() -> runningOf(q, ids) == expected);
      long held = runningOf(q, ids);
      gate.countDown();
      await().atMost(Duration.ofSeconds(10)).until(() -> allCompleted(q, ids));
      return held;
    }
  }

  boolean allCompleted(JobQueue q, List<UUID> ids) {
    return ids.stream().allMatch(id -> get(q, id).status() == JobStatus.COMPLETED);
  }

  @Test
  void afterShortJobs_thePoolClaimsAhead_upToSevenJobsPerSlot() {
    // A 1 s budget makes the cap, not this machine's speed, decide: 2 slots + 7 x 2 ahead.
    assertThat(heldAfterWarmUp(queue().claimAheadBudget(Duration.ofSeconds(1)), 40, 0, 40, 16))
        .isEqualTo(16);
  }

  @Test
  void jobsLongerThanTheBudget_areClaimedForFreeSlotsOnly() {
    // 2 slots x the 5 ms default budget = 10 ms: 15 ms jobs get no look-ahead
    assertThat(heldAfterWarmUp(queue(), 20, 15, 10, 2)).isEqualTo(2);
  }

  @Test
  void zeroBudget_claimsForFreeSlotsOnly_evenForInstantJobs() {
    assertThat(heldAfterWarmUp(queue().claimAheadBudget(Duration.ZERO), 40, 0, 10, 2)).isEqualTo(2);
  }

  @Test
  void start_rescuesJobsLeftRunningWithAnExpiredLease_butNotLiveLeases() {
    try (JobQueue setup = queue().workers(0).build()) {
      List<UUID> ids = enqueue(setup, 2);
      Instant now = Instant.now();
      setup
          .store()
          .jobClaim(
              new JobStore.JobClaimParams(
                  "dead", Set.of(type), 1, now, now.minus(Duration.ofSeconds(1))));
      setup
          .store()
          .jobClaim(
              new JobStore.JobClaimParams(
                  "alive", Set.of(type), 1, now, now.plus(Duration.ofMinutes(5))));
      try (JobQueue q = queue().workers(0).register(type, ctx -> null).build()) {
        q.start();
        Job dead = get(q, ids.get(0));
        Job alive = get(q, ids.get(1));
        assertThat(dead.status()).isEqualTo(JobStatus.PENDING);
        assertThat(dead.attempt()).isEqualTo(1);
        assertThat(alive.status()).isEqualTo(JobStatus.RUNNING);
        assertThat(alive.leaseOwner()).isEqualTo("alive");
      }
    }
  }

  @Test
  void handlerThrowingAnError_failsItsAttempt_andThePoolKeepsWorking() {
    AtomicInteger n = new AtomicInteger();
    JobHandler h =
        ctx -> {
          if (n.incrementAndGet() == 1) {
            throw new StackOverflowError("deliberate");
          }
          return null;
        };
    try (JobQueue q = queue().register(type, h).build()) {
      q.start();
      UUID first = enqueue(q, 1).get(0);
      await().atMost(Duration.ofSeconds(10)).until(() -> get(q, first).error() != null);
      assertThat(get(q, first).error()).contains("deliberate");
      UUID second = enqueue(q, 1).get(0);
      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> get(q, second).status() == JobStatus.COMPLETED);
    }
  }

  @Test
  void subscription_deliversEveryChangeFromAnotherQueueInstance_inOrder() {
    try (JobQueue writer = queue().register(type, ctx -> null).build();
        JobQueue reader = queue().workers(0).build()) {
      List<JobEvent> got = Collections.synchronizedList(new ArrayList<>());
      reader.subscribe(
          reader.store().eventLatestSeq(),
          e -> {
            if (e.type().equals(type)) {
              got.add(e);
            }
          });
      writer.start();
      List<UUID> ids = enqueue(writer, 20);
      await().atMost(Duration.ofSeconds(10)).until(() -> got.size() == 60);
      assertThat(got).extracting(JobEvent::seq).isSorted().doesNotHaveDuplicates();
      for (UUID id : ids) {
        assertThat(got.stream().filter(e -> e.jobId().equals(id)).map(JobEvent::kind))
            .containsExactly(JobEventKind.ENQUEUED, JobEventKind.STARTED, JobEventKind.COMPLETED);
      }
    }
  }

  @Test
  void queuesGivenOneDatabase_wakeEachOther_withoutWaitingForThePoll() {
    Db db = db();
    Duration poll = Duration.ofSeconds(30);
    try (JdbcDatabase shared = JdbcDatabase.open(db.url(), db.user(), db.password(), 8);
        JobQueue worker =
            JobQueue.create(shared)
                .workers(1)
                .pollInterval(poll)
                .register(type, ctx -> null)
                .build();
        JobQueue producer = JobQueue.create(shared).workers(0).pollInterval(poll).build()) {
      List<JobEvent> seen = Collections.synchronizedList(new ArrayList<>());
      worker.subscribe(worker.store().eventLatestSeq(), seen::add);
      worker.start();
      UUID first = enqueue(producer, 1).get(0);
      await().atMost(Duration.ofSeconds(5)).until(() -> allCompleted(producer, List.of(first)));
      // The worker is idle now, waiting up to its 30 s poll: only a wake-up brings it back.
      UUID second = enqueue(producer, 1).get(0);
      await().atMost(Duration.ofSeconds(5)).until(() -> allCompleted(producer, List.of(second)));
      await()
          .atMost(Duration.ofSeconds(5))
          .until(() ->
              seen.stream()
                  .anyMatch(e -> e.jobId().equals(second) && e.kind() == JobEventKind.COMPLETED));
    }
  }
}
