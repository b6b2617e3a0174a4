/**
 * Process configuration: flags and {@code GRIDCAST_*} environment variables resolved once at start
 * into an immutable {@link io.gridcast.server.config.ServerConfig}, validated with the bad value in
 * the message, logged once with secrets masked.
 */
package io.gridcast.server.config;
