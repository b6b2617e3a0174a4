package io.gridcast.queue;

import static io.gridcast.queue.JobStoreContract.claim;
import static io.gridcast.queue.JobStoreContract.count;
import static io.gridcast.queue.JobStoreContract.finish;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.gridcast.queue.JobStore.Completed;
import io.gridcast.queue.JobStore.EventListAfterParams;
import io.gridcast.queue.JobStore.JobCancelManyParams;
import io.gridcast.queue.JobStore.JobCancelParams;
import io.gridcast.queue.JobStore.JobListParams;
import io.gridcast.queue.JobStore.JobOldestPendingParams;
import io.gridcast.queue.JobStore.JobRetryParams;
import io.gridcast.queue.TestDatabases.Db;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Batch continuations on every dialect: a job enqueued to run after a batch waits, is never
 * claimed, and becomes due once, in the transaction that finishes the batch's last job, settled by
 * its policy when jobs of the batch failed or were cancelled. Time is the fixture's manual clock.
 */
abstract class ContinuationContract {
  abstract Db db();

  /** Handler: payload {@code "fail"} throws, anything else completes; records every run's id. */
  private final List<UUID> runs = new CopyOnWriteArrayList<>();

  private QueueFixture fixture() {
    return new QueueFixture(
        db(),
        ctx -> {
          runs.add(ctx.id());
          if ("\"fail\"".equals(ctx.payload())) {
            throw new IllegalStateException("child failed on purpose");
          }
          return "\"ok\"";
        });
  }

  /** Enqueues {@code children} and, last, a continuation of the same batch; returns all ids. */
  private static List<UUID> batchWithContinuation(
      QueueFixture f, UUID batch, ChildFailurePolicy policy, JobSpec... children) {
    List<JobSpec> specs = new ArrayList<>(List.of(children));
    specs.add(f.spec("\"after\"").withAfterBatch(batch, policy));
    return f.queue.enqueue(f.owner, batch, null, specs).jobIds();
  }

  private static List<JobEvent> eventsOf(QueueFixture f, long afterSeq, UUID job) {
    return f.store.eventListAfter(new EventListAfterParams(afterSeq, 1000)).stream()
        .filter(e -> e.jobId().equals(job))
        .toList();
  }

  @Test
  void continuationEnqueuedWithItsChildren_waitsUntilTheLastChildFinishes_thenRunsOnce() {
    try (QueueFixture f = fixture()) {
      UUID batch = UUID.randomUUID();
      long seq = f.store.eventLatestSeq();
      List<UUID> ids =
          batchWithContinuation(
              f, batch, ChildFailurePolicy.RUN, f.spec("\"a\""), f.spec("\"b\""), f.spec("\"c\""));
      UUID after = ids.get(3);
      assertThat(f.get(after).status()).isEqualTo(JobStatus.WAITING);
      assertThat(f.get(after).continuation())
          .isEqualTo(new Continuation(batch, ChildFailurePolicy.RUN));

      assertThat(claim(f, "w", 10))
          .extracting(Job::id)
          .containsExactlyElementsOf(ids.subList(0, 3));
      finish(f, "w", new Completed(ids.get(0), 1, "1", null));
      finish(f, "w", new Completed(ids.get(1), 1, "2", null));
      assertThat(f.get(after).status()).isEqualTo(JobStatus.WAITING);
      assertThat(claim(f, "w", 10)).isEmpty();

      finish(f, "w", new Completed(ids.get(2), 1, "3", null));
      assertThat(f.get(after).status()).isEqualTo(JobStatus.PENDING);
      assertThat(f.queue.runDueJobsOnce()).isEqualTo(1);
      assertThat(runs).containsExactly(after);
      assertThat(f.get(after).status()).isEqualTo(JobStatus.COMPLETED);
      assertThat(eventsOf(f, seq, after))
          .extracting(JobEvent::kind, JobEvent::status)
          .containsExactly(
              tuple(JobEventKind.ENQUEUED, JobStatus.WAITING),
              tuple(JobEventKind.READY, JobStatus.PENDING),
              tuple(JobEventKind.STARTED, JobStatus.RUNNING),
              tuple(JobEventKind.COMPLETED, JobStatus.COMPLETED));
    }
  }

