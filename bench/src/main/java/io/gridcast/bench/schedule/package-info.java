/** Harness of the scheduler: its CPU cost on an idle API process and how late schedules fire. */
package io.gridcast.bench.schedule;
