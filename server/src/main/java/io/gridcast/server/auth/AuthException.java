package io.gridcast.server.auth;

import io.gridcast.server.error.ServerException;
import java.util.Map;

/** A user operation is refused (unknown name, duplicate name, invalid name); names the value. */
public final class AuthException extends ServerException {
  public AuthException(String message) {
    super(422, "invalid_user", message, Map.of());
  }
}
