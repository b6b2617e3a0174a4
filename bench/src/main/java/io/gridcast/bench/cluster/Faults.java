package io.gridcast.bench.cluster;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Injects one fault once a share of the jobs completed, then measures how long the cluster takes to
 * recover from it. Each call blocks until that recovery is measured, so faults never overlap.
 */
final class Faults {
  private static final Duration RESTART_AFTER = Duration.ofSeconds(3);
  private static final Duration MAX_RECOVERY = Duration.ofMinutes(3);

  private final Cluster c;
  private final ClusterRun.Report rep;
  private final int jobs;
  private final long t0;
  private final List<String> recoveries = new ArrayList<>();
  private final List<String> problems = Collections.synchronizedList(new ArrayList<>());
  private final Set<Node> restarting = ConcurrentHashMap.newKeySet();

  Faults(Cluster c, ClusterRun.Report rep, int jobs, long t0) {
    this.c = c;
    this.rep = rep;
    this.jobs = jobs;
    this.t0 = t0;
  }

  List<String> recoveries() {
    return recoveries;
  }

  List<String> problems() {
    return problems;
  }

  /** SIGKILL; the worker's jobs come back when their lease expires. */
  void killWorker(double share, Node w) throws Exception {
    awaitShare(share);
    String owner = w.workerId();
    Set<String> inflight = awaitBusy(owner);
    long t = System.nanoTime();
    w.kill();
    rep.line(
        "[%5.1f s] FAULT SIGKILL %s (worker id %s) with %d jobs running; load %s",
        since(t0), w.name(), owner, inflight.size(), Workload.loadavg());
    restartLater(w);
    double rescued = awaitNoneRunningOf(owner, t);
    double completed = awaitCompleted(inflight, t);
    String r =
        String.format(
            Locale.ROOT,
            "SIGKILL %s: its %d running jobs left its lease after %.1f s, all completed %.1f s"
                + " after the kill",
            w.name(),
            inflight.size(),
            rescued,
            completed);
    recoveries.add(r);
    rep.line("[%5.1f s] RECOVERED %s", since(t0), r);
  }

  /** SIGTERM: the shutdown hook stops HTTP, lets running jobs finish (10 s) or releases them. */
  void stopWorker(double share, Node w) throws Exception {
    awaitShare(share);
    String owner = w.workerId();
    Set<String> inflight = awaitBusy(owner);
    long t = System.nanoTime();
    Duration exit = w.stop();
    int[] st = statusOf(inflight);
    rep.line(
        "[%5.1f s] FAULT SIGTERM %s with %d jobs running: exited after %d ms; of those jobs %d"
            + " completed, %d pending (released), %d running elsewhere, %d other; load %s",
        since(t0),
        w.name(),
        inflight.size(),
        exit.toMillis(),
        st[0],
        st[1],
        st[2],
        st[3],
        Workload.loadavg());
    if (runningOf(owner).size() > 0) {
      problems.add("after SIGTERM " + w.name() + " still holds running jobs under its worker id");
    }
    restartLater(w);
    double completed = awaitCompleted(inflight, t);
    String r =
        String.format(
            Locale.ROOT,
            "SIGTERM %s: exit %.1f s, its %d jobs all completed %.1f s after the signal",
            w.name(),
            exit.toMillis() / 1000.0,
            inflight.size(),
            completed);
    recoveries.add(r);
    rep.line("[%5.1f s] RECOVERED %s", since(t0), r);
  }

  /** SIGTERM an API process and start it again on the same port. */
  void restartApi(double share, Node api) throws Exception {
    awaitShare(share);
    long t = System.nanoTime();
    Duration exit = api.stop();
    rep.line(
        "[%5.1f s] FAULT restart %s: SIGTERM, exited after %d ms; load %s",
        since(t0), api.name(), exit.toMillis(), Workload.loadavg());
    api.start();
    if (!c.client.awaitReady(api.url(), MAX_RECOVERY)) {
      problems.add(api.name() + " not ready after restart");
    }
    String r =
        String.format(
            Locale.ROOT, "restart %s: ready again %.1f s after SIGTERM", api.name(), since(t));
    recoveries.add(r);
    rep.line("[%5.1f s] RECOVERED %s", since(t0), r);
  }

