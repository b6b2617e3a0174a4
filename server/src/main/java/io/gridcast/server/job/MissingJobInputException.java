package io.gridcast.server.job;

import io.gridcast.server.error.ServerException;
import java.util.Map;

/**
 * What a job needs is not there when it runs: the stored best model a rescoring refits, the series
 * of a dataset. The message says what is missing and what to do.
 */
public final class MissingJobInputException extends ServerException {
  public MissingJobInputException(String message) {
    super(422, "missing_job_input", message, Map.of());
  }
}
