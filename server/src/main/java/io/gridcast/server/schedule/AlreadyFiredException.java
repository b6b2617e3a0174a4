package io.gridcast.server.schedule;

import io.gridcast.server.error.ServerException;
import java.time.Instant;
import java.util.Map;

/**
 * Another process claimed this fire time of the schedule first; the claim's transaction rolls back
 * and nothing is created. Not an error: it is how concurrent schedulers agree, and never reaches a
 * caller (its 409 is for completeness).
 */
public final class AlreadyFiredException extends ServerException {
  public AlreadyFiredException(String scheduleId, Instant fireAt) {
    super(
        409,
        "already_fired",
        "schedule " + scheduleId + " already fired for " + fireAt,
        Map.of("id", scheduleId, "fire_at", fireAt.toString()));
  }
}
