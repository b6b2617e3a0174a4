package io.gridcast.server.schedule;

import io.gridcast.server.error.ServerException;
import java.util.Map;

/** No schedule with this id for this caller (404, as for another owner's). */
public final class ScheduleNotFoundException extends ServerException {
  public ScheduleNotFoundException(String id) {
    super(404, "not_found", "schedule not found: " + id, Map.of("kind", "schedule", "id", id));
  }
}
