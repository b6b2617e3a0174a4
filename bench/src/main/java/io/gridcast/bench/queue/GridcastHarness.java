package io.gridcast.bench.queue;

import io.gridcast.queue.JobQueue;
import io.gridcast.queue.JobSpec;
import io.gridcast.queue.JobStatus;
import io.gridcast.queue.JobStore;
import io.gridcast.queue.jdbc.JdbcDatabase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Gridcast's queue under the harness: an enqueuing {@link JobQueue} and a worker queue. On SQLite
 * they are one process's two queues on one shared {@link JdbcDatabase} (its writer lock and
 * wake-ups; the workers hear every enqueue at once); on PostgreSQL each builds its own pool, as two
 * processes would, and hears the other by {@code NOTIFY}.
 */
public final class GridcastHarness implements QueueHarness {
  private static final String TYPE = "bench";
  private static final String OWNER = "bench";

  private final String name;
  private final BenchDatabases.Db db;
  private final Duration claimAheadBudget;
  private final AtomicReference<Consumer<String>> body = new AtomicReference<>(p -> {});
  private final JdbcDatabase shared;
  private JobQueue queue;
  private JobQueue enqueuer;

  /**
   * @param sharedPoolSize connections of the one pool both queues share; 0 for a pool per queue
   * @param claimAheadBudget the pool's claim-ahead budget; {@link Duration#ZERO} claims for free
   *     slots only
   */
  public GridcastHarness(
      String name, BenchDatabases.Db db, int sharedPoolSize, Duration claimAheadBudget) {
    this.name = name;
    this.db = db;
    this.claimAheadBudget = claimAheadBudget;
    this.shared =
        sharedPoolSize > 0
            ? JdbcDatabase.open(db.url(), db.user(), db.password(), sharedPoolSize)
            : null;
    this.enqueuer = builder().workers(0).build();
  }

  private JobQueue.Builder builder() {
    return shared != null
        ? JobQueue.create(shared)
        : JobQueue.create(db.url(), db.user(), db.password());
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public void enqueue(List<String> payloads) {
    List<JobSpec> specs = new ArrayList<>(payloads.size());
    for (String p : payloads) {
      specs.add(JobSpec.of(TYPE, p));
    }
    enqueuer.enqueue(OWNER, null, null, specs);
  }

  @Override
  public void prepareWorkers(int slots, Consumer<String> b) {
    body.set(b);
    queue =
        builder()
            .workers(slots)
            .claimAheadBudget(claimAheadBudget)
            .register(
                TYPE,
                ctx -> {
                  body.get().accept(ctx.payload());
                  return null;
                })
            .build();
  }

  @Override
  public void startWorkers() {
    queue.start();
  }

  @Override
  public void awaitCompleted(long n, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    JobStore store = enqueuer.store();
    while (true) {
      long done =
          store
              .jobCountByStatus(new JobStore.JobCountByStatusParams(OWNER))
              .get(JobStatus.COMPLETED);
      if (done >= n) {
        return;
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(name + ": only " + done + " of " + n + " completed");
      }
      Thread.sleep(20);
    }
  }

  /** Subscribes to new events, counting them (to measure what a live subscriber costs). */
  AutoCloseable subscribe(AtomicLong counter) {
    return enqueuer.subscribe(enqueuer.store().eventLatestSeq(), e -> counter.incrementAndGet());
  }

  @Override
  public void close() {
    if (queue != null) {
      queue.close();
    }
    enqueuer.close();
    if (shared != null) {
      shared.close();
    }
  }
}
