package io.gridcast.server.schedule;

import io.gridcast.server.error.ServerException;
import java.util.Map;

/** A schedule the server refuses (422): the field and the problem, with the bad value. */
public final class InvalidScheduleException extends ServerException {
  private final String field;

  public InvalidScheduleException(String field, String message) {
    super(422, "invalid_schedule", message, Map.of("field", field));
    this.field = field;
  }

  public String field() {
    return field;
  }
}
