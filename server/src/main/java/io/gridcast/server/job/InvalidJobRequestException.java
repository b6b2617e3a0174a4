package io.gridcast.server.job;

import java.util.Map;

/** A job request the server refuses: the field and the problem, with the bad value. */
public final class InvalidJobRequestException extends RuntimeException {
  private final String field;
  private final Map<String, Object> details;

  public InvalidJobRequestException(String field, String message) {
    this(field, message, Map.of());
  }

  public InvalidJobRequestException(String field, String message, Map<String, Object> extra) {
    super(message);
    this.field = field;
    java.util.Map<String, Object> d = new java.util.LinkedHashMap<>(extra);
    d.put("field", field);
    this.details = Map.copyOf(d);
  }

  public String field() {
    return field;
  }

  public Map<String, Object> details() {
    return details;
  }
}
