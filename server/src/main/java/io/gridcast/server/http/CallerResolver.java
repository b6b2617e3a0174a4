package io.gridcast.server.http;

import io.gridcast.server.auth.SessionStore;
import io.gridcast.server.auth.User;
import io.gridcast.server.auth.UserStore;
import io.javalin.http.Context;
import java.util.Map;
import java.util.Optional;

/**
 * The one place that decides who a request comes from: a bearer token ({@link #bearer}) or, with
 * authentication off, the fixed local user. A resolver throws {@link ApiException} 401 when the
 * request carries no valid credential.
 */
@FunctionalInterface
public interface CallerResolver {
  Caller resolve(Context ctx);

  /** Every request is the fixed local user (authentication off: loopback only). */
  static CallerResolver localUser() {
    return ctx -> Caller.LOCAL;
  }

  /**
   * {@code Authorization: Bearer <token>} checked against {@code users}: a missing, malformed,
   * unknown or revoked token answers 401 with the same message, so the answer tells nothing about
   * which users exist.
   */
  static CallerResolver bearer(UserStore users) {
    return ctx -> {
      String header = ctx.header("Authorization");
      if (header == null || header.isBlank()) {
        throw unauthorized("missing Authorization: Bearer <token> header");
      }
      String h = header.strip();
      int space = h.indexOf(' ');
      if (space < 0 || !h.substring(0, space).equalsIgnoreCase("Bearer")) {
        throw unauthorized("Authorization header must be 'Bearer <token>'");
      }
      Optional<User> user = users.authenticate(h.substring(space + 1).strip());
      User u = user.orElseThrow(() -> unauthorized("invalid or revoked token"));
      return new Caller(u.id(), u.admin());
    };
  }

  /**
   * A bearer token when the request has an {@code Authorization} header; otherwise the session
   * cookie of the web page ({@link SessionRoutes#COOKIE}), which on every call but GET/HEAD also
   * needs the session's CSRF token in {@link SessionRoutes#CSRF_HEADER} (403 without it).
   */
  public static CallerResolver bearerOrSession(UserStore users, SessionStore sessions) {
    CallerResolver bearer = bearer(users);
    return ctx -> {
      String cookie = ctx.cookie(SessionRoutes.COOKIE);
      if (ctx.header("Authorization") != null || cookie == null || cookie.isBlank()) {
        return bearer.resolve(ctx);
      }
      SessionStore.Session s =
          sessions
              .find(cookie)
              .orElseThrow(() -> unauthorized("session expired or signed out; sign in again"));
      if (!safe(ctx) && !s.csrfMatches(ctx.header(SessionRoutes.CSRF_HEADER))) {
        throw new ApiException(
            403,
            "csrf_failed",
            "a session call that changes state needs the " + SessionRoutes.CSRF_HEADER + " header",
            Map.of("header", SessionRoutes.CSRF_HEADER));
      }
      return new Caller(s.user().id(), s.user().admin());
    };
  }

  private static boolean safe(Context ctx) {
    return ctx.method() == io.javalin.http.HandlerType.GET
        || ctx.method() == io.javalin.http.HandlerType.HEAD
        || ctx.method() == io.javalin.http.HandlerType.OPTIONS;
  }

  static ApiException unauthorized(String message) {
    return new ApiException(401, "unauthorized", message, Map.of("scheme", "Bearer"));
  }
}
