package io.gridcast.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.gridcast.queue.JobStore.Completed;
import io.gridcast.queue.JobStore.EventListAfterParams;
import io.gridcast.queue.JobStore.JobFinishManyParams;
import io.gridcast.queue.JobStore.JobGetParams;
import io.gridcast.queue.TestDatabases.Db;
import io.gridcast.queue.jdbc.JdbcDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Many pools and processes on one database: exactly-once under concurrency, SIGKILL recovery. */
abstract class MultiProcessContract {
  static final int JOBS = 20_000;

  abstract Db db();

  final String owner = "owner-" + UUID.randomUUID();
  final String type = "type-" + UUID.randomUUID();

  JobQueue.Builder queue(String workerId, int slots, Duration lease) {
    Db db = db();
    return settings(JobQueue.create(db.url(), db.user(), db.password()), workerId, slots, lease);
  }

  static JobQueue.Builder settings(JobQueue.Builder b, String workerId, int slots, Duration lease) {
    return b.workerId(workerId)
        .workers(slots)
        .lease(lease)
        .heartbeat(lease.dividedBy(4))
        .pollInterval(Duration.ofMillis(200))
        .maintenanceInterval(Duration.ofMillis(250));
  }

  @Test
  void fourPoolsAndTwoWorkerProcesses_completeEveryJobExactlyOnce() throws Exception {
    Map<UUID, AtomicInteger> runsHere = new ConcurrentHashMap<>();
    JobHandler h =
        ctx -> {
          runsHere.computeIfAbsent(ctx.id(), k -> new AtomicInteger()).incrementAndGet();
          return null;
        };
    List<JobQueue> pools = new ArrayList<>();
    // The admin and the four in-JVM pools are one process's queues: they share one database
    // object (its writer lock and wake-ups), as the server's components do.
    try (JdbcDatabase shared = JdbcDatabase.open(db().url(), db().user(), db().password(), 16);
        JobQueue admin =
            settings(JobQueue.create(shared), "admin", 0, Duration.ofSeconds(30)).build()) {
      long before = admin.store().eventLatestSeq();
      List<JobSpec> specs = new ArrayList<>();
      for (int i = 0; i < JOBS; i++) {
        specs.add(JobSpec.of(type, null));
      }
      List<UUID> ids = new ArrayList<>();
      for (int from = 0; from < JOBS; from += 5_000) {
        ids.addAll(admin.enqueue(owner, null, null, specs.subList(from, from + 5_000)).jobIds());
      }
      try (WorkerProcess p1 =
              new WorkerProcess(db(), "proc-1", type, "noop", 4, Duration.ofSeconds(30));
          WorkerProcess p2 =
              new WorkerProcess(db(), "proc-2", type, "noop", 4, Duration.ofSeconds(30))) {
        for (int i = 0; i < 4; i++) {
          pools.add(
              settings(JobQueue.create(shared), "pool-" + i, 4, Duration.ofSeconds(30))
                  .register(type, h)
                  .build());
        }
        pools.forEach(JobQueue::start);
        await()
            .atMost(Duration.ofSeconds(90))
            .pollInterval(Duration.ofMillis(250))
            .until(() ->
                admin
                        .store()
                        .jobCountByStatus(new JobStore.JobCountByStatusParams(owner))
                        .get(JobStatus.COMPLETED)
                    == JOBS);
      } finally {
        pools.forEach(JobQueue::close);
      }
      Map<UUID, Integer> started = new HashMap<>();
      Map<UUID, Integer> completed = new HashMap<>();
      long cursor = before;
      while (true) {
        List<JobEvent> page =
            admin.store().eventListAfter(new EventListAfterParams(cursor, 10_000));
        if (page.isEmpty()) {
          break;
        }
        for (JobEvent e : page) {
          if (e.type().equals(type)) {
            if (e.kind() == JobEventKind.STARTED) {
              started.merge(e.jobId(), 1, Integer::sum);
            } else if (e.kind() == JobEventKind.COMPLETED) {
              completed.merge(e.jobId(), 1, Integer::sum);
            }
          }
        }
        cursor = page.get(page.size() - 1).seq();
      }
      assertThat(started).hasSize(JOBS).allSatisfy((id, n) -> assertThat(n).isEqualTo(1));
      assertThat(completed).hasSize(JOBS).allSatisfy((id, n) -> assertThat(n).isEqualTo(1));
      assertThat(started.keySet()).containsExactlyInAnyOrderElementsOf(ids);
      assertThat(runsHere.values()).allSatisfy(n -> assertThat(n).hasValue(1));
      assertThat(runsHere.size()).as("the in-JVM pools did part of the work").isPositive();
    }
  }

  @Test
  void workerKilledWithSigkill_hasItsJobCompletedElsewhere_andItsLateWriteRejected()
      throws Exception {
    Duration lease = Duration.ofSeconds(2);
    try (JobQueue admin = queue("admin", 0, lease).build()) {
      UUID id = admin.enqueue(owner, null, null, List.of(JobSpec.of(type, null))).jobIds().get(0);
      WorkerProcess victim = new WorkerProcess(db(), "victim", type, "hang", 1, lease);
      try {
        assertThat(victim.await("RUNNING", Duration.ofSeconds(30))).endsWith(id.toString());
        Job held = admin.store().jobGet(new JobGetParams(id, null)).orElseThrow();
        assertThat(held.leaseOwner()).isEqualTo("victim");
        assertThat(held.status()).isEqualTo(JobStatus.RUNNING);
        victim.kill();
      } finally {
        victim.close();
      }
      try (JobQueue rescuer =
          queue("rescuer", 1, lease).register(type, ctx -> "\"rescued\"").build()) {
        rescuer.start();
        await()
            .atMost(Duration.ofSeconds(15))
            .until(() ->
                admin.store().jobGet(new JobGetParams(id, null)).orElseThrow().status()
                    == JobStatus.COMPLETED);
      }
      Job done = admin.store().jobGet(new JobGetParams(id, null)).orElseThrow();
      assertThat(done.attempt()).isEqualTo(2);
      assertThat(done.result()).isEqualTo("\"rescued\"");
      var late =
          admin
              .store()
              .jobFinishMany(
                  new JobFinishManyParams(
                      "victim", List.of(new Completed(id, 1, "\"late\"", null)), Instant.now()));
      assertThat(late).isEmpty();
      assertThat(admin.store().jobGet(new JobGetParams(id, null)).orElseThrow().result())
          .isEqualTo("\"rescued\"");
    }
  }
}
