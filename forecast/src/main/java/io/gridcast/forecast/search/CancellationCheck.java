package io.gridcast.forecast.search;

/**
 * Polled by the optimizer before every candidate; when it answers true the run stops with {@link
 * OptimizationCancelledException}. Must be thread-safe and quick.
 */
@FunctionalInterface
public interface CancellationCheck {
  CancellationCheck NEVER = () -> false;

  boolean isCancelled();
}
