/**
 * Seasonal decomposition: {@link io.gridcast.forecast.decompose.Stl} (R's {@code stats::stl()},
 * Cleveland et al. 1990), {@link io.gridcast.forecast.decompose.Mstl} (R's {@code
 * forecast::mstl()}, Bandara, Hyndman and Bergmeir 2021: STL for several periods in turn,
 * fractional periods such as 365.25 allowed), and {@link io.gridcast.forecast.decompose.MstlModel},
 * which forecasts a multi-seasonal series with a non-seasonal model on the adjusted series plus
 * each seasonal component's last cycle (the {@code mstl_ets} and {@code mstl_theta} models). Both
 * decompositions match R within 1e-6 on the fixtures of {@code bench/r/stl_fixtures.R}.
 */
package io.gridcast.forecast.decompose;
