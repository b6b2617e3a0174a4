package io.gridcast.server.app;

import io.gridcast.server.auth.UserRole;
import io.gridcast.server.auth.UserStore;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The first run of {@code serve} on the embedded database: when no admin exists yet, add one and
 * write its token to {@code <data-dir>/admin.token}, created with mode 0600 (owner read/write only)
 * before a byte is written, so the secret is never readable by others even briefly.
 */
final class FirstAdmin {
  static final String FILE = "admin.token";
  private static final Logger LOG = LoggerFactory.getLogger(FirstAdmin.class);

  private FirstAdmin() {}

  static void ensure(UserStore users, Path dataDir) {
    if (users.anyAdmin()) {
      return;
    }
    Path file = dataDir.resolve(FILE).toAbsolutePath();
    UserStore.NewUser admin = users.add(UserStore.FIRST_ADMIN, UserRole.ADMIN);
    try {
      Files.createDirectories(file.getParent());
      Files.deleteIfExists(file); // a stale file of an earlier database: never reuse its mode
      try {
        Files.createFile(
            file,
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      } catch (UnsupportedOperationException e) { // not POSIX: create and restrict afterwards
        Files.createFile(file);
        restrict(file);
      }
      Files.writeString(
          file, admin.token() + "\n", StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
    } catch (FileAlreadyExistsException e) {
      throw new UncheckedIOException("cannot create " + file, e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the admin token to " + file, e);
    }
    LOG.warn(
        "first run: created admin user '{}'; its API token is in {} (mode 0600)."
            + " Add users with: gridcast user add NAME",
        UserStore.FIRST_ADMIN,
        file);
  }

  private static void restrict(Path file) {
    File f = file.toFile();
    boolean ok =
        f.setReadable(false, false)
            && f.setWritable(false, false)
            && f.setReadable(true, true)
            && f.setWritable(true, true);
    if (!ok) {
      LOG.warn("could not restrict the permissions of {}", file);
    }
  }
}
