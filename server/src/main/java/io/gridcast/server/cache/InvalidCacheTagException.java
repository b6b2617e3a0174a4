package io.gridcast.server.cache;

/** A cache tag that does not parse: unknown kind, no value, too long. */
public final class InvalidCacheTagException extends RuntimeException {
  private final String tag;

  public InvalidCacheTagException(String message, String tag) {
    super(message + (tag.isEmpty() ? "" : ": " + tag));
    this.tag = tag;
  }

  /** The offending text. */
  public String tag() {
    return tag;
  }
}
