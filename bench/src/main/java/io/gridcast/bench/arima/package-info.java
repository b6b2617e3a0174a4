/** Automatic ARIMA against R's {@code auto.arima()} on M3 monthly: orders, accuracy, speed. */
package io.gridcast.bench.arima;
