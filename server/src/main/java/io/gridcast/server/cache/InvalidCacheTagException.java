package io.gridcast.server.cache;

import io.gridcast.server.error.ServerException;
import java.util.Map;

/** A cache tag that does not parse: unknown kind, no value, too long (400, naming {@code tag}). */
public final class InvalidCacheTagException extends ServerException {
  private final String tag;

  public InvalidCacheTagException(String message, String tag) {
    super(
        400,
        "invalid_parameter",
        message + (tag.isEmpty() ? "" : ": " + tag),
        Map.of("field", "tag"));
    this.tag = tag;
  }

  /** The offending text. */
  public String tag() {
    return tag;
  }
}
