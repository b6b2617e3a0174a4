package io.gridcast.server.db;

import io.gridcast.server.error.ServerException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Map;

/**
 * A database operation failed for a reason the caller cannot fix (I/O, lost connection): a 500, or
 * a 503 when {@link #poolExhausted} or {@link #unavailable} says so.
 */
public final class DatabaseException extends ServerException {
  public DatabaseException(String message, Throwable cause) {
    super(500, "internal_error", message, Map.of(), cause);
  }

  /**
   * True when {@code e} (or a cause) is a connection-pool time-out: every pooled connection stayed
   * busy for the pool's timeout (Hikari's {@code SQLTransientConnectionException}), i.e. overload.
   */
  public static boolean poolExhausted(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLTransientConnectionException) {
        return true;
      }
    }
    return false;
  }

  /**
   * True when {@code e} (or a cause) says the database itself is gone for now: a connection failure
   * (SQLState class {@code 08}) or a server shutting down, restarting or not yet accepting
   * connections ({@code 57P01}-{@code 57P03}). Not a bug: the request may be retried shortly.
   */
  public static boolean unavailable(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql && sql.getSQLState() != null) {
        String state = sql.getSQLState();
        if (state.startsWith("08") || state.startsWith("57P")) {
          return true;
        }
      }
    }
    return false;
  }
}
