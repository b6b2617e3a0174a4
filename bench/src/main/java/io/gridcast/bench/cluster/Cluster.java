package io.gridcast.bench.cluster;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A running Gridcast cluster on this machine. PostgreSQL mode: a throwaway PostgreSQL, {@code apis}
 * x {@code gridcast api} and {@code workers} x {@code gridcast worker}; SQLite mode: one {@code
 * gridcast serve} (API + workers) plus {@code workers} x {@code gridcast worker} on the same file.
 * Every API listens on a fixed port so a restarted API comes back at the same address. {@code
 * extraArgs} go to the API (or serve) processes, {@code workerArgs} to the worker processes; {@code
 * workerNice} starts the worker processes under {@code nice -n} (the whole process).
 */
final class Cluster implements AutoCloseable {
  private static final Pattern TOKEN = Pattern.compile("(gc_[A-Za-z0-9_\\-]+)");

  /** How to start it. */
  record Settings(
      boolean postgres,
      int apis,
      int workers,
      int slotsPerWorker,
      int leaseSeconds,
      String heap,
      List<String> extraArgs,
      int workerNice,
      List<String> workerArgs) {
    Settings(
        boolean postgres,
        int apis,
        int workers,
        int slotsPerWorker,
        int leaseSeconds,
        String heap,
        List<String> extraArgs) {
      this(postgres, apis, workers, slotsPerWorker, leaseSeconds, heap, extraArgs, 0, List.of());
    }
  }

  final Settings settings;
  final Path dir;
  final Postgres pg;
  final List<Node> apis = new ArrayList<>();
  final List<Node> workers = new ArrayList<>();
  final String token;
  final Client client;
  final Invariants db;
  private final AtomicInteger rotate = new AtomicInteger();

  private Cluster(Settings s, Path dir, Postgres pg, String token, Invariants db) {
    this.settings = s;
    this.dir = dir;
    this.pg = pg;
    this.token = token;
    this.client = new Client(token);
    this.db = db;
  }

  static Cluster start(Path jar, Settings s) throws Exception {
    Path dir = Files.createTempDirectory("gridcast-cluster");
    Path logs = dir.resolve("logs");
    Files.createDirectories(logs);
    Path data = dir.resolve("data");
    Postgres pg = s.postgres() ? Postgres.start(dir.resolve("db"), 200) : null;
    List<String> common = new ArrayList<>();
    if (pg != null) {
      common.addAll(List.of("--db", pg.url()));
    } else {
      common.addAll(List.of("--data-dir", data.toString()));
    }
    common.addAll(List.of("--lease-seconds", Integer.toString(s.leaseSeconds())));
    List<Node> apis = new ArrayList<>();
    List<Node> workers = new ArrayList<>();
    for (int i = 1; i <= s.apis(); i++) {
      List<String> a = new ArrayList<>();
      a.add(pg != null ? "api" : "serve");
      a.addAll(List.of("--host", "127.0.0.1", "--port", Integer.toString(freePort())));
      a.addAll(List.of("--submission-burst", "100000", "--submission-refill-ms", "1"));
      if (pg == null) {
        a.addAll(List.of("--workers", Integer.toString(s.slotsPerWorker())));
      }
      a.addAll(common);
      a.addAll(s.extraArgs());
      apis.add(new Node((pg != null ? "api" : "serve") + i, List.of(), jar, s.heap(), a, logs));
    }
    for (int i = 1; i <= s.workers(); i++) {
      List<String> a = new ArrayList<>();
      a.addAll(List.of("worker", "--workers", Integer.toString(s.slotsPerWorker())));
      a.addAll(common);
      a.addAll(s.workerArgs());
      List<String> prefix =
          s.workerNice() == 0 ? List.of() : List.of("nice", "-n", Integer.toString(s.workerNice()));
      workers.add(new Node("worker" + i, prefix, jar, s.heap(), a, logs));
    }
    try {
      return start(s, dir, data, pg, apis, workers, jar, logs);
    } catch (Exception e) {
      for (Node n : workers) {
        stopQuietly(n);
      }
      for (Node n : apis) {
        stopQuietly(n);
      }
      if (pg != null) {
        pg.close();
      }
      throw e;
    }
  }

