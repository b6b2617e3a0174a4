package io.gridcast.server.http;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.gridcast.server.auth.SessionStore;
import io.gridcast.server.auth.Tokens;
import io.gridcast.server.auth.User;
import io.gridcast.server.auth.UserStore;
import io.javalin.http.Context;
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

  /**
   * The caller of {@code ctx} asked afresh, without the token trust window: what a long-lived
   * request (an event stream) asks to notice that its credential stopped working. The default is
   * {@link #resolve}.
   *
   * @throws ApiException 401 when the credential no longer works
   */
  default Caller recheck(Context ctx) {
    return resolve(ctx);
  }

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
    return new CallerResolver() {
      @Override
      public Caller resolve(Context ctx) {
        return bearerCaller(ctx, users, trusted, false);
      }

      @Override
      public Caller recheck(Context ctx) {
        return bearerCaller(ctx, users, trusted, true);
      }
    };
  }

  /**
   * The user of the request's bearer token. {@code trusted} remembers valid tokens; {@code fresh}
   * asks the database whatever it remembers, and forgets a token that no longer works, so that a
   * revoked token found by a stream's check is refused at once everywhere in this process.
   */
  private static Caller bearerCaller(
      Context ctx, UserStore users, Cache<String, User> trusted, boolean fresh) {
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
    User u = key == null || fresh ? null : trusted.getIfPresent(key);
    if (u == null) {
      Optional<User> user = users.authenticate(token);
      if (user.isEmpty()) {
        if (key != null) {
          trusted.invalidate(key);
        }
        throw unauthorized("invalid or revoked token");
      }
      u = user.get();
      if (key != null) {
        trusted.put(key, u);
      }
    }
    return Caller.forUser(u);
  }

  /**
   * A bearer token when the request has an {@code Authorization} header; otherwise the session
   * cookie of the web page ({@link SessionRoutes#COOKIE}), which on every call but GET/HEAD also
   * needs the session's CSRF token in {@link SessionRoutes#CSRF_HEADER} (403 without it).
   */
  public static CallerResolver bearerOrSession(UserStore users, SessionStore sessions) {
    CallerResolver bearer = bearer(users);
    return new CallerResolver() {
      @Override
      public Caller resolve(Context ctx) {
        return usesBearer(ctx) ? bearer.resolve(ctx) : sessionCaller(ctx, sessions);
      }

      @Override
      public Caller recheck(Context ctx) {
        return usesBearer(ctx) ? bearer.recheck(ctx) : sessionCaller(ctx, sessions);
      }
    };
  }

  private static boolean usesBearer(Context ctx) {
    String cookie = ctx.cookie(SessionRoutes.COOKIE);
    return ctx.header("Authorization") != null || cookie == null || cookie.isBlank();
  }

  /** The user of the request's session cookie, checking the CSRF header on writes. */
  private static Caller sessionCaller(Context ctx, SessionStore sessions) {
    String cookie = ctx.cookie(SessionRoutes.COOKIE);
    SessionStore.Session s =
        sessions
            .find(cookie)
            .orElseThrow(() -> unauthorized("session expired or signed out; sign in again"));
    if (!CrossSiteGuard.safe(ctx.method())
        && !s.csrfMatches(ctx.header(SessionRoutes.CSRF_HEADER))) {
      throw new ApiException(
          403,
          "csrf_failed",
          "a session call that changes state needs the " + SessionRoutes.CSRF_HEADER + " header",
          Map.of("header", SessionRoutes.CSRF_HEADER));
    }
    return Caller.forUser(s.user());
  }

  static ApiException unauthorized(String message) {
    return new ApiException(401, "unauthorized", message, Map.of("scheme", "Bearer"));
  }
}
