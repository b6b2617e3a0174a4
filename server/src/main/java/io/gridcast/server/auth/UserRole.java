package io.gridcast.server.auth;

import java.util.Locale;

/**
 * What a user may see and do: {@link #USER} their own rows, {@link #ADMIN} every user's, {@link
 * #VIEWER} read one user's rows (or every user's) and change nothing.
 */
public enum UserRole {
  USER,
  ADMIN,
  VIEWER;

  public String dbValue() {
    return name().toLowerCase(Locale.ROOT);
  }

  static UserRole parse(String s) {
    return valueOf(s.toUpperCase(Locale.ROOT));
  }
}
