/**
 * The server's share of the job database: the connection pool every component of a process uses,
 * and the server's own Flyway migrations ({@code db/migration/server/<dialect>}, history table
 * {@code server_schema_history}) beside the queue's.
 */
package io.gridcast.server.db;
