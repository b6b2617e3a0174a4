/**
 * JMH benchmarks of the forecast core's side-by-side grid kernels (cost per observation x
 * candidate).
 */
package io.gridcast.bench.kernel;
