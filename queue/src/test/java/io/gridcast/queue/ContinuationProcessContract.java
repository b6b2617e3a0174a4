package io.gridcast.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.gridcast.queue.JobStore.Completed;
import io.gridcast.queue.JobStore.EventListAfterParams;
import io.gridcast.queue.JobStore.JobClaimParams;
import io.gridcast.queue.JobStore.JobFinishManyParams;
import io.gridcast.queue.JobStore.JobGetParams;
import io.gridcast.queue.TestDatabases.Db;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Batch continuations across processes on one database: released exactly once while worker
 * processes race to finish a batch's last jobs, and after a worker dies by SIGKILL on the last one.
 */
abstract class ContinuationProcessContract {
  static final int BATCHES = 30;
  static final int CHILDREN = 20;
  static final int RACES = 100;

  abstract Db db();

  final String owner = "owner-" + UUID.randomUUID();
  final String type = "type-" + UUID.randomUUID();

  private JobQueue.Builder queue(String workerId, int slots, Duration lease) {
    Db db = db();
    return MultiProcessContract.settings(
        JobQueue.create(db.url(), db.user(), db.password()), workerId, slots, lease);
  }

  private static Job get(JobQueue q, UUID id) {
    return q.store().jobGet(new JobGetParams(id, null)).orElseThrow();
  }

  /** Every event after {@code seq}, in order. */
  private static List<JobEvent> events(JobQueue q, long seq) {
    List<JobEvent> out = new ArrayList<>();
    long cursor = seq;
    while (true) {
      List<JobEvent> page = q.store().eventListAfter(new EventListAfterParams(cursor, 10_000));
      if (page.isEmpty()) {
        return out;
      }
      out.addAll(page);
      cursor = page.get(page.size() - 1).seq();
    }
  }

  @Test
  void twoWorkerProcessesRacing_releaseEachContinuationOnce_inTheTransactionOfItsLastJob()
      throws Exception {
    Duration lease = Duration.ofSeconds(30);
    // The workers' maintenance sweep runs at start only: every release must come from the
    // transaction that finished a batch's last job.
    Duration noSweep = Duration.ofMinutes(30);
    try (JobQueue admin = queue("admin", 0, lease).build();
        WorkerProcess p1 = new WorkerProcess(db(), "proc-1", type, "noop", 4, lease, noSweep);
        WorkerProcess p2 = new WorkerProcess(db(), "proc-2", type, "noop", 4, lease, noSweep)) {
      p1.await("READY", Duration.ofSeconds(60));
      p2.await("READY", Duration.ofSeconds(60));
      long seq = admin.store().eventLatestSeq();
      Map<UUID, UUID> continuationOf = new HashMap<>();
      for (int b = 0; b < BATCHES; b++) {
        UUID batch = UUID.randomUUID();
        List<JobSpec> specs = new ArrayList<>();
        for (int k = 0; k < CHILDREN; k++) {
          specs.add(JobSpec.of(type, "{\"k\":" + k + "}"));
        }
        specs.add(JobSpec.of(type, "\"after\"").withAfterBatch(batch, ChildFailurePolicy.SKIP));
        List<UUID> ids = admin.enqueue(owner, batch, null, specs).jobIds();
        continuationOf.put(batch, ids.get(CHILDREN));
      }
      await()
          .atMost(Duration.ofSeconds(120))
          .pollInterval(Duration.ofMillis(250))
          .until(() ->
              continuationOf.values().stream()
                  .allMatch(id -> get(admin, id).status() == JobStatus.COMPLETED));

      Map<UUID, List<JobEventKind>> kinds = new HashMap<>();
      Map<UUID, Long> lastChildDone = new HashMap<>();
      Map<UUID, Long> readyAt = new HashMap<>();
      for (JobEvent e : events(admin, seq)) {
        if (!e.type().equals(type)) {
          continue;
        }
        boolean continuation = continuationOf.get(e.batchId()).equals(e.jobId());
        if (continuation) {
          kinds.computeIfAbsent(e.jobId(), k -> new ArrayList<>()).add(e.kind());
          if (e.kind() == JobEventKind.READY) {
            readyAt.put(e.batchId(), e.seq());
          }
        } else if (e.kind() == JobEventKind.COMPLETED) {
          lastChildDone.merge(e.batchId(), e.seq(), Math::max);
        }
      }
      assertThat(kinds).hasSize(BATCHES);
      assertThat(kinds.values())
          .allSatisfy(k ->
              assertThat(k)
                  .containsExactly(
                      JobEventKind.ENQUEUED,
                      JobEventKind.READY,
                      JobEventKind.STARTED,
                      JobEventKind.COMPLETED));
      assertThat(readyAt)
          .allSatisfy((batch, ready) -> assertThat(ready).isGreaterThan(lastChildDone.get(batch)));
      assertThat(continuationOf.values())
          .allSatisfy(id -> assertThat(get(admin, id).attempt()).isEqualTo(1));
    }
  }

