package io.gridcast.server.db;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridcast.server.config.DatabaseUrl;
import io.gridcast.server.it.TestDatabases;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The SQLite and PostgreSQL migrations (the queue's and the server's) are kept in step: migrated
 * from scratch, a SQLite file and an embedded PostgreSQL database hold the same tables with the
 * same columns, each column nullable on both or on neither. Types are not compared: instants are
 * epoch milliseconds on SQLite and timestamptz on PostgreSQL by design.
 */
class MigrationParityTest {

  @Test
  void sqliteAndPostgresql_defineTheSameTablesAndColumns_afterEveryMigration() throws Exception {
    Map<String, Set<String>> sqlite = schemaOf(TestDatabases.sqlite());
    Map<String, Set<String>> postgres = schemaOf(TestDatabases.postgres());
    assertThat(sqlite)
        .as("tables of both schemas")
        .containsKeys("job", "job_event", "job_count", "dataset", "result_cache", "app_user");
    assertThat(sqlite.keySet()).isEqualTo(postgres.keySet());
    for (String table : sqlite.keySet()) {
      assertThat(sqlite.get(table)).as("columns of " + table).isEqualTo(postgres.get(table));
    }
  }

  /** Table name to {@code "column"} or {@code "column NOT NULL"}, read from the live database. */
  private static Map<String, Set<String>> schemaOf(DatabaseUrl url) throws SQLException {
    try (Database db = Database.open(url, 2);
        Connection c = db.dataSource().getConnection()) {
      DatabaseMetaData meta = c.getMetaData();
      String schema = c.getSchema();
      Map<String, Set<String>> tables = new TreeMap<>();
      try (ResultSet rs = meta.getTables(null, schema, "%", new String[] {"TABLE"})) {
        while (rs.next()) {
          String table = rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT);
          if (!table.startsWith("sqlite_")) {
            tables.put(table, new TreeSet<>());
          }
        }
      }
      for (Map.Entry<String, Set<String>> t : tables.entrySet()) {
        Set<String> keys = new HashSet<>();
        try (ResultSet rs = meta.getPrimaryKeys(null, schema, t.getKey())) {
          while (rs.next()) {
            keys.add(rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
          }
        }
        try (ResultSet rs = meta.getColumns(null, schema, t.getKey(), "%")) {
          while (rs.next()) {
            String column = rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT);
            // SQLite lets a non-integer primary key hold NULL; the migrations never store one.
            boolean notNull = "NO".equals(rs.getString("IS_NULLABLE")) || keys.contains(column);
            t.getValue().add(column + (notNull ? " NOT NULL" : ""));
          }
        }
      }
      return tables;
    }
  }
}
