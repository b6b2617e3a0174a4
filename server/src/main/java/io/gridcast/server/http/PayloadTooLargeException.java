package io.gridcast.server.http;

import io.gridcast.server.error.ServerException;
import java.util.Map;

/** A request body grew past the configured limit while it was read (413). */
final class PayloadTooLargeException extends ServerException {

  PayloadTooLargeException(long limit) {
    super(
        413,
        "payload_too_large",
        "request body is larger than the limit of " + limit + " bytes",
        Map.of("limit_bytes", limit));
  }
}
