package io.gridcast.bench.queue;

import io.gridcast.queue.JobFilter;
import io.gridcast.queue.JobQueue;
import io.gridcast.queue.JobSpec;
import io.gridcast.queue.JobStatus;
import io.gridcast.queue.JobStore;
import io.gridcast.queue.JobStore.JobCountByStatusParams;
import io.gridcast.queue.JobStore.JobListParams;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Counting and listing at scale: fills the queue with {@code rows} jobs over 100 owners (10% of
 * them then completed), folds the counts, and times per-owner and overall status counts and the
 * first and a deep page of a filtered listing (p50/p99 over 200 calls each).
 *
 * <p>Usage: {@code java -cp bench/target/benchmarks.jar io.gridcast.bench.queue.QueueListingBench
 * [rows=1000000] [backends=postgresql,sqlite]}.
 */
public final class QueueListingBench {
  private static final PrintStream OUT = System.out;
  private static final int OWNERS = 100;

  private QueueListingBench() {}

  public static void main(String[] args) {
    int rows = 1_000_000;
    List<String> backends = List.of("postgresql", "sqlite");
    for (String a : args) {
      String[] kv = a.split("=", 2);
      switch (kv[0]) {
        case "rows" -> rows = Integer.parseInt(kv[1]);
        case "backends" -> backends = Arrays.asList(kv[1].split(","));
        default -> throw new IllegalArgumentException("unknown argument '" + a + "'");
      }
    }
    OUT.println(
        "| backend | rows | fill s | count one owner p50/p99 ms | count all p50/p99 ms |"
            + " list page 1 (owner+status) p50/p99 ms | list page 1 (label contains) p50/p99 ms |");
    OUT.println("|---|---|---|---|---|---|---|");
    try (BenchDatabases dbs = new BenchDatabases()) {
      for (String backend : backends) {
        BenchDatabases.Db db = backend.equals("sqlite") ? dbs.sqlite() : dbs.postgres();
        try (JobQueue q =
            JobQueue.create(db.url(), db.user(), db.password())
                .workers(0)
                .register("noop", ctx -> null)
                .build()) {
          long t0 = System.nanoTime();
          fill(q, rows);
          double fill = (System.nanoTime() - t0) / 1e9;
          JobStore s = q.store();
          s.countCompact();
          double[] one = time(() -> s.jobCountByStatus(new JobCountByStatusParams("owner-42")));
          double[] all = time(() -> s.jobCountByStatus(new JobCountByStatusParams(null)));
          double[] page =
              time(() ->
                  s.jobList(
                      new JobListParams(
                          JobFilter.owner("owner-42").withStatuses(JobStatus.PENDING), null, 50)));
          double[] label =
              time(() ->
                  s.jobList(
                      new JobListParams(
                          JobFilter.owner("owner-42").withLabelContaining("SKU-77"), null, 50)));
          OUT.printf(
              Locale.ROOT,
              "| %s | %,d | %.1f | %.2f / %.2f | %.2f / %.2f | %.2f / %.2f | %.2f / %.2f |%n",
              backend,
              rows,
              fill,
              one[0],
              one[1],
              all[0],
              all[1],
              page[0],
              page[1],
              label[0],
              label[1]);
        }
      }
    }
  }

  private static void fill(JobQueue q, int rows) {
    int perCall = 10_000;
    for (int done = 0; done < rows; done += perCall) {
      List<JobSpec> specs = new ArrayList<>(perCall);
      for (int i = 0; i < perCall; i++) {
        specs.add(JobSpec.of("noop", null).withLabel("SKU-" + (done + i)));
      }
      q.enqueue("owner-" + (done / perCall) % OWNERS, null, null, specs);
    }
  }

  private static double[] time(Supplier<?> call) {
    int n = 200;
    long[] ns = new long[n];
    for (int i = 0; i < 20; i++) {
      call.get();
    }
    for (int i = 0; i < n; i++) {
      long t0 = System.nanoTime();
      call.get();
      ns[i] = System.nanoTime() - t0;
    }
    Arrays.sort(ns);
    return new double[] {ns[n / 2] / 1e6, ns[(int) (n * 0.99) - 1] / 1e6};
  }
}
