package io.gridcast.server.config;

/** A configuration value is invalid; the message names the setting and the value. */
public final class ConfigException extends RuntimeException {
  public ConfigException(String message) {
    super(message);
  }
}
