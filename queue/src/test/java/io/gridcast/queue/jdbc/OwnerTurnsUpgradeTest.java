package io.gridcast.queue.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridcast.queue.Job;
import io.gridcast.queue.JobStore.JobClaimParams;
import io.gridcast.queue.ManualClock;
import io.gridcast.queue.TestDatabases;
import io.gridcast.queue.TestDatabases.Db;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Jobs waiting when the owner turns arrive (migration V3 on SQLite, V4 on PostgreSQL) get each
 * owner's claim order as turns: owners take turns from the first claim after the upgrade.
 */
class OwnerTurnsUpgradeTest {
  private final ManualClock clock = new ManualClock(Instant.parse("2030-01-01T00:00:00Z"));

  @ParameterizedTest
  @ValueSource(strings = {"sqlite", "postgresql"})
  void jobsQueuedBeforeTheUpgrade_areClaimedOwnerByOwner(String kind) throws Exception {
    Db db = kind.equals("sqlite") ? TestDatabases.sqlite() : TestDatabases.postgres();
    try (JdbcDatabase jdbc = JdbcDatabase.open(db.url(), db.user(), db.password(), 2)) {
      Dialect d = jdbc.dialect();
      Flyway.configure()
          .dataSource(jdbc.dataSource())
          .locations(d.migrationLocation("classpath:db/migration"))
          .table(QueueSchema.HISTORY_TABLE)
          .target(kind.equals("sqlite") ? "2" : "3")
          .load()
          .migrate();
      List<UUID> early = new ArrayList<>();
      UuidV7 ids = new UuidV7(clock);
      for (int i = 0; i < 3; i++) {
        early.add(insertPending(jdbc, ids.next(), "alice", clock.instant().plusMillis(i)));
      }
      UUID late = insertPending(jdbc, ids.next(), "bob", clock.instant().plusMillis(10));
      QueueSchema.migrate(jdbc);
      JdbcJobStore store = new JdbcJobStore(jdbc, clock);
      Instant now = clock.instant().plus(Duration.ofSeconds(1));
      List<Job> firstTwo =
          store.jobClaim(new JobClaimParams("w", Set.of("t"), 2, now, now.plusSeconds(30)));
      assertThat(firstTwo).extracting(Job::id).containsExactlyInAnyOrder(early.get(0), late);
    }
  }

  private static UUID insertPending(JdbcDatabase jdbc, UUID id, String owner, Instant at)
      throws Exception {
    Dialect d = jdbc.dialect();
    return jdbc.inTx(c -> {
      try (PreparedStatement ps =
          c.prepareStatement(
              "INSERT INTO job (id, owner_id, type, status, priority, batch_id, attempt,"
                  + " max_attempts, run_after, cancel_requested, created_at, updated_at)"
                  + " VALUES (?, ?, 't', 'pending', 0, ?, 0, 3, ?, ?, ?, ?)")) {
        d.setUuid(ps, 1, id);
        ps.setString(2, owner);
        d.setUuid(ps, 3, id);
        d.setInstant(ps, 4, at);
        d.setBoolean(ps, 5, false);
        d.setInstant(ps, 6, at);
        d.setInstant(ps, 7, at);
        ps.executeUpdate();
      }
      return id;
    });
  }
}
