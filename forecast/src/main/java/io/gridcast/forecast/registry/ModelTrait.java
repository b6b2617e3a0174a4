package io.gridcast.forecast.registry;

/** What a model needs or suits, used by {@link DefaultSelection} to choose candidates. */
public enum ModelTrait {
  /** Uses the seasonal period: needs {@code period > 1} and two full seasons of data. */
  SEASONAL,
  /** Needs strictly positive values (multiplicative models). */
  POSITIVE_ONLY,
  /** Made for intermittent demand (many zeros): Croston, SBA, TSB. */
  INTERMITTENT,
  /** Only for intermittent series; left out of the default for regular ones. */
  INTERMITTENT_ONLY,
  /**
   * Uses covariates: skipped on a series without them or whose future rows do not cover the
   * horizon.
   */
  COVARIATES
}
