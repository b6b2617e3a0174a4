package io.gridcast.server.http;

import io.javalin.http.Context;

/**
 * Who is calling: every write of the API is stored under {@link #ownerId()}, every read is scoped
 * by {@link #scope()}.
 *
 * @param ownerId the owner id stored on every row the caller creates
 * @param admin whether the caller sees and acts on every owner's rows
 */
public record Caller(String ownerId, boolean admin) {
  /** The one user of a server with authentication turned off ({@code --auth off}). */
  public static final Caller LOCAL = new Caller("local", false);

  static final String ATTRIBUTE = "gridcast.caller";

  /** The owner filter of reads: the caller's own id, or null (every owner) for an admin. */
  public String scope() {
    return admin ? null : ownerId;
  }

  /** Whether the caller may see a row owned by {@code rowOwner}. */
  public boolean sees(String rowOwner) {
    return admin || ownerId.equals(rowOwner);
  }

  /** The caller resolved for this request by the before-handler. */
  public static Caller of(Context ctx) {
    Caller c = ctx.attribute(ATTRIBUTE);
    if (c == null) {
      throw new IllegalStateException("no caller resolved for " + ctx.path());
    }
    return c;
  }
}
