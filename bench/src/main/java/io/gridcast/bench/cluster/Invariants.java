package io.gridcast.bench.cluster;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The run's invariants, counted from the database itself (not from what the API says): every
 * submitted job exists once and is completed, has exactly one COMPLETED event, as many STARTED
 * events as attempts recorded, and exactly one result row that names it; no job of the owner exists
 * that the harness did not submit (a duplicated upload). Every failure is collected as one line.
 */
final class Invariants {
  private final String jdbcUrl;
  private final String user;
  private final String password;
  private final List<String> broken = new ArrayList<>();
  private final Map<Integer, Integer> attemptHistogram = new HashMap<>();

  Invariants(String jdbcUrl, String user, String password) {
    this.jdbcUrl = jdbcUrl;
    this.user = user;
    this.password = password;
  }

  Connection connect() throws SQLException {
    return user == null
        ? DriverManager.getConnection(jdbcUrl)
        : DriverManager.getConnection(jdbcUrl, user, password);
  }

  List<String> broken() {
    return broken;
  }

  /** Jobs per attempt count (1 = ran once). */
  Map<Integer, Integer> attemptHistogram() {
    return attemptHistogram;
  }

  /** Status counts of every job in the database. */
  Map<String, Long> statusCounts() throws SQLException {
    Map<String, Long> m = new TreeMap<>();
    try (Connection c = connect();
        ResultSet rs =
            c.createStatement().executeQuery("SELECT status, COUNT(*) FROM job GROUP BY status")) {
      while (rs.next()) {
        m.put(rs.getString(1), rs.getLong(2));
      }
    }
    return m;
  }

  long count(String table) throws SQLException {
    try (Connection c = connect();
        ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM " + table)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /**
   * Resets pg_stat_statements (creating the extension first); needs {@link Postgres#STATEMENTS}.
   */
  void resetStatements() throws SQLException {
    try (Connection c = connect();
        Statement s = c.createStatement()) {
      s.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
      s.execute("SELECT pg_stat_statements_reset()");
    }
  }

  /** The {@code limit} statements with the most execution time since the reset, one per line. */
  List<String> topStatements(int limit) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Connection c = connect();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT calls, total_exec_time, rows, left(regexp_replace(query, '\\s+', ' ',"
                    + " 'g'), 140) FROM pg_stat_statements ORDER BY total_exec_time DESC LIMIT ?")) {
      ps.setInt(1, limit);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(
              String.format(
                  Locale.ROOT,
                  "%8.0f ms %8d calls %8d rows  %s",
                  rs.getDouble(2),
                  rs.getLong(1),
                  rs.getLong(3),
                  rs.getString(4)));
        }
      }
    }
    return out;
  }

  long completed() throws SQLException {
    return statusCounts().getOrDefault("completed", 0L);
  }

  /** Events per kind in the job_event log (ENQUEUED, STARTED, RESCUED, RETRY_SCHEDULED...). */
  Map<String, Long> eventKinds() throws SQLException {
    Map<String, Long> m = new TreeMap<>();
    try (Connection c = connect();
        ResultSet rs =
            c.createStatement()
                .executeQuery("SELECT kind, COUNT(*) FROM job_event GROUP BY kind")) {
      while (rs.next()) {
        m.put(rs.getString(1), rs.getLong(2));
      }
    }
    return m;
  }

  /**
   * The five largest tables of the PostgreSQL database with their indexes, as "name size (rows)"
   * (what a job leaves behind on disk).
   */
  List<String> largestTables() throws SQLException {
    List<String> out = new ArrayList<>();
    try (Connection c = connect();
        ResultSet rs =
            c.createStatement()
                .executeQuery(
                    "SELECT relname, pg_size_pretty(pg_total_relation_size(relid)), n_live_tup"
                        + " FROM pg_stat_user_tables ORDER BY pg_total_relation_size(relid) DESC"
                        + " LIMIT 5")) {
      while (rs.next()) {
        out.add(rs.getString(1) + " " + rs.getString(2) + " (" + rs.getLong(3) + " rows)");
      }
    }
    return out;
  }

  /**
   * The result cache's size: entries, the bytes of their values (what {@code --cache-disk-max-mb}
   * bounds) and the table's size on disk with its indexes and TOAST, as one line.
   */
  String cacheFootprint() throws SQLException {
    try (Connection c = connect();
        ResultSet rs =
            c.createStatement()
                .executeQuery(
                    "SELECT COUNT(*), COALESCE(SUM(bytes), 0),"
                        + " pg_total_relation_size('result_cache') FROM result_cache")) {
      rs.next();
      long n = rs.getLong(1);
      long values = rs.getLong(2);
      long disk = rs.getLong(3);
      return String.format(
          "%d entries, %.2f MiB of values (the bound counts these), %.2f MiB on disk with indexes:"
              + " %.2fx",
          n, values / 1048576.0, disk / 1048576.0, values == 0 ? 0 : (double) disk / values);
    }
  }

