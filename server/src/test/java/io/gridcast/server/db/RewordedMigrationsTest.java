package io.gridcast.server.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridcast.server.config.DatabaseUrl;
import io.gridcast.server.db.RewordedMigrations.Reworded;
import io.gridcast.server.it.TestDatabases;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A database migrated while the reworded migrations had their former comments still opens: their
 * recorded checksums move to the current ones, and only those.
 */
class RewordedMigrationsTest {

  @ParameterizedTest
  @ValueSource(strings = {"sqlite", "postgresql"})
  void currentChecksums_areFlywaysChecksumsOfTheFiles(String kind) throws Exception {
    DatabaseUrl url = TestDatabases.of(kind);
    try (Database db = Database.open(url, 2)) {
      Map<String, Integer> recorded = checksums(url);
      for (String version : new String[] {"2", "3", "4"}) {
        assertThat(RewordedMigrations.SERVER)
            .as("version %s on %s", version, kind)
            .contains(
                new Reworded(
                    version, formerOf(version, recorded.get(version)), recorded.get(version)));
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"sqlite", "postgresql"})
  void aDatabaseWithTheFormerChecksums_opens_andRecordsTheCurrentOnes(String kind)
      throws Exception {
    DatabaseUrl url = TestDatabases.of(kind);
    Map<String, Integer> current;
    try (Database db = Database.open(url, 2)) {
      current = checksums(url);
    }
    try (Connection c = DriverManager.getConnection(url.jdbcUrl(), url.user(), url.password());
        Statement st = c.createStatement()) {
      for (String version : new String[] {"2", "3", "4"}) {
        st.executeUpdate(
            "UPDATE "
                + Database.HISTORY_TABLE
                + " SET checksum = "
                + formerOf(version, current.get(version))
                + " WHERE version = '"
                + version
                + "'");
      }
    }
    try (Database db = Database.open(url, 2)) {
      assertThat(checksums(url)).isEqualTo(current);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"sqlite", "postgresql"})
  void anyOtherChecksum_stillFailsValidation(String kind) throws Exception {
    DatabaseUrl url = TestDatabases.of(kind);
    try (Database db = Database.open(url, 2)) {
      // opened and migrated
    }
    try (Connection c = DriverManager.getConnection(url.jdbcUrl(), url.user(), url.password());
        Statement st = c.createStatement()) {
      st.executeUpdate(
          "UPDATE " + Database.HISTORY_TABLE + " SET checksum = 12345 WHERE version = '3'");
    }
    assertThatThrownBy(() -> Database.open(url, 2)).hasMessageContaining("checksum mismatch");
  }

  private static int formerOf(String version, int current) {
    return RewordedMigrations.SERVER.stream()
        .filter(r -> r.version().equals(version) && r.current() == current)
        .findFirst()
        .orElseThrow(
            () -> new AssertionError("no reworded entry for version " + version + " -> " + current))
        .former();
  }

  private static Map<String, Integer> checksums(DatabaseUrl url) throws Exception {
    Map<String, Integer> out = new HashMap<>();
    try (Connection c = DriverManager.getConnection(url.jdbcUrl(), url.user(), url.password());
        Statement st = c.createStatement();
        ResultSet rs =
            st.executeQuery(
                "SELECT version, checksum FROM "
                    + Database.HISTORY_TABLE
                    + " WHERE checksum IS NOT NULL")) {
      while (rs.next()) {
        out.put(rs.getString(1), rs.getInt(2));
      }
    }
    return out;
  }
}
