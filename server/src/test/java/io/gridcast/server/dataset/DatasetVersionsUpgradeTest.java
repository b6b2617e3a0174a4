package io.gridcast.server.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridcast.server.config.DatabaseUrl;
import io.gridcast.server.db.Database;
import io.gridcast.server.it.TestDatabases;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Locale;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The migration that adds dataset versions numbers the datasets stored before it by creation order
 * within each owner and name, and the next upload under a name continues from there.
 */
class DatasetVersionsUpgradeTest {
  @ParameterizedTest
  @ValueSource(strings = {"sqlite", "postgresql"})
  void datasetsStoredBeforeVersions_areNumberedByCreationOrder(String kind) throws Exception {
    DatabaseUrl url = TestDatabases.of(kind);
    Flyway.configure()
        .dataSource(url.jdbcUrl(), url.user(), url.password())
        .table(Database.HISTORY_TABLE)
        .locations("classpath:db/migration/server/" + kind.toLowerCase(Locale.ROOT))
        .target("7")
        .load()
        .migrate();
    try (Connection c = DriverManager.getConnection(url.jdbcUrl(), url.user(), url.password());
        Statement st = c.createStatement()) {
      // ids sort by creation time; the owners and names interleave
      String[][] rows = {
        {"0001", "alice", "sales"},
        {"0002", "bob", "sales"},
        {"0003", "alice", "sales"},
        {"0004", "alice", "returns"},
        {"0005", "alice", "sales"}
      };
      for (String[] r : rows) {
        st.execute(
            "INSERT INTO dataset (id, owner_id, name, frequency, period, series_count, row_count,"
                + " created_at_ms) VALUES ('"
                + r[0]
                + "', '"
                + r[1]
                + "', '"
                + r[2]
                + "', 'ME', 12, 1, 36, 0)");
      }
    }
    try (Database db = Database.open(url, 2)) { // migrates to the latest version
      DatasetStore store = new DatasetStore(db.jdbc());
      assertThat(store.get(null, "0001").orElseThrow().version()).isEqualTo(1);
      assertThat(store.get(null, "0002").orElseThrow().version()).isEqualTo(1);
      assertThat(store.get(null, "0003").orElseThrow().version()).isEqualTo(2);
      assertThat(store.get(null, "0004").orElseThrow().version()).isEqualTo(1);
      assertThat(store.get(null, "0005").orElseThrow().version()).isEqualTo(3);
      assertThat(store.latestNamed("alice", "sales").orElseThrow().id()).isEqualTo("0005");
    }
  }
}
