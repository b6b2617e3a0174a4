/**
 * Intermittent demand: Croston, the Syntetos-Boylan approximation and Teunter-Syntetos-Babai, with
 * R's {@code forecast::croston} conventions.
 */
package io.gridcast.forecast.intermittent;
