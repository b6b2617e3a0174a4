package io.gridcast.queue.worker;

import io.gridcast.queue.Job;
import io.gridcast.queue.JobStore;
import io.gridcast.queue.JobStore.JobClaimParams;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Turns "room for n jobs" into claim statements: one for every type without a concurrency limit,
 * then one per limited type with room left under its limit. Called by one thread at a time.
 */
final class Claimer {
  private final JobStore store;
  private final PoolSettings settings;
  private final InstantSource clock;
  private final Map<String, AtomicInteger> busyByType;
  private final Set<String> unlimited = new HashSet<>();
  private final List<PoolSettings.Registration> limited = new ArrayList<>();

  Claimer(
      JobStore store,
      PoolSettings settings,
      InstantSource clock,
      Map<String, AtomicInteger> busyByType) {
    this.store = store;
    this.settings = settings;
    this.clock = clock;
    this.busyByType = busyByType;
    for (PoolSettings.Registration r : settings.handlers().values()) {
      if (r.maxConcurrency() <= 0) {
        unlimited.add(r.type());
      } else {
        limited.add(r);
      }
    }
  }

  /** A zero count of running jobs per registered type. */
  static Map<String, AtomicInteger> busyCounters(PoolSettings settings) {
    Map<String, AtomicInteger> busy = new ConcurrentHashMap<>();
    for (String type : settings.handlers().keySet()) {
      busy.put(type, new AtomicInteger());
    }
    return busy;
  }

  /** Claims up to {@code room} due jobs (none when room <= 0), leased to this pool. */
  List<Job> claim(int room) {
    if (room <= 0) {
      return List.of();
    }
    Instant now = clock.instant();
    Instant leaseUntil = now.plus(settings.lease());
    List<Job> jobs = new ArrayList<>();
    if (!unlimited.isEmpty()) {
      jobs.addAll(
          store.jobClaim(
              new JobClaimParams(settings.workerId(), unlimited, room, now, leaseUntil)));
    }
    for (PoolSettings.Registration r : limited) {
      int typeRoom =
          Math.min(
              room - jobs.size(),
              r.maxConcurrency() - busyByType.get(r.type()).get() - count(jobs, r.type()));
      if (typeRoom > 0) {
        jobs.addAll(
            store.jobClaim(
                new JobClaimParams(
                    settings.workerId(), Set.of(r.type()), typeRoom, now, leaseUntil)));
      }
    }
    return jobs;
  }

  private static int count(List<Job> jobs, String type) {
    int n = 0;
    for (Job j : jobs) {
      if (j.type().equals(type)) {
        n++;
      }
    }
    return n;
  }
}
