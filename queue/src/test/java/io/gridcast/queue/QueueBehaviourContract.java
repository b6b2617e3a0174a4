package io.gridcast.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridcast.queue.JobStore.EventListAfterParams;
import io.gridcast.queue.JobStore.JobCancelManyParams;
import io.gridcast.queue.JobStore.JobCancelParams;
import io.gridcast.queue.JobStore.JobDeleteFinishedParams;
import io.gridcast.queue.JobStore.JobListParams;
import io.gridcast.queue.TestDatabases.Db;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Queue behaviour through a manual pool on each dialect: retries, progress, cancel, lists, events.
 */
abstract class QueueBehaviourContract {
  abstract Db db();

  @Test
  void failingHandler_isRetriedWithBackoff_thenFails_keepingTheLastError() {
    AtomicInteger calls = new AtomicInteger();
    JobHandler h =
        ctx -> {
          throw new IllegalStateException("boom " + calls.incrementAndGet());
        };
    try (QueueFixture f = new QueueFixture(db(), h)) {
      UUID id = f.enqueue(f.spec(null).withMaxAttempts(3)).get(0);
      assertThat(f.queue.runDueJobsOnce()).isEqualTo(1);
      Job afterFirst = f.get(id);
      assertThat(afterFirst.status()).isEqualTo(JobStatus.PENDING);
      assertThat(afterFirst.error()).contains("boom 1");
      Duration wait = Duration.between(f.clock.instant(), afterFirst.runAfter());
      assertThat(wait).isBetween(Duration.ofSeconds(8), Duration.ofSeconds(12));
      assertThat(f.queue.runDueJobsOnce()).as("not due before the backoff").isZero();
      f.advance(wait);
      assertThat(f.queue.runDueJobsOnce()).isEqualTo(1);
      Job afterSecond = f.get(id);
      Duration wait2 = Duration.between(f.clock.instant(), afterSecond.runAfter());
      assertThat(wait2).as("doubled").isBetween(Duration.ofSeconds(16), Duration.ofSeconds(24));
      f.advance(wait2);
      assertThat(f.queue.runDueJobsOnce()).isEqualTo(1);
      Job last = f.get(id);
      assertThat(last.status()).isEqualTo(JobStatus.FAILED);
      assertThat(last.attempt()).isEqualTo(3);
      assertThat(last.error()).contains("boom 3");
      assertThat(last.finishedAt()).isEqualTo(f.clock.instant());
    }
  }

  @Test
  void handlerContext_isDueAtEnqueue_andARetryAtTheEndOfItsBackoff() {
    List<Instant> due = new ArrayList<>();
    JobHandler h =
        ctx -> {
          due.add(ctx.dueAt());
          throw new IllegalStateException("again");
        };
    try (QueueFixture f = new QueueFixture(db(), h)) {
      Instant enqueued = f.clock.instant();
      UUID id = f.enqueue(f.spec(null).withMaxAttempts(2)).get(0);
      f.advance(Duration.ofSeconds(3));
      assertThat(f.queue.runDueJobsOnce()).isEqualTo(1);
      Instant retryAt = f.get(id).runAfter();
      f.advance(Duration.between(f.clock.instant(), retryAt).plusSeconds(7));
      assertThat(f.queue.runDueJobsOnce()).isEqualTo(1);
      assertThat(due).containsExactly(enqueued, retryAt);
    }
  }

  @Test
  void handlerResult_completesTheJob_andSeesItsContext() {
    List<String> seen = new ArrayList<>();
    JobHandler h =
        ctx -> {
          seen.add(ctx.ownerId() + "|" + ctx.payload() + "|" + ctx.attempt() + "|" + ctx.label());
          return "{\"answer\": 42}";
        };
    try (QueueFixture f = new QueueFixture(db(), h)) {
      UUID id = f.enqueue(f.spec("{\"x\": 1}").withLabel("SKU-9")).get(0);
      assertThat(f.queue.runDueJobsOnce()).isEqualTo(1);
      Job j = f.get(id);
      assertThat(j.status()).isEqualTo(JobStatus.COMPLETED);
      assertThat(j.result()).contains("42");
      assertThat(j.leaseOwner()).isNull();
      assertThat(seen).hasSize(1);
      assertThat(seen.get(0)).startsWith(f.owner + "|").endsWith("|1|SKU-9");
    }
  }

