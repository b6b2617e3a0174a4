package io.gridcast.server.config;

import io.gridcast.server.error.ServerException;
import java.util.Map;

/**
 * A configuration value is invalid; the message names the setting and the value. Raised at start,
 * before anything is served (a 500 should one ever surface in a request).
 */
public final class ConfigException extends ServerException {
  public ConfigException(String message) {
    super(500, "invalid_configuration", message, Map.of());
  }
}
