package io.gridcast.bench.cluster;

import io.gridcast.queue.JobQueue;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToLongFunction;

/**
 * Soak: steady submission for {@code --minutes} against the PostgreSQL cluster (2 {@code gridcast
 * api}, 2 {@code gridcast worker}) with retention pruning running: the queue's own maintenance (in
 * a workers-less {@link JobQueue} in this JVM, retention {@code --retention-seconds}, event
 * retention {@code --event-retention-seconds}; the server's 24 h / 1 h defaults are not flags) and
 * datasets deleted through {@code DELETE /api/datasets/{id}} {@code --dataset-ttl-seconds} after
 * upload. Every minute: each process's heap after a full GC ({@code jcmd GC.run}, then {@code jstat
 * -gc}), per process and summed, the database size and row counts. Flat means, over the second half
 * of the samples: the least-squares slope of the summed heap is under {@value
 * #MAX_HEAP_SLOPE_MIB_PER_MIN} MiB a minute and that of the database under {@value
 * #MAX_DB_SLOPE_MIB_PER_MIN} (a day at either rate would be under ~150 MiB), and the last third's
 * peak is within 10% (+4 MiB) of the middle third's; otherwise exit 1. At the end, the classes that
 * grew most in the process whose heap grew most (two {@code jcmd GC.class_histogram}s) say where a
 * growth came from.
 *
 * <p>Both cache tiers are bounded low ({@code --cache-memory-max-entries}, {@code
 * --cache-disk-max-mb}) so that they fill in the first minutes: with the product's bounds (10,000
 * entries and 256 MiB per process) a 30-minute soak is still filling them at its end, and their
 * growth would hide a leak or read as one.
 *
 * <p>Usage: {@code java -cp bench/target/benchmarks.jar io.gridcast.bench.cluster.SoakRun
 * server/target/gridcast.jar [--minutes 30] [--skus-per-upload 50] [--upload-every-seconds 10]
 * [--cache-disk-max-mb 1] [--cache-memory-max-entries 200] [--report FILE]}.
 */
public final class SoakRun {
  private SoakRun() {}

  static final double MAX_HEAP_SLOPE_MIB_PER_MIN = 0.1;
  static final double MAX_DB_SLOPE_MIB_PER_MIN = 0.1;

  record Sample(
      double minute,
      long dbBytes,
      long heapBytes,
      Map<String, Long> heapByNode,
      Map<String, Long> rows,
      long done) {}

