package io.gridcast.forecast.search;

/** How the prediction intervals of a result were made. */
public enum IntervalMethod {
  /** From the fitted model's distribution ({@code FittedModel.interval}). */
  ANALYTIC,
  /** From the backtest errors per horizon step (see {@link GridOptimizer}). */
  BACKTEST
}
