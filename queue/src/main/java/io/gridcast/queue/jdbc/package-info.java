/**
 * The one JDBC implementation of {@link io.gridcast.queue.JobStore} and everything SQL: the {@link
 * io.gridcast.queue.jdbc.Dialect} for what differs between SQLite and PostgreSQL, connection pools
 * built from a JDBC URL, Flyway migrations under their own history table, and PostgreSQL {@code
 * LISTEN/NOTIFY}. No SQL lives outside this package.
 */
package io.gridcast.queue.jdbc;