  public static void main(String[] args) throws Exception {
    Path jar = Path.of(args.length > 0 ? args[0] : "server/target/gridcast.jar");
    Options o = Options.parse(args);
    int minutes = o.integer("--minutes", 30);
    int perUpload = o.integer("--skus-per-upload", 50);
    int every = o.integer("--upload-every-seconds", 10);
    int retention = o.integer("--retention-seconds", 120);
    int eventRetention = o.integer("--event-retention-seconds", 180);
    int datasetTtl = o.integer("--dataset-ttl-seconds", 180);
    ClusterRun.Report rep = new ClusterRun.Report(o.get("--report", null));
    // Cache bounds the soak reaches in minutes (see the class comment).
    int cacheMb = o.integer("--cache-disk-max-mb", 1);
    int cacheEntries = o.integer("--cache-memory-max-entries", 200);
    List<String> cache =
        List.of(
            "--cache-disk-max-mb",
            Integer.toString(cacheMb),
            "--cache-memory-max-entries",
            Integer.toString(cacheEntries));
    Cluster.Settings s = new Cluster.Settings(true, 2, 2, 2, 30, "384m", cache, 0, cache);
    List<String> broken = new ArrayList<>();
    List<Sample> samples = new ArrayList<>();
    try (Cluster c = Cluster.start(jar, s);
        JobQueue pruner =
            JobQueue.create(c.pg.jdbcUrl(), "gridcast", "gridcast")
                .migrate(false)
                .workers(0)
                .maxPoolSize(2)
                .retention(Duration.ofSeconds(retention))
                .eventRetention(Duration.ofSeconds(eventRetention))
                .build()) {
      pruner.start();
      rep.line(
          "soak %s: PostgreSQL 15, 2 api + 2 worker processes (-Xmx384m, 2 slots each); %d SKUs"
              + " uploaded every %d s for %d min; job retention %d s, event retention %d s,"
              + " datasets deleted %d s after upload; result cache bound %d MiB on disk, %d"
              + " entries in memory per process; load average %s",
          Instant.now(),
          perUpload,
          every,
          minutes,
          retention,
          eventRetention,
          datasetTtl,
          cacheMb,
          cacheEntries,
          Workload.loadavg());
      long t0 = System.nanoTime();
      long end = t0 + Duration.ofMinutes(minutes).toNanos();
      long nextSample = t0;
      Deque<Object[]> live = new ArrayDeque<>();
      int u = 0;
      int deleted = 0;
      long submitted = 0;
      Map<Long, Map<String, Long>> firstHistograms = histograms(c);
      while (System.nanoTime() < end) {
        Client.Upload up =
            c.client.upload(
                c.roundRobin(),
                "optimize=true&horizon=6&models=ses,holt,damped_holt,theta,naive",
                Workload.csv("K" + u + "-S", perUpload, 48, u),
                "soak-" + u,
                System.nanoTime() + Duration.ofMinutes(2).toNanos());
        submitted += up.jobIds().size();
        live.add(new Object[] {up.datasetId(), System.nanoTime()});
        u++;
        while (!live.isEmpty()
            && System.nanoTime() - (long) live.peek()[1]
                > Duration.ofSeconds(datasetTtl).toNanos()) {
          String id = (String) live.poll()[0];
          var r =
              c.client
                  .http()
                  .send(
                      c.client
                          .request(c.roundRobin().get() + "/api/datasets/" + id)
                          .DELETE()
                          .timeout(Duration.ofSeconds(30))
                          .build(),
                      HttpResponse.BodyHandlers.ofString());
          if (r.statusCode() / 100 != 2) {
            broken.add("DELETE dataset answered " + r.statusCode() + " " + r.body());
          }
          deleted++;
        }
        if (System.nanoTime() >= nextSample) {
          Sample sm = sample(c, (System.nanoTime() - t0) / 6e10);
          samples.add(sm);
          rep.line(
              "[%5.1f min] db %.1f MiB, heap after GC (sum of %d processes) %.1f MiB %s, rows %s,"
                  + " submitted %d, completed now %d, datasets deleted %d; load %s",
              sm.minute(),
              sm.dbBytes() / 1048576.0,
              c.apis.size() + c.workers.size(),
              sm.heapBytes() / 1048576.0,
              mib(sm.heapByNode()),
              sm.rows(),
              submitted,
              sm.done(),
              deleted,
              Workload.loadavg());
          nextSample += Duration.ofMinutes(1).toNanos();
        }
        Thread.sleep(Math.max(0, every * 1000L - 50));
      }
      Map<String, Long> counts = c.db.statusCounts();
      rep.line("status counts at the end (after pruning): %s", counts);
      if (counts.getOrDefault("failed", 0L) > 0) {
        broken.add(counts.get("failed") + " failed jobs");
      }
      long backlog = counts.getOrDefault("pending", 0L) + counts.getOrDefault("running", 0L);
      if (backlog > 3L * perUpload) {
        broken.add("the workers fell behind: " + backlog + " jobs pending or running at the end");
      }
      growth(c, firstHistograms, rep);
      List<String> errs = c.errors();
      rep.line("ERROR lines logged by the processes: %d", errs.size());
      errs.stream().limit(5).forEach(e -> rep.line("  %s", e));
    }
    flatness(samples, broken, rep);
    for (String b : broken) {
      rep.line("INVARIANT BROKEN: %s", b);
    }
    if (broken.isEmpty()) {
      rep.line("FLAT: heap and database size steady over the last third");
    }
    rep.flush();
    if (!broken.isEmpty()) {
      System.exit(1);
    }
  }

