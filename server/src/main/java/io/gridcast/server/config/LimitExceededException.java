package io.gridcast.server.config;

import io.gridcast.server.error.ServerException;
import java.util.LinkedHashMap;
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
    this(limit, max, actual, status, retryAfterSeconds, message, Map.of());
  }

  private LimitExceededException(
      String limit,
      long max,
      long actual,
      int status,
      long retryAfterSeconds,
      String message,
      Map<String, ?> more) {
    super(
        status,
        status == 429 ? "rate_limited" : "limit_exceeded",
        message,
        details(limit, max, actual, retryAfterSeconds, more));
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

  private static Map<String, Object> details(
      String limit, long max, long actual, long retryAfterSeconds, Map<String, ?> more) {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("limit", limit);
    d.put("max", max);
    if (retryAfterSeconds > 0) {
      d.put("retry_after_seconds", retryAfterSeconds);
    } else {
      d.put("actual", actual);
    }
    d.putAll(more);
    return d;
  }

  /**
   * A size limit (413) that one series (SKU) of an upload passed: {@code what} has {@code actual},
   * at most {@code max} allowed; the details name the series.
   */
  public static LimitExceededException tooLargeAt(
      String limit, long max, long actual, String sku, String message) {
    return new LimitExceededException(limit, max, actual, 413, 0, message, Map.of("sku", sku));
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
