/**
 * Scale-out proof harnesses: a real cluster of {@code gridcast api}, {@code gridcast worker} (or
 * {@code serve}) processes on PostgreSQL or SQLite, with faults injected while thousands of jobs
 * run ({@link io.gridcast.bench.cluster.ClusterRun}), HTTP load with open event streams ({@link
 * io.gridcast.bench.cluster.LoadRun}), and a long soak ({@link io.gridcast.bench.cluster.SoakRun}).
 * Invariants are counted from the database itself; a broken invariant ends the run with a line
 * starting {@code INVARIANT BROKEN} and a non-zero exit code.
 */
package io.gridcast.bench.cluster;
