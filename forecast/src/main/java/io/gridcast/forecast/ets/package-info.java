/**
 * The exponential-smoothing state-space family ETS(error, trend, season) of Hyndman, Koehler, Ord
 * and Snyder (2008), fitted by maximum likelihood and selected by AICc as R's {@code
 * forecast::ets()} does. Entry point: {@link io.gridcast.forecast.ets.EtsSpec}; the optimiser is
 * {@link io.gridcast.forecast.optim.NelderMead}.
 */
package io.gridcast.forecast.ets;
