package io.gridcast.server.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the job database lives, as a JDBC URL with its credentials.
 *
 * <p>Accepted forms: {@code postgresql://user:pass@host:5432/db} (also {@code postgres://}), {@code
 * jdbc:postgresql://host/db} (credentials from {@code GRIDCAST_DB_USER}/{@code
 * GRIDCAST_DB_PASSWORD}), {@code jdbc:sqlite:/path/file.db} and {@code sqlite:/path/file.db}.
 *
 * @param jdbcUrl the JDBC URL without credentials
 * @param user database user, empty for SQLite
 * @param password database password, empty for SQLite; never logged
 */
public record DatabaseUrl(String jdbcUrl, String user, String password) {

  public DatabaseUrl {
    if (jdbcUrl == null || !(jdbcUrl.startsWith("jdbc:sqlite:") || isPostgres(jdbcUrl))) {
      throw new ConfigException("database URL must be jdbc:sqlite:... or postgresql: " + jdbcUrl);
    }
    user = user == null ? "" : user;
    password = password == null ? "" : password;
  }

  private static boolean isPostgres(String url) {
    return url.startsWith("jdbc:postgresql://");
  }

  /** True when this is a PostgreSQL database (many processes, many machines). */
  public boolean postgres() {
    return isPostgres(jdbcUrl);
  }

  /**
   * The file of a SQLite URL, absolute; empty for PostgreSQL, an in-memory database or a {@code
   * file:} URI (whose options the caller set and whose file it manages).
   */
  public Optional<Path> sqliteFile() {
    if (postgres()) {
      return Optional.empty();
    }
    String file = jdbcUrl.substring("jdbc:sqlite:".length());
    if (file.isEmpty() || file.startsWith(":memory:") || file.startsWith("file:")) {
      return Optional.empty();
    }
    return Optional.of(Path.of(file).toAbsolutePath());
  }

  /** The SQLite file {@code gridcast.db} in {@code dataDir}. */
  public static DatabaseUrl sqliteIn(Path dataDir) {
    return new DatabaseUrl(
        "jdbc:sqlite:" + dataDir.toAbsolutePath().resolve("gridcast.db"), "", "");
  }

  /**
   * Parses a user-facing URL.
   *
   * @param url the {@code --db} value
   * @param user fallback user when the URL carries none (may be null)
   * @param password fallback password when the URL carries none (may be null)
   */
  public static DatabaseUrl parse(String url, String user, String password) {
    String u = url.strip();
    if (u.startsWith("sqlite:")) {
      return new DatabaseUrl("jdbc:" + u, "", "");
    }
    if (u.startsWith("jdbc:")) {
      return new DatabaseUrl(u, user, password);
    }
    if (u.startsWith("postgresql://") || u.startsWith("postgres://")) {
      try {
        URI uri = new URI(u);
        String info = uri.getRawUserInfo();
        String parsedUser = user;
        String parsedPassword = password;
        if (info != null) {
          int colon = info.indexOf(':');
          parsedUser = decode(colon < 0 ? info : info.substring(0, colon));
          parsedPassword = colon < 0 ? password : decode(info.substring(colon + 1));
        }
        String port = uri.getPort() < 0 ? "" : ":" + uri.getPort();
        String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
        String jdbc = "jdbc:postgresql://" + uri.getHost() + port + uri.getRawPath() + query;
        return new DatabaseUrl(jdbc, parsedUser, parsedPassword);
      } catch (URISyntaxException e) {
        throw new ConfigException("database URL is not a valid URI: " + e.getMessage());
      }
    }
    throw new ConfigException(
        "database URL must start with postgresql://, jdbc:postgresql://, sqlite: or jdbc:sqlite:,"
            + " got: "
            + mask(u));
  }

  private static String decode(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }

  private static String mask(String url) {
    return url.replaceAll("//([^:/@]+):[^@]*@", "//$1:****@");
  }

  /** The URL and user for logs; the password is never shown. */
  @Override
  public String toString() {
    return jdbcUrl + (user.isEmpty() ? "" : " (user " + user + ", password ****)");
  }
}
