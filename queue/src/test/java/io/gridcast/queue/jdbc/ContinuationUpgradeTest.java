package io.gridcast.queue.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.gridcast.queue.ChildFailurePolicy;
import io.gridcast.queue.Job;
import io.gridcast.queue.JobAttempt;
import io.gridcast.queue.JobSpec;
import io.gridcast.queue.JobStatus;
import io.gridcast.queue.JobStore.JobAttemptListParams;
import io.gridcast.queue.JobStore.JobClaimParams;
import io.gridcast.queue.JobStore.JobGetParams;
import io.gridcast.queue.JobStore.JobInsertManyParams;
import io.gridcast.queue.ManualClock;
import io.gridcast.queue.TestDatabases;
import io.gridcast.queue.TestDatabases.Db;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The continuation migration (V4 on SQLite, which rebuilds the job table; V5 on PostgreSQL) keeps
 * every job with its turn and every kept run, and the upgraded table takes waiting continuations.
 */
class ContinuationUpgradeTest {
  private final ManualClock clock = new ManualClock(Instant.parse("2030-01-01T00:00:00Z"));

  @ParameterizedTest
  @ValueSource(strings = {"sqlite", "postgresql"})
  void jobsAndTheirKeptRuns_surviveTheUpgrade_andContinuationsWaitAfterIt(String kind)
      throws Exception {
    Db db = kind.equals("sqlite") ? TestDatabases.sqlite() : TestDatabases.postgres();
    try (JdbcDatabase jdbc = JdbcDatabase.open(db.url(), db.user(), db.password(), 2)) {
      Dialect d = jdbc.dialect();
      Flyway.configure()
          .dataSource(jdbc.dataSource())
          .locations(d.migrationLocation("classpath:db/migration"))
          .table(QueueSchema.HISTORY_TABLE)
          .target(kind.equals("sqlite") ? "3" : "4")
          .load()
          .migrate();
      UuidV7 ids = new UuidV7(clock);
      UUID batch = ids.next();
      UUID queued = ids.next();
      UUID retried = ids.next();
      insert(jdbc, queued, batch, "pending", 7);
      insert(jdbc, retried, batch, "pending", 8);
      jdbc.inTx(c -> {
        try (PreparedStatement ps =
            c.prepareStatement(
                "INSERT INTO job_attempt (job_id, run, attempt, max_attempts, status, error,"
                    + " retried_at) VALUES (?, 1, 3, 3, 'failed', 'boom', ?)")) {
          d.setUuid(ps, 1, retried);
          d.setInstant(ps, 2, clock.instant());
          return ps.executeUpdate();
        }
      });

      QueueSchema.migrate(jdbc);

      JdbcJobStore store = new JdbcJobStore(jdbc, clock);
      Job kept = store.jobGet(new JobGetParams(queued, null)).orElseThrow();
      assertThat(kept.status()).isEqualTo(JobStatus.PENDING);
      assertThat(kept.batchId()).isEqualTo(batch);
      assertThat(kept.continuation()).isNull();
      assertThat(store.jobAttemptList(new JobAttemptListParams(retried)))
          .extracting(JobAttempt::run, JobAttempt::status, JobAttempt::error)
          .containsExactly(tuple(1, JobStatus.FAILED, "boom"));
      assertThat(
              store.jobClaim(
                  new JobClaimParams(
                      "w", Set.of("t"), 2, clock.instant(), clock.instant().plusSeconds(30))))
          .extracting(Job::id)
          .as("turns kept: claimed in turn order")
          .containsExactly(queued, retried);

      UUID after =
          store
              .jobInsertMany(
                  new JobInsertManyParams(
                      "alice",
                      null,
                      null,
                      List.of(JobSpec.of("t", null).withAfterBatch(batch, ChildFailurePolicy.RUN)),
                      clock.instant()))
              .jobIds()
              .get(0);
      assertThat(store.jobGet(new JobGetParams(after, null)).orElseThrow().status())
          .isEqualTo(JobStatus.WAITING);
    }
  }

  private static void insert(JdbcDatabase jdbc, UUID id, UUID batch, String status, long turn)
      throws Exception {
    Dialect d = jdbc.dialect();
    Instant at = Instant.parse("2030-01-01T00:00:00Z");
    jdbc.inTx(c -> {
      try (PreparedStatement ps =
          c.prepareStatement(
              "INSERT INTO job (id, owner_id, type, status, priority, batch_id, attempt,"
                  + " max_attempts, run_after, cancel_requested, created_at, updated_at, turn)"
                  + " VALUES (?, 'alice', 't', ?, 0, ?, 0, 3, ?, ?, ?, ?, ?)")) {
        d.setUuid(ps, 1, id);
        ps.setString(2, status);
        d.setUuid(ps, 3, batch);
        d.setInstant(ps, 4, at);
        d.setBoolean(ps, 5, false);
        d.setInstant(ps, 6, at);
        d.setInstant(ps, 7, at);
        ps.setLong(8, turn);
        return ps.executeUpdate();
      }
    });
  }
}
