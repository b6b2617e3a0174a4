package io.gridcast.server.http;

import io.javalin.http.Context;

/**
 * Who is calling: every read and write of the API is scoped to {@link #ownerId()}.
 *
 * @param ownerId the owner id stored on every row the caller creates
 */
public record Caller(String ownerId) {
  /** The one user of a server without authentication (issue #5 replaces the resolver). */
  public static final Caller LOCAL = new Caller("local");

  static final String ATTRIBUTE = "gridcast.caller";

  /** The caller resolved for this request by the before-handler. */
  public static Caller of(Context ctx) {
    Caller c = ctx.attribute(ATTRIBUTE);
    if (c == null) {
      throw new IllegalStateException("no caller resolved for " + ctx.path());
    }
    return c;
  }
}
