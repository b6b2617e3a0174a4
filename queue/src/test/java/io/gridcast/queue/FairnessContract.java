package io.gridcast.queue;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridcast.queue.JobStore.JobCancelParams;
import io.gridcast.queue.JobStore.JobRetryParams;
import io.gridcast.queue.TestDatabases.Db;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Owners take turns: a late owner's job is not stuck behind another owner's backlog, and a priority
 * orders its owner's jobs only. Run on every database.
 */
abstract class FairnessContract {
  abstract Db db();

  final String other = "other-" + UUID.randomUUID();

  /** Enqueues {@code n} jobs for {@code owner} in one call, with {@code priority}. */
  static List<UUID> enqueue(QueueFixture f, String owner, int n, int priority) {
    List<JobSpec> specs = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      specs.add(f.spec("\"" + owner + "-" + i + "\"").withPriority(priority));
    }
    List<UUID> ids = f.queue.enqueue(owner, null, null, specs).jobIds();
    f.advance(Duration.ofMillis(1));
    return ids;
  }

  /** Claims one job at a time until none is due; returns the owners in claim order. */
  static List<Job> claimOneByOne(QueueFixture f) {
    List<Job> order = new ArrayList<>();
    while (true) {
      List<Job> one = JobStoreContract.claim(f, "w", 1);
      if (one.isEmpty()) {
        return order;
      }
      order.addAll(one);
    }
  }

  @Test
  void aLateOwnersJob_startsWithinTheFirstClaims_afterAnotherOwnersThirtyJobs() {
    try (QueueFixture f = new QueueFixture(db(), ctx -> null)) {
      enqueue(f, f.owner, 30, JobSpec.DEFAULT_PRIORITY);
      UUID late = enqueue(f, other, 1, JobSpec.DEFAULT_PRIORITY).get(0);
      List<Job> order = claimOneByOne(f);
      assertThat(order).hasSize(31);
      assertThat(order.stream().map(Job::id).toList().indexOf(late)).isBetween(0, 1);
    }
  }

  @Test
  void aLateOwnersJob_isInTheFirstBatch_whenAWorkerClaimsSeveral() {
    try (QueueFixture f = new QueueFixture(db(), ctx -> null)) {
      enqueue(f, f.owner, 30, JobSpec.DEFAULT_PRIORITY);
      UUID late = enqueue(f, other, 1, JobSpec.DEFAULT_PRIORITY).get(0);
      assertThat(JobStoreContract.claim(f, "w", 4)).extracting(Job::id).contains(late);
    }
  }

  @Test
  void ownersWithBacklogs_takeTurns_oneJobEachPerRound() {
    try (QueueFixture f = new QueueFixture(db(), ctx -> null)) {
      enqueue(f, f.owner, 10, JobSpec.DEFAULT_PRIORITY);
      enqueue(f, other, 10, JobSpec.DEFAULT_PRIORITY);
      List<String> owners = claimOneByOne(f).stream().map(Job::ownerId).toList();
      assertThat(owners).hasSize(20);
      for (int round = 0; round < 10; round++) {
        assertThat(owners.subList(2 * round, 2 * round + 2))
            .as("round " + round)
            .containsExactlyInAnyOrder(f.owner, other);
      }
    }
  }

  @Test
  void aRetriedJob_queuesBehindItsOwnersWaitingJobs_likeANewJob() {
    try (QueueFixture f = new QueueFixture(db(), ctx -> null)) {
      UUID retried = enqueue(f, f.owner, 1, JobSpec.DEFAULT_PRIORITY).get(0);
      f.store.jobCancel(new JobCancelParams(retried, f.owner, f.clock.instant()));
      enqueue(f, f.owner, 5, JobSpec.DEFAULT_PRIORITY);
      enqueue(f, other, 5, JobSpec.DEFAULT_PRIORITY);
      f.store.jobRetry(new JobRetryParams(retried, f.owner, f.clock.instant()));
      List<UUID> order = claimOneByOne(f).stream().map(Job::id).toList();
      assertThat(order).hasSize(11);
      assertThat(order.indexOf(retried)).isEqualTo(10);
    }
  }

  @Test
  void theLowestPriorityValue_ordersOnlyItsOwnersJobs_andJumpsNoOtherOwner() {
    try (QueueFixture f = new QueueFixture(db(), ctx -> null)) {
      UUID first = enqueue(f, other, 1, JobSpec.DEFAULT_PRIORITY).get(0);
      enqueue(f, f.owner, 3, Integer.MIN_VALUE);
      List<Job> order = claimOneByOne(f);
      assertThat(order).hasSize(4);
      assertThat(order.get(0).id()).isEqualTo(first);
    }
  }

  @Test
  void aBetterPriorityJob_overtakesItsOwnersWaitingJobs_withoutTakingAnotherOwnersTurns() {
    try (QueueFixture f = new QueueFixture(db(), ctx -> null)) {
      List<UUID> routine = enqueue(f, f.owner, 5, 5);
      enqueue(f, other, 5, 5);
      UUID urgent = enqueue(f, f.owner, 1, -5).get(0);
      List<Job> order = claimOneByOne(f);
      List<UUID> mine =
          order.stream().filter(j -> j.ownerId().equals(f.owner)).map(Job::id).toList();
      List<UUID> expected = new ArrayList<>(List.of(urgent));
      expected.addAll(routine);
      assertThat(mine).containsExactlyElementsOf(expected);
      List<String> owners = order.stream().map(Job::ownerId).toList();
      for (int i = 0; i + 1 < 10; i += 2) {
        assertThat(owners.subList(i, i + 2)).containsExactlyInAnyOrder(f.owner, other);
      }
    }
  }

  @Test
  void theWorkerPool_runsALateOwnersJob_amongItsFirstTwo() {
    List<String> ran = Collections.synchronizedList(new ArrayList<>());
    try (QueueFixture f =
        new QueueFixture(
            db(),
            ctx -> {
              ran.add(ctx.ownerId());
              return null;
            },
            b -> b.workers(1))) {
      enqueue(f, f.owner, 30, JobSpec.DEFAULT_PRIORITY);
      enqueue(f, other, 1, JobSpec.DEFAULT_PRIORITY);
      assertThat(f.queue.runDueJobsOnce()).isEqualTo(31);
      assertThat(ran.subList(0, 2)).contains(other);
    }
  }
}
