/**
 * Benchmarks of the forecast core's streaming series reader: cost per CSV row in JMH wall time
 * ({@code SeriesCsvReaderBenchmark}) and in thread CPU time against the integer form ({@code
 * SeriesCsvReaderCpu}).
 */
package io.gridcast.bench.series;
