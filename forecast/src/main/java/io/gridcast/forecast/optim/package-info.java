/**
 * Derivative-free numerical optimisation shared by the model families: a Nelder-Mead simplex search
 * that reproduces R's {@code optim(method = "Nelder-Mead")} step for step.
 */
package io.gridcast.forecast.optim;