  @Test
  void continuationOfAFinishedBatch_isInsertedWaitingAndReleasedInTheSameInsert() {
    try (QueueFixture f = fixture()) {
      UUID batch = f.queue.enqueue(f.owner, null, null, List.of(f.spec("\"a\""))).batchId();
      f.queue.runDueJobsOnce();
      long seq = f.store.eventLatestSeq();
      UUID after =
          f.enqueue(f.spec("\"after\"").withAfterBatch(batch, ChildFailurePolicy.FAIL)).get(0);

      assertThat(f.get(after).status()).isEqualTo(JobStatus.PENDING);
      assertThat(f.get(after).batchId()).isNotEqualTo(batch);
      assertThat(eventsOf(f, seq, after))
          .extracting(JobEvent::kind, JobEvent::status)
          .containsExactly(
              tuple(JobEventKind.ENQUEUED, JobStatus.WAITING),
              tuple(JobEventKind.READY, JobStatus.PENDING));
      assertThat(count(f, JobStatus.WAITING)).isZero();
      assertThat(count(f, JobStatus.PENDING)).isEqualTo(1);
    }
  }

  @Test
  void continuationOfABatchOfAnsweredJobs_isDueAtInsert() {
    try (QueueFixture f = fixture()) {
      UUID batch = UUID.randomUUID();
      List<UUID> ids =
          batchWithContinuation(
              f, batch, ChildFailurePolicy.SKIP, f.spec("\"a\"").withAnswer("\"cached\""));
      assertThat(f.get(ids.get(1)).status()).isEqualTo(JobStatus.PENDING);
    }
  }

  @Test
  void waitingJob_isNeverClaimed_isListedByItsStatus_andIsNotTheOldestPending() {
    try (QueueFixture f = fixture()) {
      UUID batch = UUID.randomUUID();
      List<UUID> ids = batchWithContinuation(f, batch, ChildFailurePolicy.RUN, f.spec("\"a\""));
      f.advance(Duration.ofMinutes(1));
      assertThat(claim(f, "w", 10)).extracting(Job::id).containsExactly(ids.get(0));
      assertThat(claim(f, "w", 10)).isEmpty();
      assertThat(f.store.jobOldestPending(new JobOldestPendingParams(f.owner, f.clock.instant())))
          .isEmpty();
      JobPage waiting =
          f.store.jobList(
              new JobListParams(
                  JobFilter.owner(f.owner).withStatuses(JobStatus.WAITING), null, 50));
      assertThat(waiting.jobs()).extracting(Job::id).containsExactly(ids.get(1));
      assertThat(waiting.jobs().get(0).continuation().batchId()).isEqualTo(batch);
      assertThat(count(f, JobStatus.WAITING)).isEqualTo(1);
      assertThat(JobStatus.parse("Waiting")).isEqualTo(JobStatus.WAITING);
    }
  }

  /** A child that fails on its last attempt, then each policy. */
  @ParameterizedTest
  @EnumSource(ChildFailurePolicy.class)
  void failedChild_settlesTheContinuationByItsPolicy(ChildFailurePolicy policy) {
    try (QueueFixture f = fixture()) {
      UUID batch = UUID.randomUUID();
      List<UUID> ids =
          batchWithContinuation(
              f, batch, policy, f.spec("\"ok\""), f.spec("\"fail\"").withMaxAttempts(1));
      f.queue.runDueJobsOnce();
      assertSettled(f, ids.get(2), policy, "1 of 2 jobs of batch " + batch);
    }
  }

  /** A child cancelled while pending, then each policy. */
  @ParameterizedTest
  @EnumSource(ChildFailurePolicy.class)
  void cancelledChild_settlesTheContinuationByItsPolicy(ChildFailurePolicy policy) {
    try (QueueFixture f = fixture()) {
      UUID batch = UUID.randomUUID();
      List<UUID> ids =
          batchWithContinuation(
              f, batch, policy, f.spec("\"x\""), f.spec("\"y\""), f.spec("\"z\""));
      f.store.jobCancel(new JobCancelParams(ids.get(1), f.owner, f.clock.instant()));
      assertThat(f.get(ids.get(3)).status()).isEqualTo(JobStatus.WAITING);
      f.queue.runDueJobsOnce();
      assertSettled(f, ids.get(3), policy, "1 of 3 jobs of batch " + batch);
    }
  }

