package io.gridcast.server.http;

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

  private static ApiException unauthorized(String message) {
    return new ApiException(401, "unauthorized", message, Map.of("scheme", "Bearer"));
  }
}
