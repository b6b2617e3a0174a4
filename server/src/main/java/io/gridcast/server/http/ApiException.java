package io.gridcast.server.http;

import io.gridcast.server.error.ServerException;
import java.util.Map;

/**
 * A request the HTTP layer refuses by itself (a malformed parameter, an unknown id, a missing
 * credential), with the HTTP status, a stable machine code, a message naming the field and the
 * problem, and optional details (field, line, column, allowed values ...).
 */
public class ApiException extends ServerException {

  public ApiException(int status, String code, String message, Map<String, ?> details) {
    super(status, code, message, details);
  }

  public ApiException(int status, String code, String message) {
    this(status, code, message, Map.of());
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
