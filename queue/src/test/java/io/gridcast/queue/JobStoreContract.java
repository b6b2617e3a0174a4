package io.gridcast.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridcast.queue.JobStore.Cancelled;
import io.gridcast.queue.JobStore.Completed;
import io.gridcast.queue.JobStore.JobClaimParams;
import io.gridcast.queue.JobStore.JobFinishManyParams;
import io.gridcast.queue.JobStore.JobGetParams;
import io.gridcast.queue.JobStore.JobInsertManyParams;
import io.gridcast.queue.JobStore.JobInsertResult;
import io.gridcast.queue.TestDatabases.Db;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The store contract every dialect must pass: enqueue, lookup, idempotency, claim order, fencing,
 * leases, retries. Subclasses give the database (a fresh one per class).
 */
abstract class JobStoreContract {
  abstract Db db();

  QueueFixture fixture(JobHandler h) {
    return new QueueFixture(db(), h);
  }

  @Test
  void insertMany_thenGet_returnsPendingJobWithEveryField() {
    try (QueueFixture f = fixture(ctx -> null)) {
      JobSpec spec =
          f.spec("{\"sku\": \"A-1\"}").withPriority(3).withReason("nightly").withLabel("SKU-A-1");
      JobInsertResult r = f.queue.enqueue(f.owner, null, null, List.of(spec));
      Job j = f.get(r.jobIds().get(0));
      assertThat(j.status()).isEqualTo(JobStatus.PENDING);
      assertThat(j.ownerId()).isEqualTo(f.owner);
      assertThat(j.type()).isEqualTo(f.type);
      assertThat(j.priority()).isEqualTo(3);
      assertThat(j.reason()).isEqualTo("nightly");
      assertThat(j.label()).isEqualTo("SKU-A-1");
      assertThat(j.batchId()).isEqualTo(r.batchId());
      assertThat(j.payload()).contains("\"sku\"").contains("\"A-1\"");
      assertThat(j.attempt()).isZero();
      assertThat(j.maxAttempts()).isEqualTo(JobSpec.DEFAULT_MAX_ATTEMPTS);
      assertThat(j.createdAt()).isEqualTo(f.clock.instant());
      assertThat(j.runAfter()).isEqualTo(f.clock.instant());
      assertThat(j.cancelRequested()).isFalse();
      assertThat(j.id().version()).isEqualTo(7);
    }
  }

  @Test
  void insertMany_acceptsTenThousandJobsInOneCall_inIdOrder() {
    try (QueueFixture f = fixture(ctx -> null)) {
      List<JobSpec> specs = new ArrayList<>();
      for (int i = 0; i < 10_000; i++) {
        specs.add(f.spec("{\"i\":" + i + "}").withLabel("L" + i));
      }
      JobInsertResult r = f.queue.enqueue(f.owner, null, null, specs);
      assertThat(r.jobIds()).hasSize(10_000).doesNotHaveDuplicates();
      assertThat(r.jobIds()).isSortedAccordingTo(UUID::compareTo);
      assertThat(count(f, JobStatus.PENDING)).isEqualTo(10_000);
    }
  }

  @Test
  void answeredSpec_isInsertedCompletedWithItsResult_andNeverClaimed() {
    try (QueueFixture f = fixture(ctx -> "ran")) {
      long seqBefore = f.store.eventLatestSeq();
      List<UUID> ids =
          f.enqueue(f.spec("{\"i\":1}").withAnswer("{\"cached\":true}"), f.spec("{\"i\":2}"));
      Job answered = f.get(ids.get(0));
      assertThat(answered.status()).isEqualTo(JobStatus.COMPLETED);
      assertThat(answered.result()).contains("\"cached\"").contains("true");
      assertThat(answered.attempt()).isZero();
      assertThat(answered.finishedAt()).isEqualTo(f.clock.instant());
      assertThat(count(f, JobStatus.COMPLETED)).isEqualTo(1);
      assertThat(count(f, JobStatus.PENDING)).isEqualTo(1);
      assertThat(
              f.store.eventListAfter(new JobStore.EventListAfterParams(seqBefore, 100)).stream()
                  .filter(e -> e.jobId().equals(ids.get(0)))
                  .map(JobEvent::kind)
                  .toList())
          .containsExactly(JobEventKind.ENQUEUED, JobEventKind.COMPLETED);
      List<Job> claimed =
          f.store.jobClaim(
              new JobClaimParams(
                  "w", Set.of(f.type), 10, f.clock.instant(), f.clock.instant().plusSeconds(30)));
      assertThat(claimed).extracting(Job::id).containsExactly(ids.get(1));
    }
  }

