package io.gridcast.server.config;

/**
 * A request goes beyond one of the configured {@link Limits}: names the limit, its value and the
 * request's, and the HTTP status it deserves (413 for size, 422 for a parameter, 429 for a rate).
 */
public final class LimitExceededException extends RuntimeException {
  private final String limit;
  private final long max;
  private final long actual;
  private final int status;
  private final long retryAfterSeconds;

  public LimitExceededException(
      String limit, long max, long actual, int status, long retryAfterSeconds, String message) {
    super(message);
    this.limit = limit;
    this.max = max;
    this.actual = actual;
    this.status = status;
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

  public int status() {
    return status;
  }

  /** Seconds until a retry may succeed (429 only), else 0. */
  public long retryAfterSeconds() {
    return retryAfterSeconds;
  }
}
