package io.gridcast.bench.queue;

import io.gridcast.queue.JobQueue;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * The queue harness. For each backend (embedded PostgreSQL started here, then SQLite):
 *
 * <ol>
 *   <li>no-op throughput: enqueue N jobs in batches of 1,000, start k slots, count from start until
 *       the store shows N completed (k = 2 and 16; also 16 slots with one event subscriber);
 *   <li>pickup latency with idle workers: one job at a time, enqueue -> handler start, p50/p99;
 *   <li>200 CPU-bound jobs of 50 ms on 2 slots: wall time / ideal (200 x 50 ms / 2).
 * </ol>
 *
 * Then the same workloads on the peers, each on a fresh database of the same embedded PostgreSQL:
 * JobRunr 8.7.0 and db-scheduler 16.12.0 (fetch and lock-and-fetch), with the settings of
 * ANCHORS.md, and the ratios Gridcast / peer.
 *
 * <p>Usage: {@code java -cp bench/target/benchmarks.jar
 * io.gridcast.bench.queue.QueueThroughputBench [jobs=20000] [runs=1] [backends=postgresql,sqlite]
 * [peers=jobrunr,db-scheduler,db-scheduler-lock-and-fetch] [peerPickups=20]}. Prints Markdown
 * tables.
 */
public final class QueueThroughputBench {
  private static final PrintStream OUT = System.out;
  private static final int BATCH = 1000;

  private QueueThroughputBench() {}

  /** One row of the table: a name, a harness factory, and how many pickup samples it gets. */
  private record Subject(String name, Function<String, QueueHarness> make, int pickups) {}

  /** One row's figures. */
  private record Row(
      String name, double t2, double t16, double t16s, double[] pickup, double cpu) {}

  public static void main(String[] args) throws Exception {
    int jobs = 20_000;
    int runs = 1;
    int peerPickups = 20;
    boolean freeSlotsOnly = true;
    List<String> backends = List.of("postgresql", "sqlite");
    List<String> peers = List.of("jobrunr", "db-scheduler", "db-scheduler-lock-and-fetch");
    for (String a : args) {
      String[] kv = a.split("=", 2);
      switch (kv[0]) {
        case "jobs" -> jobs = Integer.parseInt(kv[1]);
        case "runs" -> runs = Integer.parseInt(kv[1]);
        case "backends" -> backends = kv[1].isEmpty() ? List.of() : Arrays.asList(kv[1].split(","));
        case "peers" -> peers = kv[1].isEmpty() ? List.of() : Arrays.asList(kv[1].split(","));
        case "peerPickups" -> peerPickups = Integer.parseInt(kv[1]);
        case "freeSlotsOnly" -> freeSlotsOnly = Boolean.parseBoolean(kv[1]);
        default -> throw new IllegalArgumentException("unknown argument '" + a + "'");
      }
    }
    try (BenchDatabases dbs = new BenchDatabases()) {
      List<Subject> subjects = new ArrayList<>();
      for (String backend : backends) {
        String n = "gridcast/" + backend;
        // SQLite: the harness's two queues share one database object and one pool as large as
        // their two own pools would be (4 each); PostgreSQL: a pool of 20 each.
        int sharedPool = backend.equals("sqlite") ? 8 : 0;
        subjects.add(
            new Subject(
                n,
                label ->
                    new GridcastHarness(
                        n,
                        backend.equals("sqlite") ? dbs.sqlite() : dbs.postgres(),
                        sharedPool,
                        JobQueue.Builder.DEFAULT_CLAIM_AHEAD_BUDGET),
                300));
        if (freeSlotsOnly) {
          String f = n + " (free slots only)";
          subjects.add(
              new Subject(
                  f,
                  label ->
                      new GridcastHarness(
                          f,
                          backend.equals("sqlite") ? dbs.sqlite() : dbs.postgres(),
                          sharedPool,
                          Duration.ZERO),
                  300));
        }
      }
      for (String peer : peers) {
        String n = peer + "/postgresql";
        Function<String, QueueHarness> make =
            switch (peer) {
              case "jobrunr" -> label -> new JobRunrHarness(n, dbs.postgres());
              case "db-scheduler" ->
                  label ->
                      new DbSchedulerHarness(n, dbs.postgres(), DbSchedulerHarness.Polling.FETCH);
              case "db-scheduler-lock-and-fetch" ->
                  label ->
                      new DbSchedulerHarness(
                          n, dbs.postgres(), DbSchedulerHarness.Polling.LOCK_AND_FETCH);
              default -> throw new IllegalArgumentException("unknown peer '" + peer + "'");
            };
        // JobRunr polls every 5 s: 300 pickups would take ~12 minutes.
        subjects.add(new Subject(n, make, peer.equals("jobrunr") ? peerPickups : 300));
      }
      OUT.println(
          "| queue | no-op jobs/s, 2 slots | 16 slots | 16 slots + subscriber |"
              + " pickup p50 / p99 ms (samples) | 200 x 50 ms CPU on 2 slots, wall / ideal |");
      OUT.println("|---|---|---|---|---|---|");
      List<Row> rows = new ArrayList<>();
      for (Subject sub : subjects) {
        boolean ours = sub.name().startsWith("gridcast/");
        double t2 = median(runs, jobs, 2, false, sub.make());
        double t16 = median(runs, jobs, 16, false, sub.make());
        double t16s = ours ? median(runs, jobs, 16, true, sub.make()) : Double.NaN;
        double[] pickup = pickup(sub.make().apply("pickup"), sub.pickups());
        double cpu = cpuBound(sub.make().apply("cpu"), 200, Duration.ofMillis(50), 2);
        Row r = new Row(sub.name(), t2, t16, t16s, pickup, cpu);
        rows.add(r);
        OUT.printf(
            Locale.ROOT,
            "| %s | %,.0f | %,.0f | %s | %.2f / %.2f (%d) | %.3f |%n",
            r.name(),
            t2,
            t16,
            ours ? String.format(Locale.ROOT, "%,.0f", t16s) : "-",
            pickup[0],
            pickup[1],
            sub.pickups(),
            cpu);
      }
      ratios(rows);
    }
  }

