/**
 * Exponential smoothing: SES, Holt, damped Holt, additive and multiplicative Holt-Winters (one
 * recursion in the form of R's {@code forecast::HoltWintersZZ}), their initial states ({@link
 * io.gridcast.forecast.smoothing.Initialization}), parameter estimation ({@link
 * io.gridcast.forecast.smoothing.BoundedMinimizer}), the classical decomposition, and the
 * side-by-side grid kernels the optimizer calls ({@link
 * io.gridcast.forecast.smoothing.SmoothingKernels}).
 */
package io.gridcast.forecast.smoothing;
