package io.gridcast.server.auth;

/** A user operation is refused (unknown name, duplicate name, invalid name); names the value. */
public final class AuthException extends RuntimeException {
  public AuthException(String message) {
    super(message);
  }
}
