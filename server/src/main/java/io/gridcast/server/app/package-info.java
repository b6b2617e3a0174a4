/**
 * The composition root: builds one process (API, workers, or both) from a {@link
 * io.gridcast.server.config.ServerConfig} and stops it in a fixed order.
 */
package io.gridcast.server.app;