  @Test
  void progress_reachesTheStoreAtMostOncePerSecondOfRunning_plusTheFinalReport() {
    JobHandler[] h = new JobHandler[1];
    try (QueueFixture f = new QueueFixture(db(), ctx -> h[0].handle(ctx))) {
      h[0] =
          ctx -> {
            for (int i = 1; i <= 250; i++) {
              f.advance(Duration.ofMillis(10));
              ctx.progress(i, 250, "fit", "candidate " + i);
            }
            return null;
          };
      long before = f.store.eventLatestSeq();
      UUID id = f.enqueue(f.spec(null)).get(0);
      f.queue.runDueJobsOnce();
      long progressWrites =
          events(f, before).stream()
              .filter(e -> e.jobId().equals(id) && e.kind() == JobEventKind.PROGRESS)
              .count();
      assertThat(progressWrites).as("2.5 s of reports: at 1 s and 2 s").isEqualTo(2);
      Job j = f.get(id);
      assertThat(j.progressJson()).contains("250").contains("candidate 250");
    }
  }

  @Test
  void progress_ofAJobShorterThanASecond_isNoEventOfItsOwn_butIsStoredWithTheOutcome() {
    JobHandler[] h = new JobHandler[1];
    try (QueueFixture f = new QueueFixture(db(), ctx -> h[0].handle(ctx))) {
      h[0] =
          ctx -> {
            for (int i = 1; i <= 9; i++) {
              f.advance(Duration.ofMillis(100));
              ctx.progress(i, 9, "fit", null);
            }
            return "\"done\"";
          };
      long before = f.store.eventLatestSeq();
      UUID id = f.enqueue(f.spec(null)).get(0);
      f.queue.runDueJobsOnce();
      assertThat(events(f, before))
          .filteredOn(e -> e.jobId().equals(id))
          .extracting(JobEvent::kind)
          .containsExactly(JobEventKind.ENQUEUED, JobEventKind.STARTED, JobEventKind.COMPLETED);
      assertThat(f.get(id).progressJson())
          .containsPattern("\"current\":\\s?9")
          .containsPattern("\"total\":\\s?9");
    }
  }

  @Test
  void cancel_pendingJob_isCancelledAtOnce_andNeverRuns() {
    AtomicInteger runs = new AtomicInteger();
    try (QueueFixture f = new QueueFixture(db(), ctx -> "" + runs.incrementAndGet())) {
      UUID id = f.enqueue(f.spec(null)).get(0);
      Optional<JobStatus> s =
          f.store.jobCancel(new JobCancelParams(id, f.owner, f.clock.instant()));
      assertThat(s).contains(JobStatus.CANCELLED);
      assertThat(f.queue.runDueJobsOnce()).isZero();
      assertThat(runs).hasValue(0);
      assertThat(f.store.jobCancel(new JobCancelParams(id, "intruder", f.clock.instant())))
          .isEmpty();
      assertThat(f.get(id).finishedAt()).isEqualTo(f.clock.instant());
    }
  }

  @Test
  void cancel_runningJob_isSeenAtTheNextProgressReport_andEndsCancelled() {
    JobHandler[] h = new JobHandler[1];
    try (QueueFixture f = new QueueFixture(db(), ctx -> h[0].handle(ctx))) {
      h[0] =
          ctx -> {
            ctx.progress(0, 10, "start", null);
            assertThat(f.store.jobCancel(new JobCancelParams(ctx.id(), null, f.clock.instant())))
                .contains(JobStatus.RUNNING);
            for (int i = 1; i <= 10; i++) {
              f.advance(Duration.ofMillis(600));
              ctx.progress(i, 10, "work", null);
            }
            return "\"should not complete\"";
          };
      UUID id = f.enqueue(f.spec(null)).get(0);
      f.queue.runDueJobsOnce();
      Job j = f.get(id);
      assertThat(j.status()).isEqualTo(JobStatus.CANCELLED);
      assertThat(j.result()).isNull();
      assertThat(j.progressJson()).contains("\"current\"");
    }
  }

