package io.gridcast.server.db;

/** The two databases the server runs on; SQL that differs between them switches on this. */
public enum Dialect {
  SQLITE,
  POSTGRESQL
}
