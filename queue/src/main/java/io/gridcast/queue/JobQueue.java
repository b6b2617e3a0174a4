package io.gridcast.queue;

import io.gridcast.queue.JobStore.JobInsertManyParams;
import io.gridcast.queue.JobStore.JobInsertResult;
import io.gridcast.queue.event.EventSubscription;
import io.gridcast.queue.jdbc.JdbcDatabase;
import io.gridcast.queue.jdbc.JdbcJobStore;
import io.gridcast.queue.jdbc.QueueSchema;
import io.gridcast.queue.worker.Maintenance;
import io.gridcast.queue.worker.PoolSettings;
import io.gridcast.queue.worker.Signal;
import io.gridcast.queue.worker.WorkerPool;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The queue's one entry point: a store, a worker pool and event subscriptions over one database.
 *
 * <pre>{@code
 * JobQueue q = JobQueue.create("jdbc:sqlite:data/gridcast.db", null, null)
 *     .workers(4).lease(Duration.ofSeconds(30))
 *     .register("optimization", ctx -> "{\"ok\":true}")
 *     .build();
 * q.start();
 * q.store().jobInsertMany(...);
 * q.close();
 * }</pre>
 *
 * Thread-safe. {@link #stop} and {@link #close} are idempotent.
 */
public final class JobQueue implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(JobQueue.class);

  private final JdbcDatabase database;
  private final boolean ownsDatabase;
  private final JdbcJobStore store;
  private final PoolSettings settings;
  private final InstantSource clock;
  private final WorkerPool pool;
  private final Signal jobsSignal;
  private final Signal eventsSignal;
  private final JdbcDatabase.Registration commits;
  private final JdbcDatabase.Registration listener;
  private final List<EventSubscription> subscriptions = new CopyOnWriteArrayList<>();
  private final AtomicBoolean started = new AtomicBoolean();
  private final AtomicBoolean closed = new AtomicBoolean();
  private final AtomicLong localChanges = new AtomicLong();
  private final boolean manual;

  JobQueue(Builder b, JdbcDatabase database, boolean ownsDatabase) {
    this.database = database;
    this.ownsDatabase = ownsDatabase;
    this.clock = b.clock;
    this.manual = b.manual;
    if (b.migrate) {
      QueueSchema.migrate(database);
    }
    this.store = new JdbcJobStore(database, clock);
    this.jobsSignal = new Signal();
    this.eventsSignal = new Signal();
    // Every commit made through this database object, by this queue or another given the same
    // object, wakes this queue's dispatcher and subscriptions.
    this.commits =
        database.onCommit((jobs, events) -> {
          if (events) {
            localChanges.incrementAndGet();
          }
          if (jobs) {
            jobsSignal.fire();
          }
          if (events) {
            eventsSignal.fire();
          }
        });
    this.settings =
        new PoolSettings(
            b.workerId,
            b.workers,
            b.lease,
            b.heartbeat,
            b.pollInterval,
            b.claimAheadBudget,
            b.maintenanceInterval,
            b.retention,
            b.eventRetention,
            b.retryPolicy,
            b.handlers);
    this.pool = new WorkerPool(store, settings, clock, jobsSignal);
    this.listener = manual ? null : database.listen(jobsSignal::fire, eventsSignal::fire);
    LOG.info(
        "job queue: dialect={} workerId={} workers={} lease={} heartbeat={} poll={} retention={}"
            + " types={} manual={}",
        database.dialect(),
        b.workerId,
        b.workers,
        b.lease,
        b.heartbeat,
        b.pollInterval,
        b.retention,
        b.handlers.keySet(),
        manual);
  }

  /**
   * A queue over a database object shared with the rest of the process (its other stores, other
   * queues on the same database): they share its writer lock and wake each other on commit.
   */
  public static Builder create(JdbcDatabase database) {
    return new Builder(database, null, null, null, null);
  }

  /** A queue over a caller-owned data source (SQLite or PostgreSQL, detected). */
  public static Builder create(DataSource dataSource) {
    return new Builder(null, dataSource, null, null, null);
  }

  /**
   * A queue that builds and owns its connection pool ({@link JdbcDatabase#open}) for {@code
   * jdbc:sqlite:/path/gridcast.db} or {@code jdbc:postgresql://host:port/db}.
   */
  public static Builder create(String jdbcUrl, String user, String password) {
    return new Builder(null, null, jdbcUrl, user, password);
  }

  /**
   * A number that moves whenever a job change (creation, transition, progress, deletion) is
   * committed through this queue's database object, by this queue or any other given the same
   * {@link JdbcDatabase}, before the call that made it returns. A read of the store taken while it
   * stays the same has every such change: what a cache of reads needs for read-your-writes. Other
   * processes' changes do not move it.
   */
  public long localChangeVersion() {
    return localChanges.get();
  }

  public JobStore store() {
    return store;
  }

  public String workerId() {
    return settings.workerId();
  }

  /** Recovery (rescue of expired leases), then workers, heartbeats and maintenance. */
  public JobQueue start() {
    if (manual) {
      throw new IllegalStateException("a manual queue is driven by tick() and runDueJobsOnce()");
    }
    if (started.compareAndSet(false, true)) {
      pool.start();
    }
    return this;
  }

  /** Enqueues for one owner in one transaction; a convenience over {@link JobStore}. */
  public JobInsertResult enqueue(
      String ownerId, UUID batchId, String idempotencyKey, List<JobSpec> jobs) {
    return store.jobInsertMany(
        new JobInsertManyParams(ownerId, batchId, idempotencyKey, jobs, clock.instant()));
  }

  /**
   * Delivers every event with {@code seq > afterSeq}, in order, from every process, to {@code
   * listener} on a dedicated thread until the subscription is closed. Pass {@link
   * JobStore#eventLatestSeq()} to receive only new events.
   */
  public EventSubscription subscribe(long afterSeq, Consumer<JobEvent> listener) {
    EventSubscription s =
        new EventSubscription(
            store,
            eventsSignal,
            afterSeq,
            listener,
            settings.pollInterval(),
            database.dialect().eventGapsPossible(),
            Builder.EVENT_GAP_TIMEOUT);
    subscriptions.add(s);
    return s;
  }

  /** Manual mode: claims and runs every due job on this thread; returns attempts run. */
  public int runDueJobsOnce() {
    requireManual("runDueJobsOnce");
    return pool.runDueJobsOnce();
  }

  /** Manual mode: one heartbeat and one maintenance pass (rescue, retention, count folding). */
  public void tick() {
    requireManual("tick");
    pool.heartbeatOnce();
    pool.maintenance().runOnce();
    pool.maintenance().foldCounts();
  }

  /** Maintenance chores, callable in either mode (e.g. to measure or to force a rescue). */
  public Maintenance maintenance() {
    return pool.maintenance();
  }

  private void requireManual(String what) {
    if (!manual) {
      throw new IllegalStateException(what + " needs a manual queue (Builder.manual())");
    }
  }

  /** Graceful stop of the workers within {@code grace}; see {@link WorkerPool#stop}. */
  public void stop(Duration grace) {
    pool.stop(grace);
  }

  /**
   * Stops workers (default grace), subscriptions and the listener; closes the pool when the queue
   * built it from a URL.
   */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    pool.stop(Builder.DEFAULT_STOP_GRACE);
    for (EventSubscription s : subscriptions) {
      s.close();
    }
    if (listener != null) {
      listener.close();
    }
    commits.close();
    if (ownsDatabase) {
      database.close();
    }
  }

  /** Configuration with defaults as named constants; setters validate at once. */
  public static final class Builder extends JobQueueBuilderBase<Builder> {
    Builder(JdbcDatabase db, DataSource ds, String url, String user, String password) {
      super(db, ds, url, user, password);
    }

    /** Validates combinations, migrates (unless disabled) and builds; does not start threads. */
    public JobQueue build() {
      validate();
      if (database != null) {
        return new JobQueue(this, database, false);
      }
      if (dataSource != null) {
        return new JobQueue(this, JdbcDatabase.over(dataSource), false);
      }
      JdbcDatabase owned = JdbcDatabase.open(url, user, password, maxPoolSize);
      try {
        return new JobQueue(this, owned, true);
      } catch (RuntimeException e) {
        owned.close();
        throw e;
      }
    }
  }
}
