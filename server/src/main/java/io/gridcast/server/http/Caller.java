package io.gridcast.server.http;

import io.gridcast.server.auth.User;
import io.gridcast.server.auth.UserRole;
import io.javalin.http.Context;

/**
 * Who is calling: every write of the API is stored under {@link #ownerId()}, every read is scoped
 * by {@link #scope()}.
 *
 * @param ownerId the caller's own user id: the owner stored on every row the caller creates, and
 *     the key of its per-user limits
 * @param admin whether the caller sees and acts on every owner's rows and the server's own figures
 * @param readsOwner the owner whose rows the caller reads, or null for every owner
 * @param readOnly whether the caller may only read (a viewer): every state-changing call is refused
 */
public record Caller(String ownerId, boolean admin, String readsOwner, boolean readOnly) {
  /** The one user of a server with authentication turned off ({@code --auth off}). */
  public static final Caller LOCAL = new Caller("local", false);

  static final String ATTRIBUTE = "gridcast.caller";

  /** A user who reads and writes their own rows, or (admin) every owner's. */
  public Caller(String ownerId, boolean admin) {
    this(ownerId, admin, admin ? null : ownerId, false);
  }

  /**
   * The caller a user's credential stands for: a viewer reads the rows of the owner it was added
   * for ({@link User#viewerOf()}, null for every owner) and writes nothing.
   */
  public static Caller forUser(User u) {
    return u.role() == UserRole.VIEWER
        ? new Caller(u.id(), false, u.viewerOf(), true)
        : new Caller(u.id(), u.admin());
  }

  /** The owner filter of reads: one owner's id, or null (every owner). */
  public String scope() {
    return readsOwner;
  }

  /** Whether the caller may see a row owned by {@code rowOwner}. */
  public boolean sees(String rowOwner) {
    return readsOwner == null || readsOwner.equals(rowOwner);
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
