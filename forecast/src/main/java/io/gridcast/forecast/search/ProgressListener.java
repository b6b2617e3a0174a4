package io.gridcast.forecast.search;

/**
 * Receives progress: for one series, candidates evaluated out of the total; for a batch, series
 * finished out of the total (or -1 when the total is not known). Called on worker threads; must be
 * thread-safe and quick.
 */
@FunctionalInterface
public interface ProgressListener {
  ProgressListener NONE = (done, total) -> {};

  void progress(long done, long total);
}