  private static Cluster start(
      Settings s,
      Path dir,
      Path data,
      Postgres pg,
      List<Node> apis,
      List<Node> workers,
      Path jar,
      Path logs)
      throws Exception {
    apis.get(0).start(); // migrates the schema before anyone else connects
    String token;
    Invariants db;
    if (pg != null) {
      token = addAdmin(jar, pg.url(), logs);
      db = new Invariants(pg.jdbcUrl(), "gridcast", "gridcast");
    } else {
      token = Files.readString(data.resolve("admin.token"), StandardCharsets.UTF_8).strip();
      db = new Invariants("jdbc:sqlite:" + data.resolve("gridcast.db"), null, null);
    }
    Cluster c = new Cluster(s, dir, pg, token, db);
    c.apis.addAll(apis);
    c.workers.addAll(workers);
    for (Node n : apis.subList(1, apis.size())) {
      n.start();
    }
    for (Node n : workers) {
      n.start();
    }
    for (Node n : apis) {
      if (!c.client.awaitReady(n.url(), Duration.ofSeconds(60))) {
        throw new IllegalStateException(n.name() + " not ready");
      }
    }
    return c;
  }

  /** The next API in turn that is alive (round robin), for submissions. */
  Supplier<String> roundRobin() {
    return () -> {
      for (int i = 0; i < apis.size(); i++) {
        Node n = apis.get(Math.floorMod(rotate.getAndIncrement(), apis.size()));
        if (n.alive() && n.url() != null) {
          return n.url();
        }
      }
      return apis.get(0).url() == null ? "http://127.0.0.1:1" : apis.get(0).url();
    };
  }

  /** Every ERROR line the processes logged. */
  List<String> errors() {
    List<String> all = new ArrayList<>();
    for (Node n : apis) {
      n.errors().forEach(e -> all.add(n.name() + ": " + e));
    }
    for (Node n : workers) {
      n.errors().forEach(e -> all.add(n.name() + ": " + e));
    }
    return all;
  }

  private static String addAdmin(Path jar, String url, Path logs) throws Exception {
    Process p =
        new ProcessBuilder(
                ProcessHandle.current().info().command().orElse("java"),
                "-jar",
                jar.toString(),
                "user",
                "add",
                "bench",
                "--admin",
                "--db",
                url)
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    p.waitFor(60, TimeUnit.SECONDS);
    Files.writeString(logs.resolve("user-add.log"), out.replaceAll("gc_\\S+", "gc_****"));
    Matcher m = TOKEN.matcher(out);
    if (p.exitValue() != 0 || !m.find()) {
      throw new IllegalStateException("gridcast user add failed: " + out);
    }
    return m.group(1);
  }

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  /** The database's size on disk in bytes (PostgreSQL: pg_database_size; SQLite: file + WAL). */
  long databaseBytes() throws Exception {
    if (pg != null) {
      try (var c = db.connect();
          var rs = c.createStatement().executeQuery("SELECT pg_database_size('gridcast')")) {
        rs.next();
        return rs.getLong(1);
      }
    }
    long n = 0;
    for (String f : new String[] {"gridcast.db", "gridcast.db-wal", "gridcast.db-shm"}) {
      Path p = dir.resolve("data").resolve(f);
      if (Files.exists(p)) {
        n += Files.size(p);
      }
    }
    return n;
  }

  @Override
  public void close() {
    for (Node n : workers) {
      stopQuietly(n);
    }
    for (Node n : apis) {
      stopQuietly(n);
    }
    if (pg != null) {
      pg.close();
    }
    // keep the logs, drop the database files
    for (Path p : new Path[] {dir.resolve("db"), dir.resolve("data")}) {
      if (Files.exists(p)) {
        try (var files = Files.walk(p)) {
          files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
          System.out.println("cleanup " + p + ": " + e);
        }
      }
    }
  }

  private static void stopQuietly(Node n) {
    if (n.alive()) {
      try {
        n.stop();
      } catch (Exception e) {
        System.out.println("stop " + n.name() + ": " + e);
      }
    }
  }
}