  @Test
  void get_scopedByOwner_hidesAnotherOwnersJob() {
    try (QueueFixture f = fixture(ctx -> null)) {
      UUID id = f.enqueue(f.spec(null)).get(0);
      assertThat(f.store.jobGet(new JobGetParams(id, f.owner))).isPresent();
      assertThat(f.store.jobGet(new JobGetParams(id, "someone-else"))).isEmpty();
      assertThat(f.store.jobGet(new JobGetParams(UUID.randomUUID(), null))).isEmpty();
    }
  }

  @Test
  void idempotencyKey_sameOwnerAndKey_returnsTheFirstAnswer_withoutNewJobs() {
    try (QueueFixture f = fixture(ctx -> null)) {
      List<JobSpec> specs = List.of(f.spec("1"), f.spec("2"), f.spec("3"));
      JobInsertResult first = f.queue.enqueue(f.owner, null, "key-1", specs);
      JobInsertResult again = f.queue.enqueue(f.owner, null, "key-1", specs);
      JobInsertResult other = f.queue.enqueue("other-" + f.owner, null, "key-1", specs);
      assertThat(first.created()).isTrue();
      assertThat(again.created()).isFalse();
      assertThat(again.jobIds()).isEqualTo(first.jobIds());
      assertThat(again.batchId()).isEqualTo(first.batchId());
      assertThat(other.jobIds()).doesNotContainAnyElementsOf(first.jobIds());
      assertThat(count(f, JobStatus.PENDING)).isEqualTo(3);
      assertThat(f.store.jobIdempotencyGet(new JobStore.JobIdempotencyGetParams(f.owner, "key-1")))
          .contains(again);
    }
  }

  @Test
  void insertMany_withCallerWork_commitsBothOrNeither() throws Exception {
    try (QueueFixture f = fixture(ctx -> null);
        Connection admin = DriverManager.getConnection(db().url(), db().user(), db().password());
        Statement st = admin.createStatement()) {
      st.execute("CREATE TABLE IF NOT EXISTS caller_row (name TEXT NOT NULL)");
      st.execute("DELETE FROM caller_row");
      JobInsertManyParams params =
          new JobInsertManyParams(
              f.owner, null, null, List.of(f.spec("1"), f.spec("2")), f.clock.instant());
      JobStore.SameTransaction insertRow =
          (c, ids) -> {
            try (var ps = c.prepareStatement("INSERT INTO caller_row (name) VALUES ('kept')")) {
              ps.executeUpdate();
            }
          };

      assertThatThrownBy(() ->
              f.store.jobInsertMany(
                  params,
                  (c, ids) -> {
                    insertRow.run(c, ids);
                    throw new SQLException("caller's work failed");
                  }))
          .isInstanceOf(StoreException.class);
      assertThat(count(f, JobStatus.PENDING)).isZero();
      assertThat(rows(st)).isZero();

      List<UUID> seen = new ArrayList<>();
      JobInsertResult ok =
          f.store.jobInsertMany(
              params,
              (c, ids) -> {
                seen.addAll(ids);
                insertRow.run(c, ids);
              });
      assertThat(ok.jobIds()).hasSize(2);
      assertThat(seen).as("the work sees the ids the jobs get").isEqualTo(ok.jobIds());
      assertThat(count(f, JobStatus.PENDING)).isEqualTo(2);
      assertThat(rows(st)).isEqualTo(1);
    }
  }

  private static int rows(Statement st) throws SQLException {
    try (var rs = st.executeQuery("SELECT COUNT(*) FROM caller_row")) {
      rs.next();
      return rs.getInt(1);
    }
  }

