package io.gridcast.bench.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The scale-out proof: submits {@code --jobs} optimization jobs through every API while faults are
 * injected, then counts from the database that every job completed exactly once.
 *
 * <p>PostgreSQL mode ({@code --mode postgres}): 2 {@code gridcast api} + 3 {@code gridcast worker}
 * processes; faults in order, each once a share of the jobs completed: SIGKILL of worker1 (10%),
 * restart of api1 (25%), SIGTERM of worker2 (40%), {@code pg_ctl restart -m fast} (60%). Killed and
 * stopped workers are started again 3 s later (as a supervisor would). SQLite mode ({@code --mode
 * sqlite}): {@code gridcast serve} + 1 {@code gridcast worker}; SIGKILL and SIGTERM of the worker
 * and a restart of {@code serve} (the only API); SQLite has no server to restart.
 *
 * <p>Usage: {@code java -cp bench/target/benchmarks.jar io.gridcast.bench.cluster.ClusterRun
 * server/target/gridcast.jar --mode postgres --jobs 5000 [--skus-per-upload 100] [--points 48]
 * [--models ses,holt,damped_holt,theta,naive,snaive] [--submit-seconds 240] [--bad-input] [--report
 * FILE]}. {@code --bad-input} replays the server issue's bad requests ({@link BadInputReplay})
 * against every API once the uploads are in. Exit 1 with {@code INVARIANT BROKEN} lines when any
 * check fails.
 */
public final class ClusterRun {
  private ClusterRun() {}

