package io.gridcast.server.error;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The root of the server's exceptions. Each is named for its condition and carries how the API
 * answers it: the HTTP status, a stable machine code ({@code invalid_parameter}, {@code not_found},
 * ...) and details naming the field, the limit or the value. The message is a sentence for the
 * user: it names the offending value and never a Java class. The HTTP layer turns every one into
 * {@code {"error":{"code","message","details"}}} in one place.
 */
public abstract class ServerException extends RuntimeException {
  private final int status;
  private final String code;
  private final Map<String, Object> details;

  protected ServerException(int status, String code, String message, Map<String, ?> details) {
    this(status, code, message, details, null);
  }

  protected ServerException(
      int status, String code, String message, Map<String, ?> details, Throwable cause) {
    super(message, cause);
    if (status < 400 || status > 599) {
      throw new IllegalArgumentException("an error status is in 400..599, got " + status);
    }
    this.status = status;
    this.code = code;
    this.details = Map.copyOf(new LinkedHashMap<>(details));
  }

  /** The HTTP status the API answers with. */
  public int status() {
    return status;
  }

  /** The stable machine code of the answer. */
  public String code() {
    return code;
  }

  /** What the answer's {@code details} hold (field, limit, allowed values ...); maybe empty. */
  public Map<String, Object> details() {
    return details;
  }
}