  private static void flatness(List<Sample> samples, List<String> broken, ClusterRun.Report rep) {
    if (samples.size() < 6) {
      broken.add("too few samples to judge flatness: " + samples.size());
      return;
    }
    int n = samples.size();
    List<Sample> middle = samples.subList(n / 3, 2 * n / 3);
    List<Sample> last = samples.subList(2 * n / 3, n);
    List<Sample> half = samples.subList(n / 2, n);
    long slack = 4L << 20;
    long dbMid = middle.stream().mapToLong(Sample::dbBytes).max().orElseThrow();
    long dbLast = last.stream().mapToLong(Sample::dbBytes).max().orElseThrow();
    long heapMid = middle.stream().mapToLong(Sample::heapBytes).max().orElseThrow();
    long heapLast = last.stream().mapToLong(Sample::heapBytes).max().orElseThrow();
    double heapSlope = slopeMibPerMinute(half, Sample::heapBytes);
    double dbSlope = slopeMibPerMinute(half, Sample::dbBytes);
    rep.line(
        "peaks, middle third -> last third: db %.1f -> %.1f MiB, heap %.1f -> %.1f MiB;"
            + " slopes over the second half: db %+.3f MiB/min, heap %+.3f MiB/min",
        dbMid / 1048576.0,
        dbLast / 1048576.0,
        heapMid / 1048576.0,
        heapLast / 1048576.0,
        dbSlope,
        heapSlope);
    if (dbLast > dbMid * 1.10 + slack) {
      broken.add("database peak grew in the last third");
    }
    if (heapLast > heapMid * 1.10 + slack) {
      broken.add("heap-after-GC peak grew in the last third");
    }
    if (dbSlope > MAX_DB_SLOPE_MIB_PER_MIN) {
      broken.add(String.format("database grows %.3f MiB/min over the second half", dbSlope));
    }
    if (heapSlope > MAX_HEAP_SLOPE_MIB_PER_MIN) {
      broken.add(String.format("heap after GC grows %.3f MiB/min over the second half", heapSlope));
    }
  }

  /** Least-squares slope of {@code value} (bytes) against the sample minute, in MiB a minute. */
  static double slopeMibPerMinute(List<Sample> samples, ToLongFunction<Sample> value) {
    double mx = samples.stream().mapToDouble(Sample::minute).average().orElseThrow();
    double my = samples.stream().mapToDouble(value::applyAsLong).average().orElseThrow();
    double num = 0;
    double den = 0;
    for (Sample s : samples) {
      num += (s.minute() - mx) * (value.applyAsLong(s) - my);
      den += (s.minute() - mx) * (s.minute() - mx);
    }
    return den == 0 ? 0 : num / den / 1048576.0;
  }

  private static String mib(Map<String, Long> byNode) {
    StringBuilder b = new StringBuilder("(");
    byNode.forEach((k, v) ->
        b.append(b.length() > 1 ? " " : "").append(String.format("%s %.1f", k, v / 1048576.0)));
    return b.append(')').toString();
  }

  /** Class histograms ({@code jcmd GC.class_histogram}) of every process, by pid. */
  private static Map<Long, Map<String, Long>> histograms(Cluster c) throws Exception {
    Map<Long, Map<String, Long>> out = new HashMap<>();
    for (Node n : nodes(c)) {
      out.put(n.pid(), histogram(n.pid()));
    }
    return out;
  }

