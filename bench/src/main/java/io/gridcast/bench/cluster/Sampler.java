package io.gridcast.bench.cluster;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Samples the database's status counts every second, to give the completion rate over the time a
 * backlog existed (the cluster's capacity, not the submission pace).
 */
final class Sampler implements AutoCloseable {
  private record Point(long nanos, long completed, long pending) {}

  private final List<Point> points = Collections.synchronizedList(new ArrayList<>());
  private final Thread thread;
  private volatile boolean closed;

  Sampler(Invariants db) {
    thread =
        Thread.ofPlatform()
            .daemon()
            .name("sampler")
            .start(() -> {
              while (!closed) {
                try {
                  Map<String, Long> m = db.statusCounts();
                  points.add(
                      new Point(
                          System.nanoTime(),
                          m.getOrDefault("completed", 0L),
                          m.getOrDefault("pending", 0L)));
                  Thread.sleep(1000);
                } catch (InterruptedException e) {
                  return;
                } catch (Exception e) {
                  // database restarting: skip this sample
                }
              }
            });
  }

  /** Completions per second summed over the seconds that began with >= 50 jobs pending. */
  String backlogRate() {
    double secs = 0;
    long done = 0;
    synchronized (points) {
      for (int i = 1; i < points.size(); i++) {
        Point a = points.get(i - 1);
        Point b = points.get(i);
        if (a.pending() >= 50) {
          secs += (b.nanos() - a.nanos()) / 1e9;
          done += b.completed() - a.completed();
        }
      }
    }
    if (secs == 0) {
      return "no backlog seen";
    }
    return String.format(
        Locale.ROOT, "%.1f jobs/s (%d jobs over %.0f s with a backlog)", done / secs, done, secs);
  }

  @Override
  public void close() {
    closed = true;
    thread.interrupt();
  }
}
