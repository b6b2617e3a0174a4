package io.gridcast.server.cache;

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
 * Migration V4 moves the tag rows of a cache filled under V3 into the tags column: nothing an
 * upgraded server could have invalidated before is out of its reach after.
 */
class ResultCacheTagsUpgradeTest {
  @ParameterizedTest
  @ValueSource(strings = {"sqlite", "postgresql"})
  void tagsOfAV3Cache_surviveTheUpgrade(String kind) throws Exception {
    DatabaseUrl url = TestDatabases.of(kind);
    Flyway.configure()
        .dataSource(url.jdbcUrl(), url.user(), url.password())
        .table(Database.HISTORY_TABLE)
        .locations("classpath:db/migration/server/" + kind.toLowerCase(Locale.ROOT))
        .target("3")
        .load()
        .migrate();
    try (Connection c = DriverManager.getConnection(url.jdbcUrl(), url.user(), url.password());
        Statement st = c.createStatement()) {
      for (String k : new String[] {"k1", "k2", "k3"}) {
        st.execute(
            "INSERT INTO result_cache (cache_key, engine, value, bytes, created_at_ms,"
                + " last_used_at_ms, expires_at_ms) VALUES ('"
                + k
                + "', 'e1', 'v', 1, 0, 0, 9000000000000)");
      }
      st.execute(
          "INSERT INTO result_cache_tag (tag, cache_key) VALUES ('dataset:d1', 'k1'),"
              + " ('model:theta', 'k1'), ('dataset:d2', 'k2'), ('model:theta', 'k2')");
    }
    try (Database db = Database.open(url, 2)) { // migrates to the latest version
      DiskTier disk = new DiskTier(db.jdbc());
      InvalidationLog log = new InvalidationLog(db.jdbc());
      assertThat(disk.get("k1", 0).orElseThrow().tags())
          .containsExactlyInAnyOrder("dataset:d1", "model:theta");
      assertThat(disk.get("k3", 0).orElseThrow().tags()).isEmpty();
      assertThat(log.invalidate("dataset:d2", 1)).containsExactly("k2");
      assertThat(log.invalidate("model:theta", 1)).containsExactly("k1");
      assertThat(disk.get("k3", 0)).isPresent();
    }
  }
}
