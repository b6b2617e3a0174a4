package io.gridcast.bench.cluster;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A throwaway PostgreSQL 15 cluster from Debian's binaries ({@code /usr/lib/postgresql/15/bin}),
 * initialised in a temporary directory and run as the {@code postgres} user on a free port (never
 * 5432). {@link #restart()} is the fault: {@code pg_ctl restart -m fast} drops every connection.
 */
final class Postgres implements AutoCloseable {
  static final Path BIN = Path.of("/usr/lib/postgresql/15/bin");

  /**
   * {@code -Dgridcast.bench.pgStatements=true}: load pg_stat_statements, so a run can report what
   * the database spent its time on ({@link Invariants#topStatements}); off by default (it costs a
   * little on every statement).
   */
  static final boolean STATEMENTS = Boolean.getBoolean("gridcast.bench.pgStatements");

  private final Path dir;
  private final int port;
  private final int maxConnections;

  private Postgres(Path dir, int port, int maxConnections) {
    this.dir = dir;
    this.port = port;
    this.maxConnections = maxConnections;
  }

  /** Initialises and starts a cluster; the database {@code gridcast}, user/password gridcast. */
  static Postgres start(Path parent, int maxConnections) throws Exception {
    Path dir = parent.resolve("pg");
    Files.createDirectories(dir);
    run(List.of("chown", "-R", "postgres:postgres", parent.toString()));
    run(List.of("chmod", "755", parent.toString(), parent.getParent().toString()));
    Path pw = parent.resolve("pgpass");
    Files.writeString(pw, "gridcast\n");
    run(List.of("chown", "postgres:postgres", pw.toString()));
    asPostgres(
        BIN.resolve("initdb").toString(),
        "-D",
        dir.resolve("data").toString(),
        "-U",
        "gridcast",
        "--pwfile",
        pw.toString(),
        "--auth-local=trust",
        "--auth-host=scram-sha-256",
        "-E",
        "UTF8");
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    Postgres pg = new Postgres(dir, port, maxConnections);
    pg.ctl("start", "-w", "-t", "60");
    asPostgres(
        BIN.resolve("createdb").toString(),
        "-h",
        dir.toString(),
        "-p",
        Integer.toString(port),
        "-U",
        "gridcast",
        "gridcast");
    return pg;
  }

  int port() {
    return port;
  }

  /** {@code postgresql://gridcast:gridcast@127.0.0.1:PORT/gridcast}. */
  String url() {
    return "postgresql://gridcast:gridcast@127.0.0.1:" + port + "/gridcast";
  }

  String jdbcUrl() {
    return "jdbc:postgresql://127.0.0.1:" + port + "/gridcast";
  }

  /** Fast restart: terminates every session, checkpoints, starts again; blocks until up. */
  void restart() throws Exception {
    ctl("restart", "-m", "fast", "-w", "-t", "60");
  }

  private void ctl(String... what) throws Exception {
    List<String> cmd = new ArrayList<>();
    cmd.add(BIN.resolve("pg_ctl").toString());
    cmd.addAll(List.of("-D", dir.resolve("data").toString()));
    cmd.addAll(List.of("-l", dir.resolve("postgres.log").toString()));
    cmd.addAll(
        List.of(
            "-o",
            "-p "
                + port
                + " -k "
                + dir
                + " -c listen_addresses=127.0.0.1 -c max_connections="
                + maxConnections
                + " -c shared_buffers=256MB -c synchronous_commit=on -c fsync=on"
                + (STATEMENTS ? " -c shared_preload_libraries=pg_stat_statements" : "")));
    cmd.addAll(List.of(what));
    asPostgres(cmd.toArray(String[]::new));
  }

  @Override
  public void close() {
    try {
      ctl("stop", "-m", "immediate", "-w");
    } catch (Exception e) {
      throw new IllegalStateException("pg_ctl stop failed in " + dir, e);
    }
  }

  private static void asPostgres(String... cmd) throws Exception {
    List<String> full = new ArrayList<>(List.of("runuser", "-u", "postgres", "--"));
    full.addAll(List.of(cmd));
    Process p = new ProcessBuilder(full).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IllegalStateException("command failed: " + String.join(" ", full) + "\n" + out);
    }
  }

  private static void run(List<String> cmd) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(cmd).inheritIO().start();
    if (p.waitFor() != 0) {
      throw new IllegalStateException("command failed: " + cmd);
    }
  }
}
