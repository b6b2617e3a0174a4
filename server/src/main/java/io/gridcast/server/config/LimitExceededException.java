package io.gridcast.server.config;

import io.gridcast.server.error.ServerException;
import java.util.Map;

/**
 * A request goes beyond one of the configured {@link Limits}: names the limit, its value and the
 * request's, and the HTTP status it deserves (413 for size, 422 for a parameter, 429 for a rate).
 */
public final class LimitExceededException extends ServerException {
  private final String limit;
  private final long max;
  private final long actual;
  private final long retryAfterSeconds;

  public LimitExceededException(
      String limit, long max, long actual, int status, long retryAfterSeconds, String message) {
    super(
        status,
        status == 429 ? "rate_limited" : "limit_exceeded",
        message,
        retryAfterSeconds > 0
            ? Map.of("limit", limit, "max", max, "retry_after_seconds", retryAfterSeconds)
            : Map.of("limit", limit, "max", max, "actual", actual));
    this.limit = limit;
    this.max = max;
    this.actual = actual;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  /** A size limit (413): {@code what} has {@code actual}, at most {@code max} allowed. */
  public static LimitExceededException tooLarge(String limit, long max, long actual, String what) {
    return new LimitExceededException(
        limit,
        max,
        actual,
        413,
        0,
        what + " has " + actual + ", at most " + max + " allowed (" + limit + ")");
  }

  /** A rate limit (429): retry after the given seconds. */
  public static LimitExceededException tooMany(
      String limit, long max, long retryAfterSeconds, String message) {
    return new LimitExceededException(limit, max, max + 1, 429, retryAfterSeconds, message);
  }

  public String limit() {
    return limit;
  }

  public long max() {
    return max;
  }

  public long actual() {
    return actual;
  }

  /** Seconds until a retry may succeed (429 only), else 0. */
  public long retryAfterSeconds() {
    return retryAfterSeconds;
  }
}