  @Test
  void twoQueuesFinishingTheLastTwoJobsOfABatchAtOnce_releaseItsContinuationOnce()
      throws Exception {
    Duration lease = Duration.ofSeconds(30);
    String later = type + "-after";
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try (JobQueue a = queue("a", 0, lease).build();
        JobQueue b = queue("b", 0, lease).build()) {
      long seq = a.store().eventLatestSeq();
      List<UUID> continuations = new ArrayList<>();
      for (int round = 0; round < RACES; round++) {
        UUID batch = UUID.randomUUID();
        List<UUID> ids =
            a.enqueue(
                    owner,
                    batch,
                    null,
                    List.of(
                        JobSpec.of(type, "1"),
                        JobSpec.of(type, "2"),
                        JobSpec.of(later, null).withAfterBatch(batch, ChildFailurePolicy.RUN)))
                .jobIds();
        Job first = claimOne(a, "a");
        Job second = claimOne(b, "b");
        assertThat(List.of(first.id(), second.id())).containsExactlyElementsOf(ids.subList(0, 2));
        CyclicBarrier gate = new CyclicBarrier(2);
        Future<Set<UUID>> fa = threads.submit(() -> finishAfter(gate, a, "a", first));
        Future<Set<UUID>> fb = threads.submit(() -> finishAfter(gate, b, "b", second));
        assertThat(fa.get(30, TimeUnit.SECONDS)).containsExactly(first.id());
        assertThat(fb.get(30, TimeUnit.SECONDS)).containsExactly(second.id());
        assertThat(get(a, ids.get(2)).status())
            .as("round %d: released by the transaction finishing the batch", round)
            .isEqualTo(JobStatus.PENDING);
        continuations.add(ids.get(2));
      }
      assertThat(events(a, seq))
          .filteredOn(e -> e.kind() == JobEventKind.READY)
          .extracting(JobEvent::jobId)
          .containsExactlyElementsOf(continuations);
    } finally {
      threads.shutdownNow();
    }
  }

  @Test
  void continuationEnqueuedWhileTheBatchsLastJobFinishes_isReleasedOnce() throws Exception {
    Duration lease = Duration.ofSeconds(30);
    String later = type + "-after";
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try (JobQueue a = queue("a", 0, lease).build();
        JobQueue b = queue("b", 0, lease).build()) {
      for (int round = 0; round < RACES; round++) {
        UUID batch = a.enqueue(owner, null, null, List.of(JobSpec.of(type, "1"))).batchId();
        Job last = claimOne(a, "a");
        CyclicBarrier gate = new CyclicBarrier(2);
        Future<Set<UUID>> finished = threads.submit(() -> finishAfter(gate, a, "a", last));
        Future<UUID> enqueued =
            threads.submit(() -> {
              gate.await(30, TimeUnit.SECONDS);
              return b.enqueue(
                      owner,
                      null,
                      null,
                      List.of(
                          JobSpec.of(later, null).withAfterBatch(batch, ChildFailurePolicy.RUN)))
                  .jobIds()
                  .get(0);
            });
        assertThat(finished.get(30, TimeUnit.SECONDS)).containsExactly(last.id());
        UUID after = enqueued.get(30, TimeUnit.SECONDS);
        assertThat(get(a, after).status())
            .as("round %d: released by the insert or by the finishing transaction", round)
            .isEqualTo(JobStatus.PENDING);
      }
    } finally {
      threads.shutdownNow();
    }
  }

  private Job claimOne(JobQueue q, String worker) {
    Instant now = Instant.now();
    List<Job> claimed =
        q.store().jobClaim(new JobClaimParams(worker, Set.of(type), 1, now, now.plusSeconds(30)));
    assertThat(claimed).hasSize(1);
    return claimed.get(0);
  }

