package io.gridcast.server.job;

import io.gridcast.server.error.ServerException;
import java.util.LinkedHashMap;
import java.util.Map;

/** A job request the server refuses (422): the field and the problem, with the bad value. */
public final class InvalidJobRequestException extends ServerException {
  private final String field;

  public InvalidJobRequestException(String field, String message) {
    this(field, message, Map.of());
  }

  public InvalidJobRequestException(String field, String message, Map<String, ?> extra) {
    super(422, "invalid_job_request", message, withField(extra, field));
    this.field = field;
  }

  private static Map<String, Object> withField(Map<String, ?> extra, String field) {
    Map<String, Object> d = new LinkedHashMap<>(extra);
    d.put("field", field);
    return d;
  }

  public String field() {
    return field;
  }
}