  @Test
  void claim_takesHighestPriorityThenOldest_onlyDueJobs_upToLimit() {
    try (QueueFixture f = fixture(ctx -> null)) {
      UUID low = f.enqueue(f.spec("\"low\"").withPriority(5)).get(0);
      f.advance(Duration.ofMillis(5));
      UUID urgentOld = f.enqueue(f.spec("\"a\"").withPriority(1)).get(0);
      f.advance(Duration.ofMillis(5));
      UUID urgentNew = f.enqueue(f.spec("\"b\"").withPriority(1)).get(0);
      f.enqueue(f.spec("\"later\"").withRunAfter(f.clock.instant().plus(Duration.ofHours(1))));
      List<Job> first = claim(f, "w1", 2);
      assertThat(first).extracting(Job::id).containsExactly(urgentOld, urgentNew);
      assertThat(first).allSatisfy(j -> assertThat(j.status()).isEqualTo(JobStatus.RUNNING));
      assertThat(first).allSatisfy(j -> assertThat(j.attempt()).isEqualTo(1));
      assertThat(first).allSatisfy(j -> assertThat(j.leaseOwner()).isEqualTo("w1"));
      assertThat(claim(f, "w2", 10)).extracting(Job::id).containsExactly(low);
      assertThat(claim(f, "w2", 10)).isEmpty();
    }
  }

  @Test
  void finish_byWorkerThatLostItsLease_isRejected_andChangesNothing() {
    try (QueueFixture f = fixture(ctx -> null)) {
      UUID id = f.enqueue(f.spec(null)).get(0);
      claim(f, "dead", 1);
      f.advance(Duration.ofSeconds(31));
      f.queue.maintenance().rescueExpired();
      Job rescued = f.get(id);
      assertThat(rescued.status()).isEqualTo(JobStatus.PENDING);
      assertThat(rescued.attempt()).isEqualTo(1);
      claim(f, "alive", 1);
      Set<UUID> late = finish(f, "dead", new Completed(id, 1, "\"late\"", null));
      assertThat(late).isEmpty();
      Set<UUID> wrongAttempt = finish(f, "alive", new Completed(id, 1, "\"stale\"", null));
      assertThat(wrongAttempt).isEmpty();
      assertThat(f.get(id).status()).isEqualTo(JobStatus.RUNNING);
      assertThat(finish(f, "alive", new Completed(id, 2, "\"ok\"", null))).containsExactly(id);
      Job done = f.get(id);
      assertThat(done.status()).isEqualTo(JobStatus.COMPLETED);
      assertThat(done.result()).isEqualTo("\"ok\"");
      assertThat(finish(f, "alive", new Cancelled(id, 2, null))).isEmpty();
    }
  }

  @Test
  void rescuedAndReleasedJobs_keepTheirPlace_aheadOfJobsQueuedAfterThem() {
    try (QueueFixture f = fixture(ctx -> null)) {
      UUID first = f.enqueue(f.spec("\"first\"")).get(0);
      assertThat(claim(f, "dead", 1)).extracting(Job::id).containsExactly(first);
      f.advance(Duration.ofMillis(5));
      UUID later = f.enqueue(f.spec("\"later\"")).get(0);
      f.advance(Duration.ofSeconds(31));
      assertThat(
              f.store.jobRescueExpired(new JobStore.JobRescueExpiredParams(f.clock.instant(), 10)))
          .isEqualTo(1);
      assertThat(claim(f, "alive", 1)).extracting(Job::id).containsExactly(first);
      assertThat(
              f.store.jobRelease(
                  new JobStore.JobReleaseParams("alive", Map.of(first, 2), f.clock.instant())))
          .isEqualTo(1);
      Job released = f.get(first);
      assertThat(released.status()).isEqualTo(JobStatus.PENDING);
      assertThat(released.attempt()).isEqualTo(1);
      assertThat(claim(f, "alive", 1)).extracting(Job::id).containsExactly(first);
      assertThat(claim(f, "alive", 1)).extracting(Job::id).containsExactly(later);
    }
  }

