package io.gridcast.queue;

import static io.gridcast.queue.JobStoreContract.claim;
import static io.gridcast.queue.JobStoreContract.count;
import static io.gridcast.queue.JobStoreContract.finish;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.gridcast.queue.JobStore.Completed;
import io.gridcast.queue.JobStore.Failed;
import io.gridcast.queue.JobStore.JobAttemptListParams;
import io.gridcast.queue.JobStore.JobCancelParams;
import io.gridcast.queue.JobStore.JobRetryManyParams;
import io.gridcast.queue.JobStore.JobRetryParams;
import io.gridcast.queue.JobStore.RetryResult;
import io.gridcast.queue.TestDatabases.Db;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Retries on every dialect: a failed or cancelled job goes back to pending as a new run, the ended
 * run stays readable, other states are left alone, owners are respected, the kept runs go with
 * their job. Time is the fixture's manual clock.
 */
abstract class JobRetryContract {
  abstract Db db();

  private static UUID failedOnLastAttempt(QueueFixture f, String error) {
    UUID id = f.enqueue(f.spec("{\"sku\":\"A\"}").withMaxAttempts(1).withLabel("A")).get(0);
    claim(f, "w", 1);
    finish(f, "w", new Failed(id, 1, error, null, "{\"current\":1,\"total\":2}"));
    return id;
  }

  private static Optional<RetryResult> retry(QueueFixture f, UUID id, String owner) {
    return f.store.jobRetry(new JobRetryParams(id, owner, f.clock.instant()));
  }

  @Test
  void retry_putsAFailedJobBackToPending_asANewAttempt_keepingTheEndedRun() {
    try (QueueFixture f = new QueueFixture(db(), ctx -> null)) {
      UUID id = failedOnLastAttempt(f, "series 'A' has no values");
      Job failed = f.get(id);
      f.advance(Duration.ofMinutes(3));
      long seq = f.store.eventLatestSeq();

      assertThat(retry(f, id, f.owner)).contains(new RetryResult(JobStatus.FAILED, true));

      Job again = f.get(id);
      assertThat(again.status()).isEqualTo(JobStatus.PENDING);
      assertThat(again.error()).isNull();
      assertThat(again.progressJson()).isNull();
      assertThat(again.finishedAt()).isNull();
      assertThat(again.runAfter()).isEqualTo(f.clock.instant());
      assertThat(again.attempt()).isEqualTo(1);
      assertThat(again.maxAttempts()).isEqualTo(2);
      List<JobAttempt> kept = f.store.jobAttemptList(new JobAttemptListParams(id));
      assertThat(kept)
          .containsExactly(
              new JobAttempt(
                  1,
                  1,
                  1,
                  JobStatus.FAILED,
                  "series 'A' has no values",
                  null,
                  failed.startedAt(),
                  failed.finishedAt(),
                  f.clock.instant()));
      assertThat(count(f, JobStatus.FAILED)).isZero();
      assertThat(count(f, JobStatus.PENDING)).isEqualTo(1);
      assertThat(f.store.eventListAfter(new JobStore.EventListAfterParams(seq, 10)))
          .extracting(JobEvent::kind, JobEvent::status)
          .containsExactly(tuple(JobEventKind.RETRIED, JobStatus.PENDING));

      assertThat(claim(f, "w", 1)).extracting(Job::id, Job::attempt).containsExactly(tuple(id, 2));
      assertThat(finish(f, "w", new Completed(id, 2, "\"done\"", null))).containsExactly(id);
      assertThat(f.get(id).status()).isEqualTo(JobStatus.COMPLETED);
      assertThat(f.store.jobAttemptList(new JobAttemptListParams(id))).hasSize(1);
    }
  }

  @Test
  void everyRetry_keepsItsRun_andGrantsTheRunsAttemptBudgetAgain() {
    try (QueueFixture f = new QueueFixture(db(), ctx -> null)) {
      UUID id = f.enqueue(f.spec(null).withMaxAttempts(2)).get(0);
      claim(f, "w", 1);
      finish(f, "w", new Failed(id, 1, "first", f.clock.instant(), null));
      claim(f, "w", 1);
      finish(f, "w", new Failed(id, 2, "second", null, null));
      assertThat(retry(f, id, null).orElseThrow().retried()).isTrue();
      assertThat(f.get(id).maxAttempts()).isEqualTo(4);
      f.store.jobCancel(new JobCancelParams(id, null, f.clock.instant()));
      assertThat(retry(f, id, null).orElseThrow().status()).isEqualTo(JobStatus.CANCELLED);
      assertThat(f.get(id).maxAttempts()).as("a run that never ran keeps its budget").isEqualTo(4);

      assertThat(f.store.jobAttemptList(new JobAttemptListParams(id)))
          .extracting(JobAttempt::run, JobAttempt::attempt, JobAttempt::status, JobAttempt::error)
          .containsExactly(
              tuple(1, 2, JobStatus.FAILED, "second"), tuple(2, 2, JobStatus.CANCELLED, null));
    }
  }

