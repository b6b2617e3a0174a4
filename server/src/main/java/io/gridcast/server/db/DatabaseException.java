package io.gridcast.server.db;

/** A database operation failed for a reason the caller cannot fix (I/O, lost connection). */
public final class DatabaseException extends RuntimeException {
  public DatabaseException(String message, Throwable cause) {
    super(message, cause);
  }
}