  /** Checks every invariant for the submitted job ids (of the given datasets). */
  void check(Collection<String> jobIds, Collection<String> datasetIds) throws SQLException {
    Set<String> expected = new HashSet<>(jobIds);
    if (expected.size() != jobIds.size()) {
      broken.add("the API handed out " + (jobIds.size() - expected.size()) + " duplicate job ids");
    }
    Map<String, String> status = new HashMap<>();
    Map<String, Integer> attempts = new HashMap<>();
    Map<String, Integer> completedEvents = new HashMap<>();
    Map<String, Integer> startedEvents = new HashMap<>();
    Map<String, Integer> results = new HashMap<>();
    try (Connection c = connect()) {
      try (ResultSet rs =
          c.createStatement().executeQuery("SELECT CAST(id AS TEXT), status, attempt FROM job")) {
        while (rs.next()) {
          status.put(rs.getString(1), rs.getString(2));
          attempts.put(rs.getString(1), rs.getInt(3));
        }
      }
      try (ResultSet rs =
          c.createStatement()
              .executeQuery(
                  "SELECT CAST(job_id AS TEXT), kind, COUNT(*) FROM job_event"
                      + " WHERE kind IN ('COMPLETED','STARTED') GROUP BY job_id, kind")) {
        while (rs.next()) {
          (rs.getString(2).equals("COMPLETED") ? completedEvents : startedEvents)
              .put(rs.getString(1), rs.getInt(3));
        }
      }
      for (String ds : datasetIds) {
        try (PreparedStatement ps =
            c.prepareStatement(
                "SELECT job_id, COUNT(*) FROM forecast_result WHERE dataset_id = ?"
                    + " GROUP BY job_id")) {
          ps.setString(1, ds);
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              results.merge(rs.getString(1), rs.getInt(2), Integer::sum);
            }
          }
        }
      }
    }
    int missing = 0;
    int notCompleted = 0;
    int badCompletedEvents = 0;
    int attemptMismatch = 0;
    int badResults = 0;
    List<String> examples = new ArrayList<>();
    for (String id : expected) {
      String s = status.get(id);
      if (s == null) {
        missing++;
        example(examples, "missing job " + id);
        continue;
      }
      if (!s.equals("completed")) {
        notCompleted++;
        example(examples, "job " + id + " is " + s);
      }
      int done = completedEvents.getOrDefault(id, 0);
      if (done != 1) {
        badCompletedEvents++;
        example(examples, "job " + id + " has " + done + " COMPLETED events");
      }
      int att = attempts.get(id);
      attemptHistogram.merge(att, 1, Integer::sum);
      int started = startedEvents.getOrDefault(id, 0);
      if (started != att) {
        attemptMismatch++;
        example(examples, "job " + id + " attempt=" + att + " but " + started + " STARTED events");
      }
      int res = results.getOrDefault(id, 0);
      if (res != 1) {
        badResults++;
        example(examples, "job " + id + " has " + res + " result rows");
      }
    }
    long stray = status.keySet().stream().filter(id -> !expected.contains(id)).count();
    long stuck =
        status.values().stream().filter(s -> s.equals("pending") || s.equals("running")).count();
    add(missing, "submitted jobs missing from the job table");
    add(notCompleted, "submitted jobs not completed");
    add(badCompletedEvents, "jobs without exactly one COMPLETED event");
    add(attemptMismatch, "jobs whose attempt count differs from their STARTED events");
    add(badResults, "jobs without exactly one result row naming them");
    add((int) stray, "jobs in the database the harness never got an id for (duplicate uploads?)");
    add((int) stuck, "jobs still pending or running");
    for (String e : examples) {
      broken.add("  e.g. " + e);
    }
  }

  /** Checks that an event stream saw every job complete, in order, without duplicates. */
  void checkStream(EventStream s, Collection<String> jobIds) {
    long unseen = jobIds.stream().filter(id -> !s.completed().contains(id)).count();
    add((int) unseen, "jobs whose completion the event stream " + s.name() + " never delivered");
    add(s.outOfOrder(), "events delivered twice or out of order on stream " + s.name());
  }

  private void add(int n, String what) {
    if (n != 0) {
      broken.add(n + " " + what);
    }
  }

  private static void example(List<String> examples, String s) {
    if (examples.size() < 10) {
      examples.add(s);
    }
  }
}
