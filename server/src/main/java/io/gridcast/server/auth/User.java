package io.gridcast.server.auth;

import java.time.Instant;

/**
 * One user of the API.
 *
 * @param id the owner id stored on every row the user creates
 * @param name unique login name
 * @param role what the user may see and do
 * @param createdAt when the user was added
 * @param revokedAt when its token was revoked, or null while it is valid
 * @param viewerOf for a {@link UserRole#VIEWER}: the id of the user whose data it reads, or null
 *     for every user's; null for the other roles
 */
public record User(
    String id, String name, UserRole role, Instant createdAt, Instant revokedAt, String viewerOf) {
  public boolean admin() {
    return role == UserRole.ADMIN;
  }

  public boolean revoked() {
    return revokedAt != null;
  }
}