  private void assertSettled(QueueFixture f, UUID after, ChildFailurePolicy policy, String why) {
    Job j = f.get(after);
    switch (policy) {
      case RUN -> {
        assertThat(j.status()).isEqualTo(JobStatus.COMPLETED);
        assertThat(runs).contains(after);
      }
      case SKIP -> {
        assertThat(j.status()).isEqualTo(JobStatus.CANCELLED);
        assertThat(j.error()).startsWith(why).endsWith("failed or were cancelled");
        assertThat(runs).doesNotContain(after);
      }
      case FAIL -> {
        assertThat(j.status()).isEqualTo(JobStatus.FAILED);
        assertThat(j.error()).startsWith(why).endsWith("failed or were cancelled");
        assertThat(runs).doesNotContain(after);
      }
    }
    assertThat(count(f, JobStatus.WAITING)).isZero();
  }

  @Test
  void childWhoseLeaseExpiresOnItsLastAttempt_settlesTheContinuationInTheRescue() {
    try (QueueFixture f = fixture()) {
      UUID batch = UUID.randomUUID();
      List<UUID> ids =
          batchWithContinuation(
              f, batch, ChildFailurePolicy.FAIL, f.spec("\"a\"").withMaxAttempts(1));
      assertThat(claim(f, "dead-worker", 1)).extracting(Job::id).containsExactly(ids.get(0));
      f.advance(Duration.ofMinutes(1));
      assertThat(f.queue.maintenance().rescueExpired()).isEqualTo(1);
      assertThat(f.get(ids.get(0)).status()).isEqualTo(JobStatus.FAILED);
      assertThat(f.get(ids.get(1)).status()).isEqualTo(JobStatus.FAILED);
      assertThat(f.get(ids.get(1)).error()).startsWith("1 of 1 jobs of batch " + batch);
    }
  }

  @Test
  void cancellingTheBatch_cancelsItsOwnContinuation_andSettlesAnotherBatchsByPolicy() {
    try (QueueFixture f = fixture()) {
      UUID batch = UUID.randomUUID();
      List<UUID> ids = batchWithContinuation(f, batch, ChildFailurePolicy.RUN, f.spec("\"a\""));
      UUID elsewhere =
          f.enqueue(f.spec("\"b\"").withAfterBatch(batch, ChildFailurePolicy.SKIP)).get(0);

      JobStore.CancelResult r =
          f.store.jobCancelMany(
              new JobCancelManyParams(
                  JobFilter.owner(f.owner).withBatch(batch), f.clock.instant()));

      assertThat(r.cancelled()).isEqualTo(2);
      assertThat(f.get(ids.get(0)).status()).isEqualTo(JobStatus.CANCELLED);
      assertThat(f.get(ids.get(1)).status()).isEqualTo(JobStatus.CANCELLED);
      assertThat(f.get(ids.get(1)).error()).isNull();
      assertThat(f.get(elsewhere).status()).isEqualTo(JobStatus.CANCELLED);
      assertThat(f.get(elsewhere).error()).startsWith("1 of 1 jobs of batch " + batch);
      assertThat(count(f, JobStatus.WAITING)).isZero();
      assertThat(count(f, JobStatus.CANCELLED)).isEqualTo(3);
    }
  }

