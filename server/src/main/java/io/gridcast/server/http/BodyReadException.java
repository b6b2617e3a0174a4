package io.gridcast.server.http;

import io.gridcast.server.error.ServerException;
import java.io.IOException;
import java.util.Map;

/**
 * A request body that did not arrive: cut off by the client (400 {@code incomplete_body}) or too
 * slow, past the body deadline or idle (408 {@code body_timeout}). The client's doing, not a server
 * error: one WARN line, never counted as a 5xx.
 */
final class BodyReadException extends ServerException {

  private BodyReadException(int status, String code, String message, Throwable cause) {
    super(status, code, message, Map.of(), cause);
  }

  /** The body stopped before its end: the connection closed or the chunked encoding broke off. */
  static BodyReadException incomplete(Throwable cause) {
    return new BodyReadException(
        400, "incomplete_body", "the request body ended before it was complete", cause);
  }

  /** The body took longer than the server waits for one, or stopped arriving. */
  static BodyReadException stalled(Throwable cause) {
    return new BodyReadException(
        408,
        "body_timeout",
        "the request body did not arrive in time; send it without pauses",
        cause);
  }

  /** The failure of a read from the client's connection. */
  static BodyReadException of(IOException e) {
    return RequestBody.timedOut(e) ? stalled(e) : incomplete(e);
  }
}
