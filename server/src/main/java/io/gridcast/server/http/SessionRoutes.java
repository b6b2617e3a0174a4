package io.gridcast.server.http;

import io.gridcast.server.auth.SessionStore;
import io.gridcast.server.auth.SubmissionRateLimiter;
import io.gridcast.server.auth.User;
import io.gridcast.server.auth.UserStore;
import io.gridcast.server.config.LimitExceededException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * The web page's sign-in: {@code POST /auth/session} with {@code {"token": "..."}} answers the CSRF
 * token and sets the session cookie (HttpOnly, SameSite=Strict, Secure over HTTPS); {@code DELETE
 * /auth/session} signs out (cookie and CSRF header required). Outside {@code /api} so that signing
 * in needs no credential but the token itself.
 *
 * <p>Signing in needs no credential, so it is bounded before anything is read: each client address
 * has a token bucket of sign-ins (429 with {@code Retry-After} beyond), the body must be {@code
 * application/json} (415 otherwise: another site's form or {@code text/plain} post cannot sign a
 * browser in) of at most {@value #MAX_BODY_BYTES} bytes (413).
 */
final class SessionRoutes implements RouteGroup {
  static final String COOKIE = "gridcast_session";
  static final String CSRF_HEADER = "X-CSRF-Token";

  /** A sign-in body holds one token of 68 characters. */
  static final long MAX_BODY_BYTES = 4 * 1024;

  private final UserStore users;
  private final SessionStore sessions;
  private final SubmissionRateLimiter signIns;

  /**
   * @param signIns sign-ins per client address
   */
  SessionRoutes(UserStore users, SessionStore sessions, SubmissionRateLimiter signIns) {
    this.users = users;
    this.sessions = sessions;
    this.signIns = signIns;
  }

  /** What a sign-in sends. */
  record SignInRequest(String token) {}

  @Override
  public void register(RoutesConfig r) {
    r.post("/auth/session", this::signIn);
    r.delete("/auth/session", this::signOut);
  }

  private void signIn(Context ctx) throws IOException {
    Duration wait = signIns.tryAcquire(ctx.req().getRemoteAddr());
    if (!wait.isZero()) {
      long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
      throw LimitExceededException.tooMany(
          "sign_in_rate",
          signIns.burst(),
          seconds,
          "too many sign-ins from this address; retry in " + seconds + " s");
    }
    JsonBody.requireJson(ctx);
    SignInRequest req =
        JsonBody.read(ctx, SignInRequest.class, MAX_BODY_BYTES, null, "sign-in request");
    if (req.token() == null || req.token().isBlank()) {
      throw ApiException.badRequest("token", "token is required: {\"token\": \"gc_...\"}");
    }
    User u =
        users
            .authenticate(req.token())
            .orElseThrow(() -> CallerResolver.unauthorized("invalid or revoked token"));
    SessionStore.NewSession s = sessions.create(u);
    Cookie c = new Cookie(COOKIE, s.id());
    c.setPath("/");
    c.setHttpOnly(true);
    c.setSameSite(SameSite.STRICT);
    c.setSecure("https".equalsIgnoreCase(ctx.scheme()));
    c.setMaxAge((int) Duration.between(Instant.now(), s.expiresAt()).toSeconds());
    ctx.cookie(c);
    ctx.status(201)
        .contentType("application/json")
        .result(
            Json.write(
                new SignedIn(u.name(), u.role().dbValue(), s.csrf(), s.expiresAt().toString())));
  }

  /**
   * The answer to a sign-in.
   *
   * @param csrfToken what every call but GET/HEAD made with the new session sends in {@value
   *     #CSRF_HEADER}
   * @param expiresAt when the session ends (ISO-8601)
   */
  record SignedIn(String user, String role, String csrfToken, String expiresAt) {}

  private void signOut(Context ctx) {
    String id = ctx.cookie(COOKIE);
    if (id == null) {
      throw CallerResolver.unauthorized("no session cookie");
    }
    SessionStore.Session s =
        sessions.find(id).orElseThrow(() -> CallerResolver.unauthorized("no such session"));
    if (!s.csrfMatches(ctx.header(CSRF_HEADER))) {
      throw new ApiException(
          403, "csrf_failed", "sign-out needs the " + CSRF_HEADER + " header", Map.of());
    }
    sessions.delete(id);
    ctx.removeCookie(COOKIE, "/");
    ctx.status(204);
  }
}
