package io.gridcast.bench.queue;

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
 * Usage: {@code java -cp bench/target/benchmarks.jar io.gridcast.bench.queue.QueueThroughputBench
 * [jobs=20000] [runs=1] [backends=postgresql,sqlite]}. Prints a Markdown table.
 */
public final class QueueThroughputBench {
  private static final PrintStream OUT = System.out;
  private static final int BATCH = 1000;

  private QueueThroughputBench() {}

  public static void main(String[] args) throws Exception {
    int jobs = 20_000;
    int runs = 1;
    List<String> backends = List.of("postgresql", "sqlite");
    for (String a : args) {
      String[] kv = a.split("=", 2);
      switch (kv[0]) {
        case "jobs" -> jobs = Integer.parseInt(kv[1]);
        case "runs" -> runs = Integer.parseInt(kv[1]);
        case "backends" -> backends = Arrays.asList(kv[1].split(","));
        default -> throw new IllegalArgumentException("unknown argument '" + a + "'");
      }
    }
    try (BenchDatabases dbs = new BenchDatabases()) {
      OUT.println(
          "| queue | no-op jobs/s, 2 slots | 16 slots | 16 slots + subscriber |"
              + " pickup p50 / p99 ms | 200 x 50 ms CPU on 2 slots, wall / ideal |");
      OUT.println("|---|---|---|---|---|---|");
      for (String backend : backends) {
        Function<String, QueueHarness> make =
            label ->
                new GridcastHarness(
                    "gridcast/" + backend,
                    backend.equals("sqlite") ? dbs.sqlite() : dbs.postgres());
        double t2 = median(runs, jobs, 2, false, make);
        double t16 = median(runs, jobs, 16, false, make);
        double t16s = median(runs, jobs, 16, true, make);
        double[] pickup = pickup(make.apply("pickup"), 300);
        double cpu = cpuBound(make.apply("cpu"), 200, Duration.ofMillis(50), 2);
        OUT.printf(
            Locale.ROOT,
            "| gridcast/%s | %,.0f | %,.0f | %,.0f | %.2f / %.2f | %.3f |%n",
            backend,
            t2,
            t16,
            t16s,
            pickup[0],
            pickup[1],
            cpu);
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