  @Test
  void retry_leavesPendingRunningAndCompletedJobs_andReportsTheirStatus() {
    try (QueueFixture f = new QueueFixture(db(), ctx -> null)) {
      List<UUID> ids = f.enqueue(f.spec(null), f.spec(null), f.spec(null));
      claim(f, "w", 2);
      finish(f, "w", new Completed(ids.get(0), 1, "\"ok\"", null));

      assertThat(retry(f, ids.get(0), f.owner))
          .contains(new RetryResult(JobStatus.COMPLETED, false));
      assertThat(retry(f, ids.get(1), f.owner)).contains(new RetryResult(JobStatus.RUNNING, false));
      assertThat(retry(f, ids.get(2), f.owner)).contains(new RetryResult(JobStatus.PENDING, false));
      assertThat(f.get(ids.get(0)).result()).isEqualTo("\"ok\"");
      assertThat(f.get(ids.get(1)).status()).isEqualTo(JobStatus.RUNNING);
      for (UUID id : ids) {
        assertThat(f.store.jobAttemptList(new JobAttemptListParams(id))).isEmpty();
      }
    }
  }

  @Test
  void retry_ofAnotherOwnersJob_findsNothing_andChangesNothing() {
    try (QueueFixture f = new QueueFixture(db(), ctx -> null)) {
      UUID id = failedOnLastAttempt(f, "boom");
      assertThat(retry(f, id, "someone-else")).isEmpty();
      assertThat(retry(f, UUID.randomUUID(), null)).isEmpty();
      assertThat(f.get(id).status()).isEqualTo(JobStatus.FAILED);
      assertThat(f.store.jobAttemptList(new JobAttemptListParams(id))).isEmpty();
    }
  }

  @Test
  void retryMany_retriesOnlyTheFilteredFailedAndCancelledJobs() {
    try (QueueFixture f = new QueueFixture(db(), ctx -> null)) {
      UUID elsewhere = failedOnLastAttempt(f, "other batch");
      UUID batch = UUID.randomUUID();
      List<UUID> ids =
          f.queue
              .enqueue(
                  f.owner,
                  batch,
                  null,
                  List.of(
                      f.spec(null).withMaxAttempts(1),
                      f.spec(null).withMaxAttempts(1),
                      f.spec(null),
                      f.spec(null)))
              .jobIds();
      claim(f, "w", 2);
      finish(f, "w", new Failed(ids.get(0), 1, "boom", null, null));
      finish(f, "w", new Completed(ids.get(1), 1, "\"ok\"", null));
      f.store.jobCancel(new JobCancelParams(ids.get(2), null, f.clock.instant()));

      JobFilter inBatch = JobFilter.owner(f.owner).withBatch(batch);
      int n =
          f.store.jobRetryMany(
              new JobRetryManyParams(inBatch.withStatuses(JobStatus.FAILED), f.clock.instant()));
      assertThat(n).isEqualTo(1);
      assertThat(f.get(ids.get(0)).status()).isEqualTo(JobStatus.PENDING);
      assertThat(f.get(ids.get(2)).status()).isEqualTo(JobStatus.CANCELLED);
      assertThat(f.get(elsewhere).status()).isEqualTo(JobStatus.FAILED);

      assertThat(f.store.jobRetryMany(new JobRetryManyParams(inBatch, f.clock.instant())))
          .as("no status named: failed and cancelled, never completed or pending")
          .isEqualTo(1);
      assertThat(f.get(ids.get(1)).status()).isEqualTo(JobStatus.COMPLETED);
      assertThat(f.get(ids.get(2)).status()).isEqualTo(JobStatus.PENDING);
      assertThat(
              f.store.jobRetryMany(
                  new JobRetryManyParams(JobFilter.owner("someone-else"), f.clock.instant())))
          .isZero();
      assertThat(f.get(elsewhere).status()).isEqualTo(JobStatus.FAILED);
    }
  }

  @Test
  void keptRuns_goWithTheirJob_whenItIsDeleted() {
    try (QueueFixture f = new QueueFixture(db(), ctx -> null)) {
      UUID id = failedOnLastAttempt(f, "boom");
      retry(f, id, null);
      f.store.jobCancel(new JobCancelParams(id, null, f.clock.instant()));
      assertThat(f.store.jobAttemptList(new JobAttemptListParams(id))).hasSize(1);
      assertThat(
              f.store.jobDeleteFinished(
                  new JobStore.JobDeleteFinishedParams(
                      JobFilter.owner(f.owner).withStatuses(JobStatus.CANCELLED),
                      f.clock.instant())))
          .isEqualTo(1);
      assertThat(f.store.jobAttemptList(new JobAttemptListParams(id))).isEmpty();
    }
  }
}
