package io.gridcast.server.http;

import io.javalin.http.Context;

/**
 * The one place that decides who a request comes from. Authentication (issue #5) plugs in here: a
 * resolver that checks a session or token and throws {@link ApiException} 401 when there is none.
 */
@FunctionalInterface
public interface CallerResolver {
  Caller resolve(Context ctx);

  /** Every request is the fixed local user. */
  static CallerResolver localUser() {
    return ctx -> Caller.LOCAL;
  }
}
