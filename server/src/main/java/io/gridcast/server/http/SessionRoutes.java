package io.gridcast.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.gridcast.server.auth.SessionStore;
import io.gridcast.server.auth.User;
import io.gridcast.server.auth.UserStore;
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
 */
final class SessionRoutes implements RouteGroup {
  static final String COOKIE = "gridcast_session";
  static final String CSRF_HEADER = "X-CSRF-Token";

  private final UserStore users;
  private final SessionStore sessions;

  SessionRoutes(UserStore users, SessionStore sessions) {
    this.users = users;
    this.sessions = sessions;
  }

  @Override
  public void register(RoutesConfig r) {
    r.post("/auth/session", this::signIn);
    r.delete("/auth/session", this::signOut);
  }

  private void signIn(Context ctx) throws IOException {
    JsonNode body = Json.MAPPER.readTree(ctx.bodyInputStream());
    String token = body == null ? null : body.path("token").asText(null);
    User u =
        users
            .authenticate(token)
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
   * @param csrfToken what every call but GET/HEAD of this session sends in {@value #CSRF_HEADER}
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
