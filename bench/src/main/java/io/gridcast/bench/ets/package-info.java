/** JMH benchmarks of the ETS family ({@code io.gridcast.forecast.ets}). */
package io.gridcast.bench.ets;
