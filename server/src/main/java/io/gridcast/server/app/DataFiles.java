package io.gridcast.server.app;

import io.gridcast.server.config.DatabaseUrl;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps what a process stores on disk readable by its own user only: a data directory it creates is
 * {@code 0700}; the SQLite database is created empty with {@code 0600} before SQLite opens it, so
 * SQLite gives its {@code -wal} and {@code -shm} files the same mode, and existing database files
 * are set to {@code 0600}. A directory that already existed keeps its mode (it may be shared, such
 * as {@code /tmp}); a WARN line says when others can read it. Does nothing on file systems without
 * POSIX permissions. Stateless.
 */
public final class DataFiles {
  private static final Logger LOG = LoggerFactory.getLogger(DataFiles.class);

  /** {@code rwx------}. */
  public static final Set<PosixFilePermission> PRIVATE_DIRECTORY =
      PosixFilePermissions.fromString("rwx------");

  /** {@code rw-------}. */
  public static final Set<PosixFilePermission> PRIVATE_FILE =
      PosixFilePermissions.fromString("rw-------");

  private static final List<String> SQLITE_SIDE_FILES = List.of("-wal", "-shm", "-journal");

  private DataFiles() {}

  /**
   * Prepares the files of {@code url} when it is a SQLite file: its directory (created {@code
   * 0700}), the file itself and its side files ({@code 0600}). PostgreSQL URLs are left alone.
   */
  public static void secure(DatabaseUrl url) {
    if (url.sqliteFile().isEmpty()) {
      return;
    }
    Path db = url.sqliteFile().get();
    try {
      privateDirectory(db.getParent());
      if (!posix(db)) {
        return;
      }
      try {
        Files.createFile(db, PosixFilePermissions.asFileAttribute(PRIVATE_FILE));
      } catch (FileAlreadyExistsException e) {
        Files.setPosixFilePermissions(db, PRIVATE_FILE);
      }
      for (String side : SQLITE_SIDE_FILES) {
        Path f = db.resolveSibling(db.getFileName() + side);
        if (Files.isRegularFile(f)) {
          Files.setPosixFilePermissions(f, PRIVATE_FILE);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare the database file " + db, e);
    }
  }

  /**
   * Creates {@code dir} (and missing parents) with mode {@code 0700}; an existing directory keeps
   * its mode, with a WARN line when its group or others may read it.
   */
  public static void privateDirectory(Path dir) throws IOException {
    if (Files.isDirectory(dir)) {
      if (posix(dir)) {
        Set<PosixFilePermission> mode = Files.getPosixFilePermissions(dir);
        if (mode.contains(PosixFilePermission.GROUP_READ)
            || mode.contains(PosixFilePermission.OTHERS_READ)) {
          LOG.warn(
              "data directory {} is {}: other users can list it; chmod 700 it unless it is shared",
              dir,
              PosixFilePermissions.toString(mode));
        }
      }
      return;
    }
    if (!posix(dir)) {
      Files.createDirectories(dir);
      return;
    }
    Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PRIVATE_DIRECTORY));
    // the umask may have taken bits off the requested mode, never added any; set it exactly
    Files.setPosixFilePermissions(dir, PRIVATE_DIRECTORY);
  }

  private static boolean posix(Path p) {
    return Files.getFileAttributeView(p, PosixFileAttributeView.class) != null;
  }
}
