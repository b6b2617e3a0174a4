package io.gridcast.server.cache;

import java.time.Duration;
import java.time.InstantSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The disk tier's count and bytes as {@link ResultCache#stats()} shows them: read again after this
 * process changed the table, else at most once per {@link #MAX_AGE} (gauges may ask often; other
 * processes' writes show up within it). Thread-safe.
 */
final class DiskFigures {
  private static final Logger LOG = LoggerFactory.getLogger(DiskFigures.class);

  /** How old the figures may be. */
  static final Duration MAX_AGE = Duration.ofSeconds(1);

  private final DiskTier disk;
  private final InstantSource clock;
  private volatile DiskTier.Figures figures;
  private volatile long readAtMs;
  private volatile boolean stale = true;

  DiskFigures(DiskTier disk, InstantSource clock) {
    this.disk = disk;
    this.clock = clock;
  }

  /** This process changed the table: the next read goes to the database. */
  void changed() {
    stale = true;
  }

  /** The figures, or {@code (-1, -1)} when the database could not be read. */
  DiskTier.Figures read() {
    long now = clock.millis();
    DiskTier.Figures f = figures;
    if (f == null || stale || now - readAtMs >= MAX_AGE.toMillis()) {
      stale = false;
      try {
        f = disk.figures();
      } catch (RuntimeException e) {
        LOG.warn("result cache: counting the disk tier failed", e);
        return new DiskTier.Figures(-1, -1);
      }
      figures = f;
      readAtMs = now;
    }
    return f;
  }
}
