/**
 * Process configuration: one immutable {@link io.gridcast.server.config.ServerConfig} (with its
 * {@link io.gridcast.server.config.Limits}, {@link io.gridcast.server.config.CacheConfig} and
 * {@link io.gridcast.server.config.MonitorConfig}), built by name, validated once at start with the
 * bad value in the message and logged once with secrets masked. Every default is a named constant
 * here; the command line reads flags and {@code GRIDCAST_*} variables into it.
 */
package io.gridcast.server.config;
