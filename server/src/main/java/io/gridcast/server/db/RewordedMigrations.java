package io.gridcast.server.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;

/**
 * Migrations whose comments were reworded after they were applied, with the Flyway checksum of the
 * former text and of the current one. Flyway's checksum covers every line, comments included, so a
 * database migrated with the former text would fail validation; before migrating, {@link #realign}
 * moves each recorded former checksum to the current one. Only a row holding exactly a listed
 * former checksum is changed: any other difference still fails validation as it should. {@code
 * RewordedMigrationsTest} checks the current checksums against Flyway's own.
 */
final class RewordedMigrations {
  private RewordedMigrations() {}

  /** One reworded migration: its version and the checksums of its former and current text. */
  record Reworded(String version, int former, int current) {}

  /** SQLite and PostgreSQL share V2's text; V3 and V4 differ between the two. */
  static final List<Reworded> SERVER =
      List.of(
          new Reworded("2", 1300865697, 1701137126),
          new Reworded("3", 1769815936, 1074670455),
          new Reworded("3", -961532768, -388871175),
          new Reworded("4", 1541419205, 2057963902),
          new Reworded("4", -101419840, -522111400));

  /**
   * Realigns the checksums of {@code reworded} in {@code historyTable}, when that table exists.
   *
   * @return how many rows were realigned
   */
  static int realign(DataSource dataSource, String historyTable, List<Reworded> reworded) {
    try (Connection c = dataSource.getConnection()) {
      if (!exists(c, historyTable)) {
        return 0;
      }
      int changed = 0;
      try (PreparedStatement ps =
          c.prepareStatement(
              "UPDATE " + historyTable + " SET checksum = ? WHERE version = ? AND checksum = ?")) {
        for (Reworded r : reworded) {
          ps.setInt(1, r.current());
          ps.setString(2, r.version());
          ps.setInt(3, r.former());
          changed += ps.executeUpdate();
        }
      }
      if (!c.getAutoCommit()) {
        c.commit();
      }
      return changed;
    } catch (SQLException e) {
      throw new DatabaseException(
          "cannot realign the checksums of reworded migrations in " + historyTable, e);
    }
  }

  private static boolean exists(Connection c, String table) throws SQLException {
    try (ResultSet rs = c.getMetaData().getTables(null, null, table, new String[] {"TABLE"})) {
      return rs.next();
    }
  }
}