  /** {@code pg_ctl restart -m fast}: every connection of every process is cut. */
  void restartPostgres(double share) throws Exception {
    awaitShare(share);
    long before = c.db.completed();
    long t = System.nanoTime();
    c.pg.restart();
    double up = since(t);
    rep.line(
        "[%5.1f s] FAULT PostgreSQL restart (fast): back up after %.1f s, %d jobs completed"
            + " before; load %s",
        since(t0), up, before, Workload.loadavg());
    long base = c.db.completed();
    List<Thread> waits = new ArrayList<>();
    double[] ready = new double[c.apis.size()];
    for (int i = 0; i < c.apis.size(); i++) {
      Node api = c.apis.get(i);
      int k = i;
      waits.add(
          Thread.ofPlatform()
              .start(() -> {
                try {
                  ready[k] = c.client.awaitReady(api.url(), MAX_RECOVERY) ? since(t) : -1;
                } catch (InterruptedException e) {
                  ready[k] = -1;
                }
              }));
    }
    long end = System.nanoTime() + MAX_RECOVERY.toNanos();
    double progress = -1;
    while (System.nanoTime() < end && base < jobs) {
      if (c.db.completed() > base) {
        progress = since(t);
        break;
      }
      Thread.sleep(50);
    }
    if (progress < 0 && base < jobs) {
      problems.add("no job completed within 3 min of the PostgreSQL restart");
    }
    double allReady = 0;
    for (int i = 0; i < waits.size(); i++) {
      waits.get(i).join();
      if (ready[i] < 0) {
        problems.add(c.apis.get(i).name() + " not ready after the PostgreSQL restart");
      }
      allReady = Math.max(allReady, ready[i]);
    }
    for (Node n : c.workers) {
      if (!n.alive() && !restarting.contains(n)) {
        problems.add(n.name() + " died after the PostgreSQL restart");
      }
    }
    String r =
        String.format(
            Locale.ROOT,
            "PostgreSQL restart: database up %.1f s, first completion %.1f s, every API ready"
                + " %.1f s after the restart began",
            up,
            progress,
            allReady);
    recoveries.add(r);
    rep.line("[%5.1f s] RECOVERED %s", since(t0), r);
  }

  private void restartLater(Node w) {
    restarting.add(w);
    Thread.ofPlatform()
        .daemon()
        .start(() -> {
          try {
            Thread.sleep(RESTART_AFTER.toMillis());
            w.start();
            rep.line("[%5.1f s] %s started again (pid %d)", since(t0), w.name(), w.pid());
          } catch (Exception e) {
            problems.add(w.name() + " failed to start again: " + e);
          }
        });
  }

  private void awaitShare(double share) throws Exception {
    while (c.db.completed() < share * jobs) {
      Thread.sleep(100);
    }
  }

  /**
   * The jobs the worker runs, once it runs any (10 s at most). A fault on an idle worker tests
   * nothing: it is reported as a problem (the uploads came too slowly for a backlog: use a shorter
   * {@code --submit-seconds}).
   */
  private Set<String> awaitBusy(String owner) throws Exception {
    long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    Set<String> ids = runningOf(owner);
    while (ids.isEmpty() && System.nanoTime() < end) {
      Thread.sleep(20);
      ids = runningOf(owner);
    }
    if (ids.isEmpty()) {
      problems.add(
          "worker "
              + owner
              + " ran no job for 10 s before its fault, so the fault tested nothing (no backlog:"
              + " submit faster with --submit-seconds)");
    }
    return ids;
  }

  private Set<String> runningOf(String owner) throws Exception {
    Set<String> ids = new TreeSet<>();
    try (Connection k = c.db.connect();
        PreparedStatement ps =
            k.prepareStatement(
                "SELECT CAST(id AS TEXT) FROM job WHERE status = 'running' AND lease_owner = ?")) {
      ps.setString(1, owner);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          ids.add(rs.getString(1));
        }
      }
    }
    return ids;
  }

  /** Counts of the given jobs: completed, pending, running, other. */
  private int[] statusOf(Set<String> ids) throws Exception {
    int[] n = new int[4];
    if (ids.isEmpty()) {
      return n;
    }
    try (Connection k = c.db.connect();
        ResultSet rs =
            k.createStatement()
                .executeQuery(
                    "SELECT status FROM job WHERE CAST(id AS TEXT) IN ('"
                        + String.join("','", ids)
                        + "')")) {
      while (rs.next()) {
        switch (rs.getString(1)) {
          case "completed" -> n[0]++;
          case "pending" -> n[1]++;
          case "running" -> n[2]++;
          default -> n[3]++;
        }
      }
    }
    return n;
  }

  private double awaitNoneRunningOf(String owner, long t) throws Exception {
    long end = System.nanoTime() + MAX_RECOVERY.toNanos();
    while (System.nanoTime() < end) {
      if (runningOf(owner).isEmpty()) {
        return since(t);
      }
      Thread.sleep(50);
    }
    problems.add("jobs of the dead worker " + owner + " still running after 3 min");
    return -1;
  }

  private double awaitCompleted(Set<String> ids, long t) throws Exception {
    long end = System.nanoTime() + MAX_RECOVERY.toNanos();
    while (System.nanoTime() < end) {
      if (statusOf(ids)[0] == ids.size()) {
        return since(t);
      }
      Thread.sleep(50);
    }
    problems.add(ids.size() + " in-flight jobs of a stopped worker not completed after 3 min");
    return -1;
  }

  private static double since(long t) {
    return (System.nanoTime() - t) / 1e9;
  }
}