  /** Bytes by class name, from {@code jcmd PID GC.class_histogram} (which runs a full GC). */
  static Map<String, Long> histogram(long pid) throws Exception {
    String out = run(jdkTool("jcmd"), Long.toString(pid), "GC.class_histogram");
    Map<String, Long> bytes = new HashMap<>();
    for (String line : out.split("\n")) {
      String[] f = line.trim().split("\\s+");
      if (f.length >= 4 && f[0].endsWith(":")) {
        bytes.merge(f[3], Long.parseLong(f[2]), Long::sum);
      }
    }
    return bytes;
  }

  /** The classes that grew most in the process whose heap grew most since the first histograms. */
  private static void growth(Cluster c, Map<Long, Map<String, Long>> first, ClusterRun.Report rep)
      throws Exception {
    Node worst = null;
    Map<String, Long> worstNow = Map.of();
    long worstGrowth = Long.MIN_VALUE;
    for (Node n : nodes(c)) {
      Map<String, Long> before = first.get(n.pid());
      if (before == null) {
        continue; // restarted: no first histogram of this process
      }
      Map<String, Long> now = histogram(n.pid());
      long g =
          now.values().stream().mapToLong(Long::longValue).sum()
              - before.values().stream().mapToLong(Long::longValue).sum();
      if (g > worstGrowth) {
        worst = n;
        worstNow = now;
        worstGrowth = g;
      }
    }
    if (worst == null) {
      return;
    }
    Map<String, Long> before = first.get(worst.pid());
    rep.line(
        "histogram growth of %s (the process whose live heap grew most): %+.1f MiB; top classes:",
        worst.name(), worstGrowth / 1048576.0);
    worstNow.entrySet().stream()
        .map(e -> Map.entry(e.getKey(), e.getValue() - before.getOrDefault(e.getKey(), 0L)))
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .limit(8)
        .forEach(e -> rep.line("  %+9.1f KiB %s", e.getValue() / 1024.0, e.getKey()));
  }

  private static List<Node> nodes(Cluster c) {
    List<Node> all = new ArrayList<>(c.apis);
    all.addAll(c.workers);
    return all;
  }

  private static Sample sample(Cluster c, double minute) throws Exception {
    long heap = 0;
    Map<String, Long> byNode = new LinkedHashMap<>();
    for (Node n : nodes(c)) {
      long h = heapAfterGc(n.pid());
      byNode.put(n.name(), h);
      heap += h;
    }
    Map<String, Long> rows = new TreeMap<>();
    try (var k = c.db.connect()) {
      for (String t : new String[] {"job", "job_event", "forecast_result", "dataset_series"}) {
        try (var rs = k.createStatement().executeQuery("SELECT COUNT(*) FROM " + t)) {
          rs.next();
          rows.put(t, rs.getLong(1));
        }
      }
    }
    return new Sample(minute, c.databaseBytes(), heap, byNode, rows, c.db.completed());
  }

  /** Bytes in use after {@code jcmd PID GC.run}: S0U + S1U + EU + OU of {@code jstat -gc}. */
  static long heapAfterGc(long pid) throws Exception {
    run(jdkTool("jcmd"), Long.toString(pid), "GC.run");
    String out = run(jdkTool("jstat"), "-gc", Long.toString(pid));
    String[] lines = out.strip().split("\n");
    String[] head = lines[0].trim().split("\\s+");
    String[] vals = lines[lines.length - 1].trim().split("\\s+");
    double kb = 0;
    for (int i = 0; i < head.length; i++) {
      if (List.of("S0U", "S1U", "EU", "OU").contains(head[i])) {
        kb += Double.parseDouble(vals[i].replace(',', '.'));
      }
    }
    return (long) (kb * 1024);
  }

  private static String jdkTool(String name) {
    Path bin = Path.of(ProcessHandle.current().info().command().orElse("java")).getParent();
    return bin.resolve(name).toString();
  }

  private static String run(String... cmd) throws Exception {
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    p.waitFor();
    if (p.exitValue() != 0) {
      throw new IllegalStateException(String.join(" ", cmd) + " failed: " + out);
    }
    return out;
  }
}
