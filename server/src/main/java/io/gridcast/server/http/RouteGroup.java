package io.gridcast.server.http;

import io.javalin.config.RoutesConfig;

/** A set of related routes, registered into the Javalin config at start. */
interface RouteGroup {
  void register(RoutesConfig routes);
}