  @Test
  void leaseExpiry_afterLastAttempt_failsTheJob_withTheReason() {
    try (QueueFixture f = fixture(ctx -> null)) {
      UUID id = f.enqueue(f.spec(null).withMaxAttempts(1)).get(0);
      claim(f, "dead", 1);
      f.advance(Duration.ofSeconds(29));
      f.queue.maintenance().rescueExpired();
      assertThat(f.get(id).status()).isEqualTo(JobStatus.RUNNING);
      f.advance(Duration.ofSeconds(2));
      f.queue.maintenance().rescueExpired();
      Job j = f.get(id);
      assertThat(j.status()).isEqualTo(JobStatus.FAILED);
      assertThat(j.error()).contains("lease expired");
      assertThat(j.finishedAt()).isEqualTo(f.clock.instant());
    }
  }

  @Test
  void heartbeat_extendsTheLease_soALongJobIsNeverRescued() {
    try (QueueFixture f = fixture(ctx -> null)) {
      UUID id = f.enqueue(f.spec(null)).get(0);
      claim(f, "w", 1);
      for (int i = 0; i < 10; i++) {
        f.advance(Duration.ofSeconds(20));
        JobStore.HeartbeatResult hb =
            f.store.jobHeartbeat(
                new JobStore.JobHeartbeatParams(
                    "w",
                    Map.of(id, 1),
                    f.clock.instant(),
                    f.clock.instant().plus(Duration.ofSeconds(30))));
        assertThat(hb.held()).containsExactly(id);
        f.queue.maintenance().rescueExpired();
        assertThat(f.get(id).leaseOwner()).isEqualTo("w");
      }
      assertThat(f.get(id).status()).isEqualTo(JobStatus.RUNNING);
      JobStore.HeartbeatResult stranger =
          f.store.jobHeartbeat(
              new JobStore.JobHeartbeatParams(
                  "other", Map.of(id, 1), f.clock.instant(), f.clock.instant()));
      assertThat(stranger.held()).isEmpty();
    }
  }

  @Test
  void oldestPending_isTheEarliestEnqueuedDueJob_skippingRunningAndNotYetDueOnes() {
    try (QueueFixture f = fixture(ctx -> null)) {
      assertThat(oldestPending(f)).isEmpty();
      Instant first = f.clock.instant();
      f.enqueue(f.spec("\"claimed\""));
      f.advance(Duration.ofSeconds(1));
      f.enqueue(f.spec("\"backoff\"").withRunAfter(f.clock.instant().plusSeconds(60)));
      f.advance(Duration.ofSeconds(1));
      Instant waiting = f.clock.instant();
      f.enqueue(f.spec("\"waiting\""));
      f.advance(Duration.ofSeconds(1));
      f.enqueue(f.spec("\"newest\""));
      assertThat(oldestPending(f)).contains(first);

      assertThat(claim(f, "w", 1)).hasSize(1);
      assertThat(oldestPending(f)).contains(waiting);

      f.advance(Duration.ofSeconds(60));
      assertThat(oldestPending(f)).as("due now").contains(first.plusSeconds(1));
      assertThat(
              f.store.jobOldestPending(
                  new JobStore.JobOldestPendingParams("someone-else", f.clock.instant())))
          .isEmpty();
    }
  }

  static Optional<Instant> oldestPending(QueueFixture f) {
    return f.store.jobOldestPending(
        new JobStore.JobOldestPendingParams(f.owner, f.clock.instant()));
  }

  static List<Job> claim(QueueFixture f, String worker, int limit) {
    return f.store.jobClaim(
        new JobClaimParams(
            worker,
            Set.of(f.type),
            limit,
            f.clock.instant(),
            f.clock.instant().plus(Duration.ofSeconds(30))));
  }

  static Set<UUID> finish(QueueFixture f, String worker, JobStore.Outcome o) {
    return f.store.jobFinishMany(new JobFinishManyParams(worker, List.of(o), f.clock.instant()));
  }

  static long count(QueueFixture f, JobStatus s) {
    return f.store.jobCountByStatus(new JobStore.JobCountByStatusParams(f.owner)).get(s);
  }

  @Test
  void insertMany_rejectsBlankOwner() {
    assertThatThrownBy(() -> new JobInsertManyParams(" ", null, null, List.of(), Instant.EPOCH))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ownerId");
  }
}