  private static Set<UUID> finishAfter(CyclicBarrier gate, JobQueue q, String worker, Job job)
      throws Exception {
    gate.await(30, TimeUnit.SECONDS);
    return q.store()
        .jobFinishMany(
            new JobFinishManyParams(
                worker, List.of(new Completed(job.id(), job.attempt(), "1", null)), Instant.now()));
  }

  @Test
  void workerKilledOnTheLastJob_theContinuationStillBecomesDueOnce_afterRecovery()
      throws Exception {
    Duration lease = Duration.ofSeconds(2);
    UUID batch = UUID.randomUUID();
    try (JobQueue admin = queue("admin", 0, lease).build()) {
      List<UUID> ids =
          admin
              .enqueue(
                  owner,
                  batch,
                  null,
                  List.of(
                      JobSpec.of(type, "\"last\""),
                      JobSpec.of(type, "\"after\"").withAfterBatch(batch, ChildFailurePolicy.FAIL)))
              .jobIds();
      long seq = admin.store().eventLatestSeq();
      WorkerProcess victim = new WorkerProcess(db(), "victim", type, "hang", 1, lease);
      try {
        assertThat(victim.await("RUNNING", Duration.ofSeconds(30))).endsWith(ids.get(0).toString());
        assertThat(get(admin, ids.get(1)).status()).isEqualTo(JobStatus.WAITING);
        victim.kill();
      } finally {
        victim.close();
      }
      Map<UUID, AtomicInteger> runs = new ConcurrentHashMap<>();
      try (JobQueue rescuer =
          queue("rescuer", 2, lease)
              .register(
                  type,
                  ctx -> {
                    runs.computeIfAbsent(ctx.id(), k -> new AtomicInteger()).incrementAndGet();
                    return "\"rescued\"";
                  })
              .build()) {
        rescuer.start();
        await()
            .atMost(Duration.ofSeconds(30))
            .until(() -> get(admin, ids.get(1)).status() == JobStatus.COMPLETED);
      }
      assertThat(get(admin, ids.get(0)).attempt()).isEqualTo(2);
      assertThat(runs.get(ids.get(1))).hasValue(1);
      assertThat(events(admin, seq))
          .filteredOn(e -> e.jobId().equals(ids.get(1)))
          .extracting(JobEvent::kind)
          .containsExactly(JobEventKind.READY, JobEventKind.STARTED, JobEventKind.COMPLETED);
    }
  }

  @Test
  void workerKilledOnTheLastAttemptOfTheLastJob_theRescueSettlesTheContinuationByItsPolicy()
      throws Exception {
    Duration lease = Duration.ofSeconds(2);
    UUID batch = UUID.randomUUID();
    try (JobQueue admin = queue("admin", 0, lease).build()) {
      List<UUID> ids =
          admin
              .enqueue(
                  owner,
                  batch,
                  null,
                  List.of(
                      JobSpec.of(type, "\"last\"").withMaxAttempts(1),
                      JobSpec.of(type, "\"after\"").withAfterBatch(batch, ChildFailurePolicy.SKIP)))
              .jobIds();
      WorkerProcess victim = new WorkerProcess(db(), "victim", type, "hang", 1, lease);
      try {
        assertThat(victim.await("RUNNING", Duration.ofSeconds(30))).endsWith(ids.get(0).toString());
        victim.kill();
      } finally {
        victim.close();
      }
      Map<UUID, AtomicInteger> runs = new ConcurrentHashMap<>();
      try (JobQueue rescuer =
          queue("rescuer", 2, lease)
              .register(
                  type,
                  ctx -> {
                    runs.computeIfAbsent(ctx.id(), k -> new AtomicInteger()).incrementAndGet();
                    return null;
                  })
              .build()) {
        rescuer.start();
        await()
            .atMost(Duration.ofSeconds(30))
            .until(() -> get(admin, ids.get(1)).status() == JobStatus.CANCELLED);
      }
      assertThat(get(admin, ids.get(0)).status()).isEqualTo(JobStatus.FAILED);
      assertThat(get(admin, ids.get(1)).error()).startsWith("1 of 1 jobs of batch " + batch);
      assertThat(runs).isEmpty();
    }
  }
}
