package io.gridcast.server.it;

import io.gridcast.server.config.DatabaseUrl;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Every row of every application table, as text: two snapshots are equal when nothing changed. */
public final class DatabaseSnapshot {
  public static final List<String> TABLES =
      List.of(
          "dataset",
          "dataset_series",
          "forecast_result",
          "job",
          "job_event",
          "job_idempotency",
          "job_count",
          "app_user");

  private DatabaseSnapshot() {}

  public static Map<String, String> take(DatabaseUrl db) {
    Map<String, String> out = new LinkedHashMap<>();
    try (Connection c =
        db.postgres()
            ? DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password())
            : DriverManager.getConnection(db.jdbcUrl())) {
      for (String t : TABLES) {
        StringBuilder sb = new StringBuilder();
        try (Statement st = c.createStatement();
            ResultSet rs = st.executeQuery("SELECT * FROM " + t + " ORDER BY 1, 2")) {
          int cols = rs.getMetaData().getColumnCount();
          long rows = 0;
          while (rs.next()) {
            rows++;
            for (int i = 1; i <= cols; i++) {
              Object v = rs.getObject(i);
              sb.append(v instanceof byte[] b ? Arrays.toString(b) : String.valueOf(v)).append('|');
            }
            sb.append('\n');
          }
          out.put(t, rows + " rows\n" + sb);
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return out;
  }
}
