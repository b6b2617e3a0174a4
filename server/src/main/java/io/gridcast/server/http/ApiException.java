package io.gridcast.server.http;

import java.util.Map;

/**
 * A request the API refuses, with the HTTP status, a stable machine code, a message naming the
 * field and the problem, and optional details (field, line, column, allowed values ...).
 */
public class ApiException extends RuntimeException {
  private final int status;
  private final String code;
  private final Map<String, Object> details;

  public ApiException(int status, String code, String message, Map<String, Object> details) {
    super(message);
    this.status = status;
    this.code = code;
    this.details = Map.copyOf(details);
  }

  public ApiException(int status, String code, String message) {
    this(status, code, message, Map.of());
  }

  public int status() {
    return status;
  }

  public String code() {
    return code;
  }

  public Map<String, Object> details() {
    return details;
  }

  /** 400: a parameter or field is malformed (wrong type, out of range, missing). */
  public static ApiException badRequest(String field, String message) {
    return new ApiException(400, "invalid_parameter", message, Map.of("field", field));
  }

  /** 404: no such resource for this caller. */
  public static ApiException notFound(String kind, String id) {
    return new ApiException(
        404, "not_found", kind + " not found: " + id, Map.of("kind", kind, "id", id));
  }
}
