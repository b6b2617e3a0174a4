package io.gridcast.server.job;

import io.gridcast.server.error.ServerException;
import java.util.Map;

/**
 * A job attempt ended by a failure, worded for the job's owner: the queue stores this exception's
 * text as the job's {@code error}, so {@link #toString()} is the message alone, never a class name.
 * The original failure is the cause, for the log.
 */
public final class JobFailedException extends ServerException {
  JobFailedException(String message, Throwable cause) {
    super(500, "job_failed", message, Map.of(), cause);
  }

  @Override
  public String toString() {
    return getMessage();
  }
}
