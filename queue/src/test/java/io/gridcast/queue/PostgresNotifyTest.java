package io.gridcast.queue;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridcast.queue.TestDatabases.Db;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Every statement that writes events on PostgreSQL also notifies the other processes, so their
 * event streams hear of a claim or a completion at once instead of at their next poll. A listener
 * on its own connection (this class has its database to itself) sees the payload {@code e}.
 */
class PostgresNotifyTest {
  private static final Db DB = TestDatabases.postgres();

  @Test
  void aClaim_andACompletion_eachNotifyTheirEvents() throws Exception {
    try (QueueFixture f = new QueueFixture(DB, ctx -> null);
        Connection listen = DriverManager.getConnection(DB.url(), DB.user(), DB.password())) {
      try (Statement s = listen.createStatement()) {
        s.execute("LISTEN gridcast_queue");
      }
      PGConnection pg = listen.unwrap(PGConnection.class);
      UUID id = f.enqueue(f.spec(null)).get(0);
      assertThat(payloads(pg)).as("the insert's notification").anyMatch(p -> p.contains("e"));

      List<Job> claimed = JobStoreContract.claim(f, "w", 1);
      assertThat(claimed).extracting(Job::id).containsExactly(id);
      assertThat(payloads(pg)).as("the claim's notification").anyMatch(p -> p.contains("e"));

      JobStoreContract.finish(f, "w", new JobStore.Completed(id, 1, "\"done\"", null));
      assertThat(f.get(id).status()).isEqualTo(JobStatus.COMPLETED);
      assertThat(payloads(pg)).as("the completion's notification").anyMatch(p -> p.contains("e"));
    }
  }

  /** The payloads that arrive within 5 s (waits for the first, then takes what else is there). */
  private static List<String> payloads(PGConnection pg) throws SQLException {
    List<String> out = new ArrayList<>();
    PGNotification[] ns = pg.getNotifications(5_000);
    while (ns != null && ns.length > 0) {
      for (PGNotification n : ns) {
        out.add(n.getParameter());
      }
      ns = pg.getNotifications(1);
    }
    return out;
  }
}
