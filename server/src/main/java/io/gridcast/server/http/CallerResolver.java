package io.gridcast.server.http;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.gridcast.server.auth.SessionStore;
import io.gridcast.server.auth.Tokens;
import io.gridcast.server.auth.User;
import io.gridcast.server.auth.UserStore;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.time.Duration;
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
   * How long a process trusts a bearer token it found valid without asking the database again: a
   * token revoked with {@code gridcast user revoke} stops working within this time on every API
   * process. Pollers repeat their token hundreds of times a second; without it each lookup is a
   * database round trip (14,724 in 31 s of the load run, docs/scaling.md).
   */
  Duration TOKEN_TRUST = Duration.ofSeconds(5);

  /**
   * {@code Authorization: Bearer <token>} checked against {@code users}: a missing, malformed,
   * unknown or revoked token answers 401 with the same message, so the answer tells nothing about
   * which users exist. A valid token is remembered (by its hash) for {@link #TOKEN_TRUST}; an
   * invalid one is looked up every time.
   */
  static CallerResolver bearer(UserStore users) {
    Cache<String, User> trusted =
        Caffeine.newBuilder().expireAfterWrite(TOKEN_TRUST).maximumSize(10_000).build();
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
      String token = h.substring(space + 1).strip();
      String key = token.isEmpty() || token.length() > 256 ? null : Tokens.hash(token);
      User u = key == null ? null : trusted.getIfPresent(key);
      if (u == null) {
        Optional<User> user = users.authenticate(token);
        u = user.orElseThrow(() -> unauthorized("invalid or revoked token"));
        trusted.put(key, u);
      }
      return Caller.forUser(u);
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
      return Caller.forUser(s.user());
    };
  }

  private static boolean safe(Context ctx) {
    return ctx.method() == HandlerType.GET
        || ctx.method() == HandlerType.HEAD
        || ctx.method() == HandlerType.OPTIONS;
  }

  static ApiException unauthorized(String message) {
    return new ApiException(401, "unauthorized", message, Map.of("scheme", "Bearer"));
  }
}
