package io.gridcast.server.auth;

import java.util.Locale;

/** What a user may see: {@link #USER} only their own rows, {@link #ADMIN} every user's. */
public enum UserRole {
  USER,
  ADMIN;

  public String dbValue() {
    return name().toLowerCase(Locale.ROOT);
  }

  static UserRole parse(String s) {
    return valueOf(s.toUpperCase(Locale.ROOT));
  }
}
