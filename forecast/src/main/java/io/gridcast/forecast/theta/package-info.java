/**
 * The Theta family: the standard method as R's {@code forecast::thetaf()} ({@link
 * io.gridcast.forecast.theta.Theta}) and the optimised Theta model of Fiorucci et al. 2016 ({@link
 * io.gridcast.forecast.theta.OptimizedTheta}), sharing the seasonality test and multiplicative
 * adjustment.
 */
package io.gridcast.forecast.theta;
