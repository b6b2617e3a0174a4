/**
 * Intermittent demand: Croston, the Syntetos-Boylan approximation and Teunter-Syntetos-Babai, with
 * R's {@code forecast::croston} conventions; and temporal aggregation, ADIDA and IMAPA, as
 * statsforecast defines them.
 */
package io.gridcast.forecast.intermittent;