  @Test
  void cancelMany_byBatch_cancelsPending_andAsksRunningToStop() {
    try (QueueFixture f = new QueueFixture(db(), ctx -> null)) {
      JobStore.JobInsertResult batch =
          f.queue.enqueue(f.owner, null, null, List.of(f.spec("1"), f.spec("2"), f.spec("3")));
      f.enqueue(f.spec("\"other batch\""));
      UUID running = JobStoreContract.claim(f, "w", 1).get(0).id();
      JobStore.CancelResult r =
          f.store.jobCancelMany(
              new JobCancelManyParams(
                  JobFilter.owner(f.owner).withBatch(batch.batchId()), f.clock.instant()));
      assertThat(r.cancelled()).isEqualTo(2);
      assertThat(r.requested()).isEqualTo(1);
      assertThat(f.get(running).cancelRequested()).isTrue();
      assertThat(JobStoreContract.count(f, JobStatus.PENDING)).isEqualTo(1);
      assertThat(JobStoreContract.count(f, JobStatus.CANCELLED)).isEqualTo(2);
    }
  }

  @Test
  void list_pagesByCursor_newestFirst_withEveryFilter() {
    try (QueueFixture f = new QueueFixture(db(), ctx -> null)) {
      List<JobSpec> specs = new ArrayList<>();
      for (int i = 0; i < 25; i++) {
        specs.add(f.spec(null).withLabel((i % 2 == 0 ? "SKU-EVEN-" : "SKU-ODD-") + i));
      }
      JobStore.JobInsertResult r = f.queue.enqueue(f.owner, null, null, specs);
      f.enqueue(f.spec(null).withLabel("sku-lower"));
      List<UUID> seen = new ArrayList<>();
      String cursor = null;
      int pages = 0;
      do {
        JobPage page =
            f.store.jobList(
                new JobListParams(JobFilter.owner(f.owner).withBatch(r.batchId()), cursor, 10));
        page.jobs().forEach(j -> seen.add(j.id()));
        cursor = page.nextCursor();
        pages++;
      } while (cursor != null);
      assertThat(pages).isEqualTo(3);
      assertThat(seen).containsExactlyElementsOf(r.jobIds().reversed());
      assertThat(list(f, JobFilter.owner(f.owner).withLabelContaining("EVEN"))).hasSize(13);
      assertThat(list(f, JobFilter.owner(f.owner).withLabelPrefix("SKU-ODD-1"))).hasSize(6);
      assertThat(list(f, JobFilter.owner(f.owner).withLabelContaining("sku"))).hasSize(1);
      assertThat(list(f, JobFilter.owner(f.owner).withType("no-such-type"))).isEmpty();
      JobStoreContract.claim(f, "w", 4);
      assertThat(list(f, JobFilter.owner(f.owner).withStatuses(JobStatus.RUNNING))).hasSize(4);
      assertThat(list(f, JobFilter.owner("nobody"))).isEmpty();
      assertThatThrownBy(
              () -> f.store.jobList(new JobListParams(JobFilter.owner(f.owner), "not-a-cursor", 5)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("not-a-cursor");
    }
  }

  @Test
  void list_leavesOutPayloadAndResult_thatOneJobReadCarries() {
    try (QueueFixture f = new QueueFixture(db(), ctx -> "{\"forecast\": [1, 2, 3]}")) {
      UUID done = f.enqueue(f.spec("{\"sku\": \"A\"}")).get(0);
      assertThat(f.queue.runDueJobsOnce()).isEqualTo(1);
      UUID waiting = f.enqueue(f.spec("{\"sku\": \"B\"}")).get(0);
      List<Job> listed = list(f, JobFilter.owner(f.owner));
      assertThat(listed).extracting(Job::id).containsExactly(waiting, done);
      assertThat(listed).extracting(Job::payload).containsOnlyNulls();
      assertThat(listed).extracting(Job::result).containsOnlyNulls();
      assertThat(listed.get(1).status()).isEqualTo(JobStatus.COMPLETED);
      assertThat(listed.get(1).label()).isEqualTo(f.get(done).label());
      assertThat(f.get(done).payload()).contains("\"A\"");
      assertThat(f.get(done).result()).contains("forecast");
    }
  }

  @Test
  void counts_followEveryTransition_andSurviveCompaction() {
    try (QueueFixture f = new QueueFixture(db(), ctx -> "1")) {
      List<UUID> ids =
          f.enqueue(f.spec("\"a\""), f.spec("\"b\""), f.spec("\"c\""), f.spec("\"d\""));
      f.store.jobCancel(new JobCancelParams(ids.get(3), f.owner, f.clock.instant()));
      JobStoreContract.claim(f, "w", 1);
      f.store.countCompact();
      assertThat(f.store.jobCountByStatus(new JobStore.JobCountByStatusParams(f.owner)))
          .containsEntry(JobStatus.PENDING, 2L)
          .containsEntry(JobStatus.RUNNING, 1L)
          .containsEntry(JobStatus.CANCELLED, 1L)
          .containsEntry(JobStatus.COMPLETED, 0L)
          .containsEntry(JobStatus.FAILED, 0L);
      f.advance(Duration.ofSeconds(31));
      f.queue.tick();
      f.queue.runDueJobsOnce();
      assertThat(JobStoreContract.count(f, JobStatus.COMPLETED)).isEqualTo(3);
      assertThat(JobStoreContract.count(f, JobStatus.RUNNING)).isZero();
      int deleted =
          f.store.jobDeleteFinished(
              new JobDeleteFinishedParams(
                  JobFilter.owner(f.owner).withStatuses(JobStatus.CANCELLED), f.clock.instant()));
      assertThat(deleted).isEqualTo(1);
      assertThat(JobStoreContract.count(f, JobStatus.CANCELLED)).isZero();
      long all =
          f.store.jobCountByStatus(new JobStore.JobCountByStatusParams(null)).values().stream()
              .mapToLong(Long::longValue)
              .sum();
      assertThat(all).isGreaterThanOrEqualTo(3);
    }
  }

  @Test
  void retention_prunesOnlyJobsFinishedLongerAgoThanTheRetention() {
    try (QueueFixture f = new QueueFixture(db(), ctx -> null)) {
      UUID old = f.enqueue(f.spec(null)).get(0);
      f.queue.runDueJobsOnce();
      f.advance(Duration.ofHours(23));
      UUID recent = f.enqueue(f.spec(null)).get(0);
      f.queue.runDueJobsOnce();
      UUID pending =
          f.enqueue(f.spec(null).withRunAfter(f.clock.instant().plusSeconds(7200))).get(0);
      f.advance(Duration.ofHours(1).plusSeconds(1));
      f.queue.tick();
      assertThat(f.store.jobGet(new JobStore.JobGetParams(old, null))).isEmpty();
      assertThat(f.store.jobGet(new JobStore.JobGetParams(recent, null))).isPresent();
      assertThat(f.store.jobGet(new JobStore.JobGetParams(pending, null))).isPresent();
      assertThat(JobStoreContract.count(f, JobStatus.COMPLETED)).isEqualTo(1);
    }
  }

  @Test
  void events_recordEveryChange_inOrder_andResumeFromAnySeq() {
    try (QueueFixture f = new QueueFixture(db(), ctx -> "\"r\"")) {
      long before = f.store.eventLatestSeq();
      UUID id = f.enqueue(f.spec(null)).get(0);
      f.queue.runDueJobsOnce();
      f.store.jobDeleteFinished(
          new JobDeleteFinishedParams(JobFilter.owner(f.owner), f.clock.instant()));
      List<JobEvent> mine = events(f, before).stream().filter(e -> e.jobId().equals(id)).toList();
      assertThat(mine)
          .extracting(JobEvent::kind)
          .containsExactly(
              JobEventKind.ENQUEUED,
              JobEventKind.STARTED,
              JobEventKind.COMPLETED,
              JobEventKind.DELETED);
      assertThat(mine).extracting(JobEvent::seq).isSorted();
      assertThat(mine.get(2).status()).isEqualTo(JobStatus.COMPLETED);
      List<JobEvent> resumed = events(f, mine.get(1).seq());
      assertThat(resumed.get(0).seq()).isGreaterThan(mine.get(1).seq());
    }
  }

  static List<Job> list(QueueFixture f, JobFilter filter) {
    return f.store.jobList(new JobListParams(filter, null, 1000)).jobs();
  }

  static List<JobEvent> events(QueueFixture f, long after) {
    return f.store.eventListAfter(new EventListAfterParams(after, 10_000));
  }
}