  /** Gridcast/peer throughput and peer/Gridcast pickup p50 for every (ours, peer) pair. */
  private static void ratios(List<Row> rows) {
    List<Row> ours = rows.stream().filter(r -> r.name().startsWith("gridcast/")).toList();
    List<Row> peers = rows.stream().filter(r -> !r.name().startsWith("gridcast/")).toList();
    if (ours.isEmpty() || peers.isEmpty()) {
      return;
    }
    OUT.println();
    OUT.println(
        "| ours / peer | throughput 2 slots | throughput 16 slots | pickup p50 peer / ours |"
            + " CPU-bound wall, peer / ours |");
    OUT.println("|---|---|---|---|---|");
    for (Row o : ours) {
      for (Row p : peers) {
        OUT.printf(
            Locale.ROOT,
            "| %s / %s | %.2f | %.2f | %.0f | %.2f |%n",
            o.name(),
            p.name(),
            o.t2() / p.t2(),
            o.t16() / p.t16(),
            p.pickup()[0] / o.pickup()[0],
            p.cpu() / o.cpu());
      }
    }
  }

  private static double median(
      int runs, int jobs, int slots, boolean subscriber, Function<String, QueueHarness> make)
      throws InterruptedException {
    double[] r = new double[runs];
    for (int i = 0; i < runs; i++) {
      try (QueueHarness h = make.apply("noop")) {
        r[i] = noops(h, jobs, slots, subscriber);
      }
    }
    Arrays.sort(r);
    return r[runs / 2];
  }

  /** Jobs per second from worker start until the store shows all completed. */
  static double noops(QueueHarness h, int jobs, int slots, boolean subscriber)
      throws InterruptedException {
    List<String> batch = new ArrayList<>(BATCH);
    for (int i = 0; i < jobs; i++) {
      batch.add(null);
      if (batch.size() == BATCH || i == jobs - 1) {
        h.enqueue(batch);
        batch = new ArrayList<>(BATCH);
      }
    }
    AtomicLong seen = new AtomicLong();
    AutoCloseable sub = subscriber && h instanceof GridcastHarness g ? g.subscribe(seen) : null;
    h.prepareWorkers(slots, p -> {});
    long t0 = System.nanoTime();
    h.startWorkers();
    h.awaitCompleted(jobs, Duration.ofMinutes(5));
    double secs = (System.nanoTime() - t0) / 1e9;
    if (sub != null) {
      try {
        sub.close();
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }
    return jobs / secs;
  }

  /** p50 and p99 in ms of enqueue -> handler start, one job at a time, workers idle. */
  static double[] pickup(QueueHarness h, int samples) throws InterruptedException {
    try (h) {
      ConcurrentLinkedQueue<Long> lat = new ConcurrentLinkedQueue<>();
      h.prepareWorkers(2, p -> lat.add(System.nanoTime() - Long.parseLong(p)));
      h.startWorkers();
      Thread.sleep(500);
      for (int i = 0; i < samples; i++) {
        h.enqueue(List.of(Long.toString(System.nanoTime())));
        h.awaitCompleted(i + 1, Duration.ofSeconds(30));
        Thread.sleep(10);
      }
      long[] v = lat.stream().mapToLong(Long::longValue).sorted().toArray();
      return new double[] {v[v.length / 2] / 1e6, v[(int) Math.ceil(v.length * 0.99) - 1] / 1e6};
    }
  }

  /** Wall time of {@code jobs} busy-spinning jobs on {@code slots} over the ideal. */
  static double cpuBound(QueueHarness h, int jobs, Duration each, int slots)
      throws InterruptedException {
    try (h) {
      List<String> payloads = new ArrayList<>();
      for (int i = 0; i < jobs; i++) {
        payloads.add(null);
      }
      h.enqueue(payloads);
      h.prepareWorkers(
          slots,
          p -> {
            long end = System.nanoTime() + each.toNanos();
            double x = 0;
            while (System.nanoTime() < end) {
              x += Math.sqrt(x + 1);
            }
            if (x < 0) {
              throw new IllegalStateException("unreachable");
            }
          });
      long t0 = System.nanoTime();
      h.startWorkers();
      h.awaitCompleted(jobs, Duration.ofMinutes(5));
      double wall = (System.nanoTime() - t0) / 1e9;
      double ideal = jobs * each.toNanos() / 1e9 / slots;
      return wall / ideal;
    }
  }
}
