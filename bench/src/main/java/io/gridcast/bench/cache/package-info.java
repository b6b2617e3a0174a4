/**
 * The result cache harness ({@code ResultCacheBench}): a first optimization of 1,000 SKUs, the same
 * question again, and again after a restart on the same database; figures in docs/benchmarks.md.
 */
package io.gridcast.bench.cache;
