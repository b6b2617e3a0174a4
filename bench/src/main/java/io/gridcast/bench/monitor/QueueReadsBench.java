package io.gridcast.bench.monitor;

import io.gridcast.queue.JobQueue;
import io.gridcast.queue.JobSpec;
import io.gridcast.queue.JobStore;
import io.gridcast.queue.ManualClock;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * The cost of the queue reads behind the queue gauges, on a table of 100,000 pending jobs: {@code
 * jobOldestPending} (the oldest due pending job, for {@code
 * gridcast_queue_oldest_pending_age_seconds}) against {@code jobCountByStatus} (the maintained
 * counts behind {@code gridcast_queue_jobs}, read at the same moments). Two shapes: every job due,
 * and the 10,000 oldest waiting out a retry's backoff, which the oldest-pending read has to step
 * over. SQLite (a file) and PostgreSQL (embedded), one after the other; each read timed 300 times
 * after 30 warm-up reads, median and p95 reported, and PostgreSQL's plan printed.
 *
 * <p>Usage: {@code java -cp bench/target/benchmarks.jar io.gridcast.bench.monitor.QueueReadsBench
 * [--jobs 100000] [--sqlite-only]}.
 */
public final class QueueReadsBench {
  private static final int WARMUP = 30;
  private static final int READS = 300;
  private static final String OWNER = "bench";

  private QueueReadsBench() {}

  public static void main(String[] args) throws Exception {
    int jobs = Integer.parseInt(option(args, "--jobs", "100000"));
    Path dir = Files.createTempDirectory("gridcast-queue-reads");
    run("SQLite", "jdbc:sqlite:" + dir.resolve("queue.db"), null, null, jobs);
    if (!Arrays.asList(args).contains("--sqlite-only")) {
      try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start()) {
        String url = "jdbc:postgresql://localhost:" + pg.getPort() + "/postgres";
        run("PostgreSQL", url, "postgres", "postgres", jobs);
      }
    }
  }

  private static void run(String name, String url, String user, String password, int jobs)
      throws Exception {
    ManualClock clock = new ManualClock(Instant.parse("2026-12-07T00:00:00Z"));
    try (JobQueue queue =
        JobQueue.create(url, user, password)
            .manual()
            .clock(clock)
            .register("t", ctx -> null)
            .build()) {
      JobStore store = queue.store();
      int backoff = jobs / 10;
      long t0 = System.nanoTime();
      List<JobSpec> batch = new ArrayList<>();
      for (int i = 0; i < 2 * jobs; i++) {
        JobSpec s = JobSpec.of("t", null);
        if (i < jobs) {
          s = s.withAnswer("{}"); // inserted completed: the finished history before the backlog
        } else if (i < jobs + backoff) {
          s = s.withRunAfter(clock.instant().plus(Duration.ofHours(1)));
        }
        batch.add(s);
        if (batch.size() == 10_000) {
          queue.enqueue(OWNER, null, null, batch);
          batch.clear();
          clock.advance(Duration.ofMillis(10));
        }
      }
      if (!batch.isEmpty()) {
        queue.enqueue(OWNER, null, null, batch);
      }
      System.out.printf(
          Locale.ROOT,
          "%s: %,d completed and %,d pending jobs inserted in %.1f s%n",
          name,
          jobs,
          jobs,
          (System.nanoTime() - t0) / 1e9);
      if (user != null) {
        analyze(url, user, password);
      }
      Instant later = clock.instant().plus(Duration.ofHours(2));
      time(
          name,
          "jobCountByStatus",
          () -> store.jobCountByStatus(new JobStore.JobCountByStatusParams(null)));
      time(
          name,
          "jobOldestPending, every job due",
          () -> store.jobOldestPending(new JobStore.JobOldestPendingParams(null, later)));
      time(
          name,
          "jobOldestPending, the " + backoff + " oldest in backoff",
          () -> store.jobOldestPending(new JobStore.JobOldestPendingParams(null, clock.instant())));
      plan(url, user, password, clock.instant(), user == null);
    }
  }

  private static void time(String db, String what, Supplier<?> read) {
    for (int i = 0; i < WARMUP; i++) {
      read.get();
    }
    double[] ms = new double[READS];
    for (int i = 0; i < READS; i++) {
      long t = System.nanoTime();
      read.get();
      ms[i] = (System.nanoTime() - t) / 1e6;
    }
    Arrays.sort(ms);
    System.out.printf(
        Locale.ROOT,
        "%s %-45s median %.3f ms, p95 %.3f ms (%d reads)%n",
        db,
        what,
        ms[READS / 2],
        ms[(int) (READS * 0.95)],
        READS);
  }

  private static void analyze(String url, String user, String password) throws Exception {
    try (Connection c = DriverManager.getConnection(url, user, password);
        Statement st = c.createStatement()) {
      st.execute("ANALYZE job");
    }
  }

  /** The plan of the oldest-pending read (the store's SQL, with the time as a literal). */
  private static void plan(String url, String user, String password, Instant now, boolean sqlite)
      throws Exception {
    String query =
        "SELECT created_at FROM job WHERE status >= 'pending' AND status <= 'pending'"
            + " AND run_after <= "
            + (sqlite ? Long.toString(now.toEpochMilli()) : "'" + now + "'")
            + " ORDER BY status, id LIMIT 1";
    try (Connection c = DriverManager.getConnection(url, user, password);
        Statement st = c.createStatement();
        ResultSet rs =
            st.executeQuery(
                (sqlite ? "EXPLAIN QUERY PLAN " : "EXPLAIN (ANALYZE, BUFFERS) ") + query)) {
      while (rs.next()) {
        System.out.println("  " + rs.getString(sqlite ? 4 : 1));
      }
    }
  }

  private static String option(String[] args, String name, String dflt) {
    for (int i = 0; i + 1 < args.length; i++) {
      if (args[i].equals(name)) {
        return args[i + 1];
      }
    }
    return dflt;
  }
}
