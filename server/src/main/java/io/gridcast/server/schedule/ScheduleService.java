package io.gridcast.server.schedule;

import io.gridcast.queue.jdbc.UuidV7;
import io.gridcast.server.dataset.Dataset;
import io.gridcast.server.dataset.DatasetStore;
import io.gridcast.server.job.InvalidJobRequestException;
import io.gridcast.server.job.JobService;
import io.gridcast.server.job.JobType;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Objects;

/**
 * Creates, reads, changes and deletes schedules, checking every field: a bad cron, time zone, type,
 * dataset name or job option is refused (422) naming the field. Thread-safe.
 */
public final class ScheduleService {
  /** The longest schedule name. */
  public static final int MAX_NAME_LENGTH = 200;

  private final ScheduleStore store;
  private final DatasetStore datasets;
  private final JobService jobs;
  private final InstantSource clock;
  private final UuidV7 ids;

  public ScheduleService(
      ScheduleStore store, DatasetStore datasets, JobService jobs, InstantSource clock) {
    this.store = Objects.requireNonNull(store, "store");
    this.datasets = Objects.requireNonNull(datasets, "datasets");
    this.jobs = Objects.requireNonNull(jobs, "jobs");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.ids = new UuidV7(clock);
  }

  public ScheduleStore store() {
    return store;
  }

  /** Stores a new schedule of {@code ownerId}; its first fire is the cron's next time from now. */
  public Schedule create(String ownerId, ScheduleRequest r) {
    String name = r.name() == null ? null : r.name().strip();
    if (name == null || name.isEmpty()) {
      throw new InvalidScheduleException("name", "name is required");
    }
    if (name.length() > MAX_NAME_LENGTH || name.indexOf('\0') >= 0) {
      throw new InvalidScheduleException(
          "name", "name must be 1.." + MAX_NAME_LENGTH + " characters without NUL");
    }
    String zone = r.timeZone() == null ? "UTC" : r.timeZone();
    FireTimes times = FireTimes.parse(r.cron(), zone);
    String type = type(r.type());
    if (r.datasetName() == null || r.datasetName().isBlank()) {
      throw new InvalidScheduleException("dataset_name", "dataset_name is required");
    }
    Dataset d =
        datasets
            .latestNamed(ownerId, r.datasetName())
            .orElseThrow(() ->
                new InvalidScheduleException(
                    "dataset_name",
                    "no dataset named '" + r.datasetName() + "' to schedule jobs on"));
    String options = ScheduleOptions.normalized(r.options());
    checkOptions(options, d.id(), type);
    Instant now = clock.instant();
    Schedule s =
        new Schedule(
            ids.next().toString(),
            ownerId,
            name,
            times.cron(),
            times.zone().getId(),
            r.datasetName(),
            type,
            options,
            next(times, now),
            null,
            null,
            null,
            null,
            now,
            now);
    if (!store.insert(s)) {
      throw new ScheduleNameTakenException(name);
    }
    return s;
  }

  public List<Schedule> list(String ownerScope) {
    return store.list(ownerScope);
  }

  public Schedule get(String ownerScope, String id) {
    return store.get(ownerScope, id).orElseThrow(() -> new ScheduleNotFoundException(id));
  }

  /** The newest fires of a schedule, newest first. */
  public List<ScheduleFire> fires(String ownerScope, String id, int limit) {
    return store.fires(get(ownerScope, id).id(), limit);
  }

  /**
   * Applies a change. A new cron or time zone, and a resume, compute the next fire time from now; a
   * pause keeps it (shown as none while paused).
   */
  public Schedule update(String ownerScope, String id, ScheduleChange c) {
    Schedule s = get(ownerScope, id);
    String cron = c.cron() != null ? c.cron() : s.cron();
    String zone = c.timeZone() != null ? c.timeZone() : s.timeZone();
    FireTimes times = FireTimes.parse(cron, zone);
    String options = c.options() != null ? ScheduleOptions.normalized(c.options()) : s.options();
    if (c.options() != null) {
      Dataset d = datasets.latestNamed(s.ownerId(), s.datasetName()).orElse(null);
      checkOptions(options, d == null ? null : d.id(), s.type());
    }
    Instant now = clock.instant();
    boolean timesChanged = c.cron() != null || c.timeZone() != null;
    boolean resumed = Boolean.FALSE.equals(c.paused()) && s.paused();
    Instant next = timesChanged || resumed ? next(times, now) : s.nextFireAt();
    Instant pausedAt =
        c.paused() == null ? s.pausedAt() : c.paused() ? orNow(s.pausedAt(), now) : null;
    Schedule changed =
        new Schedule(
            s.id(),
            s.ownerId(),
            s.name(),
            times.cron(),
            times.zone().getId(),
            s.datasetName(),
            s.type(),
            options,
            next,
            pausedAt,
            s.lastFireAt(),
            s.lastBatchId(),
            s.lastError(),
            s.createdAt(),
            now);
    store.update(changed);
    return changed;
  }

  public void delete(String ownerScope, String id) {
    if (!store.delete(ownerScope, id)) {
      throw new ScheduleNotFoundException(id);
    }
  }

  /** The first fire time after {@code now}. */
  static Instant next(FireTimes times, Instant now) {
    return times
        .nextAfter(now)
        .orElseThrow(() -> new InvalidScheduleException("cron", times.cron() + " never fires"));
  }

  private static Instant orNow(Instant t, Instant now) {
    return t != null ? t : now;
  }

  private static String type(String type) {
    if (type == null) {
      return JobType.OPTIMIZATION.key();
    }
    return JobType.parse(type)
        .map(JobType::key)
        .orElseThrow(() ->
            new InvalidScheduleException(
                "type", "type must be optimization, validation or rescoring, got '" + type + "'"));
  }

  /** Validates the options as the fire's job request, naming {@code options.<field>}. */
  private void checkOptions(String options, String datasetId, String type) {
    try {
      jobs.prepare(ScheduleOptions.request(options, datasetId, type));
    } catch (InvalidJobRequestException e) {
      throw new InvalidScheduleException("options." + e.field(), e.getMessage());
    }
  }
}
