package io.gridcast.queue.jdbc;

import java.sql.Connection;
import java.sql.SQLException;

/** Statements run on one connection (inside a transaction when given to {@code inTx}). */
@FunctionalInterface
public interface SqlWork<T> {
  T run(Connection c) throws SQLException;
}