  public static void main(String[] args) throws Exception {
    Path jar = Path.of(args.length > 0 ? args[0] : "server/target/gridcast.jar");
    Options o = Options.parse(args);
    boolean postgres = o.get("--mode", "postgres").equals("postgres");
    int jobs = o.integer("--jobs", 5000);
    int perUpload = o.integer("--skus-per-upload", 100);
    int points = o.integer("--points", 48);
    String models = o.get("--models", "ses,holt,damped_holt,theta,naive,snaive");
    int submitSeconds = o.integer("--submit-seconds", 240);
    int lease = o.integer("--lease-seconds", 10);
    boolean badInput = Arrays.asList(args).contains("--bad-input");
    Report rep = new Report(o.get("--report", null));
    int uploads = (jobs + perUpload - 1) / perUpload;
    rep.line(
        "cluster run %s, %s: %d jobs (%d uploads x %d SKUs, %d monthly points, models %s),"
            + " lease %d s",
        postgres ? "PostgreSQL 15" : "SQLite",
        Instant.now(),
        uploads * perUpload,
        uploads,
        perUpload,
        points,
        models,
        lease);
    Cluster.Settings s =
        postgres
            ? new Cluster.Settings(true, 2, 3, 2, lease, "384m", List.of())
            : new Cluster.Settings(false, 1, 1, 2, lease, "384m", List.of());
    List<String> broken = new ArrayList<>();
    try (Cluster c = Cluster.start(jar, s)) {
      rep.line(
          "processes: %s; workers: %s (%d slots each); load average at start %s",
          names(c.apis), names(c.workers), s.slotsPerWorker(), Workload.loadavg());
      List<EventStream> streams = new ArrayList<>();
      for (Node api : c.apis) {
        streams.add(new EventStream("via " + api.name(), c.client, api::url, true));
      }
      Thread.sleep(500);
      List<String> jobIds = new CopyOnWriteArrayList<>();
      List<String> datasets = new CopyOnWriteArrayList<>();
      int[] retried = {0};
      AtomicReference<Throwable> submitError = new AtomicReference<>();
      long t0 = System.nanoTime();
      long deadline = t0 + Duration.ofMinutes(20).toNanos();
      String query = "optimize=true&horizon=6&models=" + models;
      Thread submitter =
          Thread.ofPlatform()
              .name("submitter")
              .start(() -> {
                try {
                  for (int u = 0; u < uploads; u++) {
                    long due = t0 + (long) u * submitSeconds * 1_000_000_000L / uploads;
                    long wait = (due - System.nanoTime()) / 1_000_000;
                    if (wait > 0) {
                      Thread.sleep(wait);
                    }
                    String csv = Workload.csv("U" + u + "-S", perUpload, points, u);
                    Client.Upload up =
                        c.client.upload(
                            c.roundRobin(), query, csv, "cluster-upload-" + u, deadline);
                    jobIds.addAll(up.jobIds());
                    datasets.add(up.datasetId());
                    if (up.tries() > 1) {
                      retried[0]++;
                    }
                  }
                } catch (Throwable e) {
                  submitError.set(e);
                }
              });
      Sampler sampler = new Sampler(c.db);
      Faults f = new Faults(c, rep, jobs, t0);
      if (postgres) {
        f.killWorker(0.10, c.workers.get(0));
        f.restartApi(0.25, c.apis.get(0));
        f.stopWorker(0.40, c.workers.get(1));
        f.restartPostgres(0.60);
      } else {
        f.killWorker(0.10, c.workers.get(0));
        f.restartApi(0.25, c.apis.get(0));
        f.stopWorker(0.40, c.workers.get(0));
      }
      submitter.join();
      if (submitError.get() != null) {
        throw new IllegalStateException("submission failed", submitError.get());
      }
      if (badInput) {
        List<String> wrong = BadInputReplay.replay(c, datasets.get(0));
        rep.line(
            "bad input: %d requests of the server suite sent to every API while jobs ran, %d"
                + " answered otherwise than expected",
            BadInputReplay.cases("x").size() * c.apis.size(), wrong.size());
        wrong.stream().limit(20).forEach(w -> rep.line("  %s", w));
        wrong.forEach(w -> broken.add("bad input answered wrongly: " + w));
      }
      long lastProgress = System.nanoTime();
      long done = 0;
      while (true) {
        long now = c.db.completed();
        if (now >= jobIds.size()) {
          break;
        }
        if (now > done) {
          done = now;
          lastProgress = System.nanoTime();
        }
        if (System.nanoTime() - lastProgress > Duration.ofSeconds(120).toNanos()) {
          broken.add("no job completed for 120 s: " + c.db.statusCounts());
          break;
        }
        Thread.sleep(200);
      }
      double wall = (System.nanoTime() - t0) / 1e9;
      sampler.close();
      rep.line(
          "all %d jobs completed in %.1f s from the first upload: %.1f jobs/s overall;"
              + " load average %s",
          jobIds.size(), wall, jobIds.size() / wall, Workload.loadavg());
      rep.line("uploads that needed a retry (other API / after 5xx): %d", retried[0]);
      long catchUp = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      Set<String> expected = Set.copyOf(jobIds);
      while (System.nanoTime() < catchUp
          && streams.stream().anyMatch(st -> !st.completed().containsAll(expected))) {
        Thread.sleep(100);
      }
      for (EventStream st : streams) {
        rep.line(
            "event stream %s: %d job events, %d reconnects (Last-Event-ID), longest outage %d ms,"
                + " saw %d of %d completions",
            st.name(),
            st.events(),
            st.reconnects(),
            st.longestOutage().toMillis(),
            st.completed().stream().filter(expected::contains).count(),
            expected.size());
        c.db.checkStream(st, jobIds);
        st.close();
      }
      c.db.check(jobIds, datasets);
      long datasetRows = c.db.count("dataset");
      if (datasetRows != uploads) {
        broken.add(datasetRows + " datasets in the database for " + uploads + " uploads");
      }
      rep.line("status counts in the database: %s", c.db.statusCounts());
      rep.line("jobs by attempts (attempt -> jobs): %s", c.db.attemptHistogram());
      rep.line("job_event log by kind: %s", c.db.eventKinds());
      rep.line(
          "throughput while a backlog of >= 50 pending jobs existed: %s", sampler.backlogRate());
      if (postgres) {
        rep.line(
            "PostgreSQL connections held by the %d processes (pg_stat_activity, excluding this"
                + " check): %d",
            c.apis.size() + c.workers.size(), connections(c));
        rep.line("largest tables: %s", String.join(", ", c.db.largestTables()));
        rep.line("result cache: %s", c.db.cacheFootprint());
      }
      rep.line("recovery: %s", String.join("; ", f.recoveries()));
      broken.addAll(f.problems());
      broken.addAll(c.db.broken());
      List<String> errors = c.errors();
      rep.line("ERROR lines logged by the processes: %d (logs in %s)", errors.size(), c.dir);
      errors.stream().limit(15).forEach(e -> rep.line("  %s", e));
    }
    if (!broken.isEmpty()) {
      for (String b : broken) {
        rep.line("INVARIANT BROKEN: %s", b);
      }
      rep.flush();
      System.exit(1);
    }
    rep.line("ALL INVARIANTS HOLD: every job completed exactly once, none stuck, streams resumed");
    rep.flush();
  }

  static long connections(Cluster c) throws SQLException {
    try (var k = c.db.connect();
        var rs =
            k.createStatement()
                .executeQuery(
                    "SELECT COUNT(*) FROM pg_stat_activity WHERE datname = 'gridcast'"
                        + " AND pid <> pg_backend_pid()")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static String names(List<Node> nodes) {
    List<String> n = new ArrayList<>();
    for (Node x : nodes) {
      n.add(x.name() + " (pid " + x.pid() + ")");
    }
    return String.join(", ", n);
  }

  /** Collects report lines for stdout and an optional markdown file. */
  static final class Report {
    private final Path file;
    private final List<String> lines = Collections.synchronizedList(new ArrayList<>());

    Report(String file) {
      this.file = file == null ? null : Path.of(file);
    }

    void line(String fmt, Object... args) {
      String s = String.format(Locale.ROOT, fmt, args);
      System.out.println(s);
      System.out.flush();
      lines.add(s);
    }

    void flush() throws IOException {
      if (file != null) {
        if (file.getParent() != null) {
          Files.createDirectories(file.getParent());
        }
        String block;
        synchronized (lines) {
          block = "```\n" + String.join("\n", lines) + "\n```\n";
        }
        // newest first: the file keeps the history of the runs
        String earlier = Files.exists(file) ? Files.readString(file) : "";
        Files.writeString(file, earlier.isBlank() ? block : block + "\n" + earlier);
      }
    }
  }
}
