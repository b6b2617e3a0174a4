/** JMH benchmarks of the forecast core's streaming series reader (cost per CSV row). */
package io.gridcast.bench.series;
