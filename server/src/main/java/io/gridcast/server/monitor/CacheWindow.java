package io.gridcast.server.monitor;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.Optional;

/**
 * The result cache's hit rate over a sliding window, from the cumulative hit and miss counts read
 * at each sample: {@code 100 * (hits(now) - hits(base)) / (lookups(now) - lookups(base))}, where
 * {@code base} is the latest sample at least {@code window} old. It is judged only once such a
 * sample exists (the process has sampled for a whole window: a fresh cache is cold by nature) and
 * the window holds at least {@code minLookups} lookups (a handful of misses says nothing). Keeps
 * one point per sample of the last window. Not thread-safe: the monitor's sampling calls it under
 * its own lock.
 */
final class CacheWindow {
  private record Point(Instant at, long hits, long lookups) {}

  private final Duration window;
  private final long minLookups;
  private final Deque<Point> points = new ArrayDeque<>();

  CacheWindow(Duration window, long minLookups) {
    this.window = window;
    this.minLookups = minLookups;
  }

  /**
   * Adds the counts read at {@code at} and returns the window's hit rate in percent, empty while it
   * is not judged.
   */
  Optional<Double> add(Instant at, CacheFigures counts) {
    Point now = new Point(at, counts.hits(), counts.hits() + counts.misses());
    Point last = points.peekLast();
    if (last != null && now.lookups() < last.lookups()) {
      points.clear(); // the counters restarted (a new cache bound): start a new window
    }
    points.addLast(now);
    Instant start = at.minus(window);
    while (points.size() > 1 && !second().at().isAfter(start)) {
      points.removeFirst(); // the second point is old enough to be the base: drop the first
    }
    Point base = points.peekFirst();
    if (base == now || base.at().isAfter(start)) {
      return Optional.empty();
    }
    long lookups = now.lookups() - base.lookups();
    if (lookups < minLookups) {
      return Optional.empty();
    }
    return Optional.of(100.0 * (now.hits() - base.hits()) / lookups);
  }

  private Point second() {
    Iterator<Point> it = points.iterator();
    it.next();
    return it.next();
  }
}
