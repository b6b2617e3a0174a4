package io.gridcast.server.monitor;

import io.gridcast.queue.JobStatus;
import io.gridcast.queue.JobStore;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The queue as a whole, all owners: jobs by status ({@code gridcast_queue_jobs{status}}, from the
 * store's maintained counts, no {@code COUNT(*)}) and the age of the oldest pending job that is due
 * ({@code gridcast_queue_oldest_pending_age_seconds}: now minus its enqueue time, 0 when none
 * waits; one indexed row, {@link JobStore#jobOldestPending}). Both are read from the database at
 * most once per {@link #MAX_AGE} however often Prometheus scrapes; the age is computed at each
 * scrape from the enqueue time read, so it grows smoothly between reads. A failed read keeps the
 * previous figures. Thread-safe.
 */
public final class QueueDepth {
  /** How old the figures read from the database may be before a scrape reads them again. */
  public static final Duration MAX_AGE = Duration.ofSeconds(5);

  private final JobStore store;
  private final InstantSource clock;
  private Map<JobStatus, Long> counts = new EnumMap<>(JobStatus.class);
  private Optional<Instant> oldestPending = Optional.empty();
  private long readAt = Long.MIN_VALUE;

  QueueDepth(JobStore store, InstantSource clock, MeterRegistry registry) {
    this.store = store;
    this.clock = clock;
    for (JobStatus s : JobStatus.values()) {
      Gauge.builder("gridcast.queue.jobs", this, q -> q.count(s))
          .description("Jobs by status, all owners (refreshed at most every 5 s)")
          .tag("status", s.name().toLowerCase(Locale.ROOT))
          .register(registry);
    }
    Gauge.builder(
            "gridcast.queue.oldest.pending.age.seconds", this, QueueDepth::oldestPendingSeconds)
        .description(
            "Seconds since the oldest due pending job was enqueued, 0 when none waits"
                + " (read at most every 5 s)")
        .register(registry);
  }

  /** The count of one status, at most {@link #MAX_AGE} old. */
  public synchronized double count(JobStatus s) {
    refresh();
    return counts.getOrDefault(s, 0L);
  }

  /** Seconds since the oldest due pending job was enqueued (read at most {@link #MAX_AGE} ago). */
  public synchronized double oldestPendingSeconds() {
    refresh();
    Instant now = clock.instant();
    return oldestPending
        .map(at -> Math.max(0, Duration.between(at, now).toMillis() / 1e3))
        .orElse(0.0);
  }

  private void refresh() {
    long now = System.nanoTime();
    if (readAt != Long.MIN_VALUE && now - readAt < MAX_AGE.toNanos()) {
      return;
    }
    readAt = now;
    try {
      counts = new EnumMap<>(store.jobCountByStatus(new JobStore.JobCountByStatusParams(null)));
      oldestPending =
          store.jobOldestPending(new JobStore.JobOldestPendingParams(null, clock.instant()));
    } catch (RuntimeException e) {
      // keep the previous figures: a scrape must not fail because the database is busy
    }
  }

  /** Every status's count, at most {@link #MAX_AGE} old. */
  public synchronized Map<String, Long> snapshot() {
    Map<String, Long> m = new LinkedHashMap<>();
    for (JobStatus s : JobStatus.values()) {
      m.put(s.name().toLowerCase(Locale.ROOT), (long) count(s));
    }
    return m;
  }
}
