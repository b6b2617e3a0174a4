package io.gridcast.server.http;

/** A request body grew past the configured limit while it was read. */
final class PayloadTooLargeException extends RuntimeException {
  private final long limit;

  PayloadTooLargeException(long limit) {
    super("request body is larger than the limit of " + limit + " bytes");
    this.limit = limit;
  }

  long limit() {
    return limit;
  }
}
