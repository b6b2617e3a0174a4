/**
 * Numerical optimisation shared by the model families, each a port of the R routine its family is
 * checked against so that fits follow R's path: a Nelder-Mead simplex search ({@code optim(method =
 * "Nelder-Mead")}, for ETS) and BFGS with central-difference gradients and R's finite-difference
 * Hessian ({@code optim(method = "BFGS")}, for ARIMA).
 */
package io.gridcast.forecast.optim;
