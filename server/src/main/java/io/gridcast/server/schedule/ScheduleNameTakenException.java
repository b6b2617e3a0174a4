package io.gridcast.server.schedule;

import io.gridcast.server.error.ServerException;
import java.util.Map;

/** The owner already has a schedule of this name (409). */
public final class ScheduleNameTakenException extends ServerException {
  public ScheduleNameTakenException(String name) {
    super(
        409,
        "conflict",
        "a schedule named '" + name + "' already exists",
        Map.of("field", "name", "name", name));
  }
}
