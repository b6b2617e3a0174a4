/**
 * Everything SQL, shared by the queue and the server's stores: {@link
 * io.gridcast.queue.jdbc.JdbcDatabase} (one database as a process uses it: the pool, the dialect
 * recognised once from the JDBC URL, SQLite's writer lock, local wake-ups, the one {@code inTx}
 * transaction frame, Flyway migrations under a history table of the caller's choosing), {@link
 * io.gridcast.queue.jdbc.Dialect} (every statement and fragment that differs between SQLite and
 * PostgreSQL, including the queue's claim, heartbeat and completion batches), and the one JDBC
 * implementation of {@link io.gridcast.queue.JobStore}. No SQL of the queue lives outside this
 * package; the server's stores build on {@code JdbcDatabase} and ask its dialect for what differs.
 */
package io.gridcast.queue.jdbc;
