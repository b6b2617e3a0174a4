package io.gridcast.server.http;

import io.gridcast.forecast.ForecastException;
import io.gridcast.server.dataset.DatasetNotFoundException;
import io.gridcast.server.dataset.InvalidUploadException;
import java.util.Map;

/** Maps exceptions of the domain (datasets, forecast core, queue) to API errors. */
final class DomainErrors {
  private DomainErrors() {}

  /** The API error for {@code e}, or null when it is unexpected (a 500). */
  static ApiException map(Exception e) {
    ApiException jobError = QueueErrors.map(e);
    if (jobError != null) {
      return jobError;
    }
    return switch (e) {
      case InvalidUploadException u ->
          u.malformed()
              ? new ApiException(400, "malformed_body", u.getMessage(), u.details())
              : new ApiException(422, "invalid_upload", u.getMessage(), u.details());
      case DatasetNotFoundException n -> ApiException.notFound(n.kind(), n.id());
      case PayloadTooLargeException p ->
          new ApiException(
              413, "payload_too_large", p.getMessage(), Map.of("limit_bytes", p.limit()));
      case io.gridcast.server.config.LimitExceededException l ->
          new ApiException(
              l.status(),
              l.status() == 429 ? "rate_limited" : "limit_exceeded",
              l.getMessage(),
              l.retryAfterSeconds() > 0
                  ? Map.of(
                      "limit", l.limit(),
                      "max", l.max(),
                      "retry_after_seconds", l.retryAfterSeconds())
                  : Map.of("limit", l.limit(), "max", l.max(), "actual", l.actual()));
      case ForecastException f -> new ApiException(422, "invalid_input", f.getMessage());
      default -> null;
    };
  }
}