  @Test
  void retriedChild_reopensNothingReleased_butARetriedContinuationWaitsAgain() {
    try (QueueFixture f = fixture()) {
      UUID batch = UUID.randomUUID();
      List<UUID> ids =
          batchWithContinuation(
              f, batch, ChildFailurePolicy.SKIP, f.spec("\"fail\"").withMaxAttempts(1));
      f.queue.runDueJobsOnce();
      UUID child = ids.get(0);
      UUID after = ids.get(1);
      assertThat(f.get(after).status()).isEqualTo(JobStatus.CANCELLED);

      f.store.jobRetry(new JobRetryParams(after, f.owner, f.clock.instant()));
      assertThat(f.get(after).status())
          .as("its batch is finished, with a failure: skipped again at once")
          .isEqualTo(JobStatus.CANCELLED);

      f.store.jobRetry(new JobRetryParams(child, f.owner, f.clock.instant()));
      f.store.jobRetry(new JobRetryParams(after, f.owner, f.clock.instant()));
      assertThat(f.get(child).status()).isEqualTo(JobStatus.PENDING);
      assertThat(f.get(after).status()).isEqualTo(JobStatus.WAITING);
      assertThat(count(f, JobStatus.WAITING)).isEqualTo(1);
    }
  }

  @Test
  void retryingAChildAfterTheRelease_leavesTheContinuationAsItIs() {
    try (QueueFixture f = fixture()) {
      UUID batch = UUID.randomUUID();
      List<UUID> ids =
          batchWithContinuation(
              f, batch, ChildFailurePolicy.RUN, f.spec("\"fail\"").withMaxAttempts(1));
      f.queue.runDueJobsOnce();
      assertThat(f.get(ids.get(1)).status()).isEqualTo(JobStatus.COMPLETED);
      f.store.jobRetry(new JobRetryParams(ids.get(0), f.owner, f.clock.instant()));
      f.queue.runDueJobsOnce();
      assertThat(f.get(ids.get(1)).status()).isEqualTo(JobStatus.COMPLETED);
      assertThat(runs.stream().filter(ids.get(1)::equals)).hasSize(1);
    }
  }

  @Test
  void maintenanceSweep_releasesAContinuationLeftWaitingAfterItsBatchFinished()
      throws SQLException {
    try (QueueFixture f = fixture()) {
      UUID batch = UUID.randomUUID();
      List<UUID> ids = batchWithContinuation(f, batch, ChildFailurePolicy.RUN, f.spec("\"a\""));
      f.queue.runDueJobsOnce();
      UUID after = ids.get(1);
      assertThat(f.get(after).status()).isEqualTo(JobStatus.COMPLETED);
      // A continuation still waiting although its batch has finished (as a store writing no
      // release would leave it): put it back the way such a store would.
      try (Connection c = DriverManager.getConnection(db().url(), db().user(), db().password());
          PreparedStatement ps =
              c.prepareStatement(
                  "UPDATE job SET status = 'waiting', finished_at = NULL WHERE id = "
                      + (db().kind().equals("postgresql") ? "?::uuid" : "?"))) {
        ps.setString(1, after.toString());
        assertThat(ps.executeUpdate()).isEqualTo(1);
      }
      assertThat(f.queue.maintenance().releaseContinuations()).isEqualTo(1);
      assertThat(f.get(after).status()).isEqualTo(JobStatus.PENDING);
      assertThat(f.queue.maintenance().releaseContinuations()).isZero();
    }
  }

  @Test
  void continuationOfAnotherOwnersBatch_isRefused_namingTheBatch() {
    try (QueueFixture f = fixture()) {
      UUID theirs = f.queue.enqueue("someone-else", null, null, List.of(f.spec("1"))).batchId();
      assertThatThrownBy(
              () -> f.enqueue(f.spec("2").withAfterBatch(theirs, ChildFailurePolicy.RUN)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining(theirs.toString())
          .hasMessageContaining(f.owner);
      assertThat(count(f, JobStatus.WAITING)).isZero();
    }
  }

  @Test
  void spec_refusesAContinuationWithoutBatchOrPolicy_andAnAnsweredContinuation() {
    JobSpec s = JobSpec.of("t", null);
    assertThatThrownBy(() -> s.withAfterBatch(null, ChildFailurePolicy.RUN))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("batch id");
    assertThatThrownBy(() -> s.withAfterBatch(UUID.randomUUID(), null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("policy");
    assertThatThrownBy(
            () -> s.withAfterBatch(UUID.randomUUID(), ChildFailurePolicy.RUN).withAnswer("1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("answered");
  }
}
