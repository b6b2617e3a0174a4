package io.gridcast.bench.queue;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * db-scheduler 16.12.0 on PostgreSQL under the harness, with ANCHORS.md's settings: polling every
 * 100 ms (default 10 s), a Hikari pool of 20, one-time tasks scheduled in batches. "Done" means the
 * task's rows are gone from {@code scheduled_tasks} (one-time tasks are deleted on completion).
 */
public final class DbSchedulerHarness implements QueueHarness {
  private static final String TASK = "bench";
  private static final Duration POLL = Duration.ofMillis(100);

  /** {@code fetch} (db-scheduler's default) or {@code lock-and-fetch}. */
  public enum Polling {
    FETCH,
    LOCK_AND_FETCH
  }

  private final String name;
  private final Polling polling;
  private final HikariDataSource ds;
  private final AtomicReference<Consumer<String>> body = new AtomicReference<>(p -> {});
  private final OneTimeTask<String> task;
  private final SchedulerClient client;
  private final AtomicLong serial = new AtomicLong();
  private long enqueued;
  private Scheduler scheduler;

  public DbSchedulerHarness(String name, BenchDatabases.Db db, Polling polling) {
    this.name = name;
    this.polling = polling;
    HikariConfig cfg = new HikariConfig();
    cfg.setJdbcUrl(db.url());
    cfg.setUsername(db.user());
    cfg.setPassword(db.password());
    cfg.setMaximumPoolSize(20);
    this.ds = new HikariDataSource(cfg);
    createTable();
    this.task =
        Tasks.oneTime(TASK, String.class).execute((inst, ctx) -> body.get().accept(inst.getData()));
    this.client = SchedulerClient.Builder.create(ds, task).build();
  }

  /** The DDL from db-scheduler's README (PostgreSQL); the library does not create it. */
  private void createTable() {
    try (Connection c = ds.getConnection();
        Statement s = c.createStatement()) {
      s.execute(
          "CREATE TABLE scheduled_tasks (task_name text NOT NULL, task_instance text NOT NULL,"
              + " task_data bytea, execution_time timestamp with time zone NOT NULL, picked"
              + " boolean NOT NULL, picked_by text, last_success timestamp with time zone,"
              + " last_failure timestamp with time zone, consecutive_failures int, last_heartbeat"
              + " timestamp with time zone, version bigint NOT NULL, priority smallint,"
              + " PRIMARY KEY (task_name, task_instance))");
      s.execute("CREATE INDEX execution_time_idx ON scheduled_tasks (execution_time)");
      s.execute("CREATE INDEX last_heartbeat_idx ON scheduled_tasks (last_heartbeat)");
      s.execute(
          "CREATE INDEX priority_execution_time_idx ON scheduled_tasks (priority DESC,"
              + " execution_time ASC)");
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create scheduled_tasks", e);
    }
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public void enqueue(List<String> payloads) {
    List<TaskInstance<?>> batch = new ArrayList<>(payloads.size());
    for (String p : payloads) {
      batch.add(task.instance("j" + serial.incrementAndGet(), p == null ? "" : p));
    }
    client.scheduleBatch(batch, Instant.now());
    enqueued += payloads.size();
  }

  @Override
  public void prepareWorkers(int slots, Consumer<String> b) {
    body.set(b);
    var builder = Scheduler.create(ds, task).threads(slots).pollingInterval(POLL);
    if (polling == Polling.LOCK_AND_FETCH) {
      builder = builder.pollUsingLockAndFetch(0.5, 1.0);
    }
    scheduler = builder.build();
  }

  @Override
  public void startWorkers() {
    scheduler.start();
  }

  @Override
  public void awaitCompleted(long n, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      long left = remaining();
      long done = enqueued - left;
      if (done >= n) {
        return;
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(name + ": only " + done + " of " + n + " completed");
      }
      Thread.sleep(20);
    }
  }

  private long remaining() {
    try (Connection c = ds.getConnection();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT count(*) FROM scheduled_tasks WHERE task_name = '" + TASK + "'")) {
      rs.next();
      return rs.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot count scheduled_tasks", e);
    }
  }

  @Override
  public void close() {
    if (scheduler != null) {
      scheduler.stop();
    }
    ds.close();
  }
}
