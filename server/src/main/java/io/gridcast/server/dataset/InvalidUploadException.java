package io.gridcast.server.dataset;

import java.util.Map;

/**
 * An upload that cannot be accepted, with where and what: e.g. line 17, column {@code y}, "bad
 * number 'abc'". Nothing of it was stored.
 */
public final class InvalidUploadException extends RuntimeException {
  private final Map<String, Object> details;
  private final boolean malformed;

  public InvalidUploadException(String message, Map<String, Object> details) {
    this(message, details, false);
  }

  /**
   * @param malformed true when the body is not well-formed at all (broken JSON): a 400, not a 422
   */
  public InvalidUploadException(String message, Map<String, Object> details, boolean malformed) {
    super(message);
    this.details = Map.copyOf(details);
    this.malformed = malformed;
  }

  public boolean malformed() {
    return malformed;
  }

  public Map<String, Object> details() {
    return details;
  }
}
