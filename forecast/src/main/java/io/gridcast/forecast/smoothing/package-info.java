/**
 * Exponential smoothing: SES, Holt, damped Holt, additive and multiplicative Holt-Winters (one
 * recursion in the form of R's {@code forecast::HoltWintersZZ}), their initial states ({@link
 * io.gridcast.forecast.smoothing.Initialization}), parameter estimation ({@link
 * io.gridcast.forecast.smoothing.BoundedMinimizer}) and the classical decomposition. The parameters
 * minimise the sum of squared one-step errors, as R's {@code HoltWinters()} and {@code hw()} fits
 * do; the likelihood-based state-space family is in {@code io.gridcast.forecast.ets}.
 */
package io.gridcast.forecast.smoothing;
