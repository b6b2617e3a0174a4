package io.gridcast.server.dataset;

import io.gridcast.server.error.ServerException;
import java.util.Map;

/**
 * An upload that cannot be accepted, with where and what: e.g. line 17, column {@code y}, "bad
 * number 'abc'". Nothing of it was stored. A body that is not well-formed at all (broken JSON) is a
 * 400 {@code malformed_body}; anything else a 422 {@code invalid_upload}.
 */
public final class InvalidUploadException extends ServerException {

  public InvalidUploadException(String message, Map<String, ?> details) {
    this(message, details, false);
  }

  /**
   * @param malformed true when the body is not well-formed at all (broken JSON): a 400, not a 422
   */
  public InvalidUploadException(String message, Map<String, ?> details, boolean malformed) {
    super(malformed ? 400 : 422, malformed ? "malformed_body" : "invalid_upload", message, details);
  }
}
