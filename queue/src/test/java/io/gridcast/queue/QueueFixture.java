package io.gridcast.queue;

import io.gridcast.queue.TestDatabases.Db;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/** A manual queue on a test database with its own clock, owner and job type (for isolation). */
final class QueueFixture implements AutoCloseable {
  final ManualClock clock = new ManualClock(Instant.parse("2030-01-01T00:00:00Z"));
  final String owner = "owner-" + UUID.randomUUID();
  final String type = "type-" + UUID.randomUUID();
  final JobQueue queue;
  final JobStore store;

  QueueFixture(Db db, JobHandler handler) {
    this(db, handler, b -> {});
  }

  QueueFixture(Db db, JobHandler handler, Consumer<JobQueue.Builder> tweak) {
    JobQueue.Builder b =
        JobQueue.create(db.url(), db.user(), db.password())
            .manual()
            .clock(clock)
            .workers(4)
            .lease(Duration.ofSeconds(30))
            .retryPolicy(new RetryPolicy(Duration.ofSeconds(10), Duration.ofMinutes(5), 0.2))
            .register(type, handler);
    tweak.accept(b);
    queue = b.build();
    store = queue.store();
  }

  List<UUID> enqueue(JobSpec... specs) {
    return queue.enqueue(owner, null, null, List.of(specs)).jobIds();
  }

  JobSpec spec(String payload) {
    return JobSpec.of(type, payload);
  }

  Job get(UUID id) {
    return store.jobGet(new JobStore.JobGetParams(id, null)).orElseThrow();
  }

  void advance(Duration d) {
    clock.advance(d);
  }

  @Override
  public void close() {
    queue.close();
  }
}
