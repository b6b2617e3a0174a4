package io.gridcast.server.monitor;

import io.gridcast.queue.JobStatus;
import io.gridcast.queue.JobStore;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Queue depth by status ({@code gridcast_queue_jobs{status}}) from the store's maintained counts
 * (no {@code COUNT(*)}), read at most once per {@link #MAX_AGE} however often Prometheus scrapes; a
 * failed read keeps the previous figures. Thread-safe.
 */
public final class QueueDepth {
  /** How old the cached counts may be before a scrape reads them again. */
  public static final Duration MAX_AGE = Duration.ofSeconds(5);

  private final JobStore store;
  private Map<JobStatus, Long> counts = new EnumMap<>(JobStatus.class);
  private long readAt = Long.MIN_VALUE;

  QueueDepth(JobStore store, MeterRegistry registry) {
    this.store = store;
    for (JobStatus s : JobStatus.values()) {
      Gauge.builder("gridcast.queue.jobs", this, q -> q.count(s))
          .description("Jobs by status, all owners (refreshed at most every 5 s)")
          .tag("status", s.name().toLowerCase(Locale.ROOT))
          .register(registry);
    }
  }

  /** The count of one status, at most {@link #MAX_AGE} old. */
  public synchronized double count(JobStatus s) {
    long now = System.nanoTime();
    if (readAt == Long.MIN_VALUE || now - readAt >= MAX_AGE.toNanos()) {
      try {
        counts = new EnumMap<>(store.jobCountByStatus(new JobStore.JobCountByStatusParams(null)));
      } catch (RuntimeException e) {
        // keep the previous figures: a scrape must not fail because the database is busy
      }
      readAt = now;
    }
    return counts.getOrDefault(s, 0L);
  }

  /** Every status's count, at most {@link #MAX_AGE} old. */
  public Map<String, Long> snapshot() {
    Map<String, Long> m = new LinkedHashMap<>();
    for (JobStatus s : JobStatus.values()) {
      m.put(s.name().toLowerCase(Locale.ROOT), (long) count(s));
    }
    return m;
  }
}
