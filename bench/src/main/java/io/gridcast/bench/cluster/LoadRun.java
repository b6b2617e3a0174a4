package io.gridcast.bench.cluster;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * HTTP load against the PostgreSQL cluster (2 {@code gridcast api}, {@code --worker-processes}
 * {@code gridcast worker} of 2 slots, 3 by default): first the idle baseline (one client,
 * sequential {@code GET /api/jobs/status}, after 2,000 unmeasured), then {@code --clients} clients
 * each polling {@code GET /api/jobs/status} once per {@code --poll-ms} (random phase, round robin
 * over the APIs, each on its own kept-alive connection: {@link Poller}) plus {@code --streams} open
 * {@code /api/events} streams, while a backlog of optimization jobs keeps the workers fitting:
 * first {@code --warmup-seconds} unmeasured (fresh JVMs spend their first minute compiling), then
 * {@code --seconds} measured. Latency is measured from sending each request to its full answer.
 * Targets: zero errors, loaded p99 at most 3x the idle p99 and under 50 ms; a missed target ends
 * with exit 1. The report also says where the CPU went (API processes, workers, PostgreSQL, this
 * generator) during the measured window.
 *
 * <p>Usage: {@code java -cp bench/target/benchmarks.jar io.gridcast.bench.cluster.LoadRun
 * server/target/gridcast.jar [--clients 500] [--streams 200] [--seconds 60] [--warmup-seconds 60]
 * [--poll-ms 1000] [--backlog 40000] [--fit-nice N] [--worker-nice 0] [--worker-processes 3]
 * [--report FILE]}. {@code --fit-nice} is passed to the workers (the nice value of their job
 * threads; the product's default when absent). {@code --worker-nice 19} starts the whole worker
 * processes under {@code nice -n 19} instead (their claims and outcome writes too), for comparison.
 */
public final class LoadRun {
  private LoadRun() {}

  public static void main(String[] args) throws Exception {
    Path jar = Path.of(args.length > 0 ? args[0] : "server/target/gridcast.jar");
    Options o = Options.parse(args);
    int clients = o.integer("--clients", 500);
    int streams = o.integer("--streams", 200);
    int seconds = o.integer("--seconds", 60);
    int warmup = o.integer("--warmup-seconds", 60);
    int pollMs = o.integer("--poll-ms", 1000);
    int backlog = o.integer("--backlog", 40000);
    int nice = o.integer("--worker-nice", 0);
    String fitNice = o.get("--fit-nice", null); // null: the product's default
    int workerProcesses = o.integer("--worker-processes", 3);
    ClusterRun.Report rep = new ClusterRun.Report(o.get("--report", null));
    Cluster.Settings s =
        new Cluster.Settings(
            true,
            2,
            workerProcesses,
            2,
            30,
            "512m",
            List.of("--max-streams-per-user", Integer.toString(Math.max(8, streams))),
            nice,
            fitNice == null ? List.of() : List.of("--fit-nice", fitNice));
    List<String> broken = new ArrayList<>();
    try (Cluster c = Cluster.start(jar, s)) {
      rep.line(
          "load run %s: PostgreSQL 15, 2 api + %d worker processes (2 slots each); %d clients x 1"
              + " GET /api/jobs/status per %d ms, %d open event streams, %d s; worker processes"
              + " at nice %d, their job threads at --fit-nice %s",
          Instant.now(),
          workerProcesses,
          clients,
          pollMs,
          streams,
          seconds,
          nice,
          fitNice == null ? "default" : fitNice);
      // idle baseline: a small finished batch in the table, nothing else running
      long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
      c.client.upload(
          c.roundRobin(),
          "optimize=true&horizon=6&models=ses,naive",
          Workload.csv("IDLE-", 100, 48, 1),
          "idle",
          deadline);
      while (c.db.completed() < 100) {
        Thread.sleep(200);
      }
      double[] idle = new double[1000];
      List<Poller> idlePollers = List.of(poller(c, 0), poller(c, 1));
      for (int i = 0; i < 2 * idle.length; i++) { // warm-up, not measured
        idlePollers.get(i % 2).get();
      }
      for (int i = 0; i < idle.length; i++) {
        long t0 = System.nanoTime();
        Poller.Answer r = idlePollers.get(i % 2).get();
        idle[i] = (System.nanoTime() - t0) / 1e6;
        if (r.status() != 200) {
          broken.add("idle GET /api/jobs/status answered " + r.status());
        }
      }
      idlePollers.forEach(Poller::close);
      Arrays.sort(idle);
      rep.line("idle: %s; load average %s", summary(idle), Workload.loadavg());
      // backlog: keeps all worker slots fitting for the whole run (default selection, 60 points)
      int uploads = Math.max(1, backlog / 1000);
      for (int u = 0; u < uploads; u++) {
        c.client.upload(
            c.roundRobin(),
            "optimize=true&horizon=12",
            Workload.csv("B" + u + "-S", 1000, 60, 100 + u),
            "backlog-" + u,
            deadline);
      }
      rep.line("backlog: %d jobs queued; load average %s", uploads * 1000, Workload.loadavg());
      List<EventStream> open = new ArrayList<>();
      for (int i = 0; i < streams; i++) {
        Node api = c.apis.get(i % 2);
        open.add(new EventStream("s" + i, c.client, api::url, false));
      }
      Thread.sleep(2000);
      long loadStart = System.nanoTime();
      long measureStart = loadStart + Duration.ofSeconds(warmup).toNanos();
      long loadEnd = measureStart + Duration.ofSeconds(seconds).toNanos();
      double[][] lat = new double[clients][];
      AtomicLong errors = new AtomicLong();
      AtomicLong requests = new AtomicLong();
      AtomicLong resent = new AtomicLong();
      AtomicLong warmupErrors = new AtomicLong();
      List<String> errorSamples = Collections.synchronizedList(new ArrayList<>());
      List<Thread> threads = new ArrayList<>();
      for (int k = 0; k < clients; k++) {
        int id = k;
        threads.add(
            Thread.ofVirtual()
                .start(() -> {
                  List<Double> mine = new ArrayList<>();
                  Poller poller = poller(c, id % 2);
                  long next = loadStart + ThreadLocalRandom.current().nextLong(pollMs) * 1_000_000L;
                  try {
                    while (true) {
                      long wait = next - System.nanoTime();
                      if (wait > 0) {
                        Thread.sleep(Duration.ofNanos(wait));
                      }
                      if (System.nanoTime() >= loadEnd) {
                        break;
                      }
                      long t0 = System.nanoTime();
                      boolean measured = t0 >= measureStart;
                      AtomicLong failed = measured ? errors : warmupErrors;
                      try {
                        Poller.Answer r = poller.get();
                        if (r.status() != 200) {
                          failed.incrementAndGet();
                          errorSamples.add(r.status() + " " + r.text());
                        }
                      } catch (IOException e) {
                        failed.incrementAndGet();
                        errorSamples.add(e.toString());
                      }
                      if (measured) {
                        mine.add((System.nanoTime() - t0) / 1e6);
                        requests.incrementAndGet();
                      }
                      next += pollMs * 1_000_000L;
                    }
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                  poller.close();
                  resent.addAndGet(poller.retries());
                  lat[id] = mine.stream().mapToDouble(Double::doubleValue).toArray();
                }));
      }
      // warm-up: the same load, not measured (both JVMs compile the hot paths meanwhile)
      Thread.sleep(Duration.ofNanos(Math.max(0, measureStart - System.nanoTime())));
      long eventsBefore = open.stream().mapToLong(EventStream::events).sum();
      open.forEach(EventStream::recordDelays);
      CpuUse cpuBefore = CpuUse.snapshot(c);
      if (Postgres.STATEMENTS) {
        c.db.resetStatements();
      }
      rep.line(
          "warm-up: %d s of the same load, not measured; %d failed requests; load average %s",
          warmup, warmupErrors.get(), Workload.loadavg());
      for (Thread t : threads) {
        t.join();
      }
      double wall = (System.nanoTime() - measureStart) / 1e9;
      String loadAvg = Workload.loadavg();
      String cpu = CpuUse.snapshot(c).since(cpuBefore);
      double[] all = Arrays.stream(lat).flatMapToDouble(Arrays::stream).sorted().toArray();
      long streamEvents = open.stream().mapToLong(EventStream::events).sum() - eventsBefore;
      int reconnects = open.stream().mapToInt(EventStream::reconnects).sum();
      int disorder = open.stream().mapToInt(EventStream::outOfOrder).sum();
      long completedDuring = c.db.completed();
      Map<String, Long> status = c.db.statusCounts();
      long left = status.getOrDefault("pending", 0L) + status.getOrDefault("running", 0L);
      rep.line(
          "loaded: %s; %d requests in %.1f s (%.0f/s), %d errors; load average %s",
          summary(all), requests.get(), wall, requests.get() / wall, errors.get(), loadAvg);
      rep.line(
          "requests sent again because a kept-alive connection was found closed: %d", resent.get());
      rep.line("CPU during the loaded window: %s", cpu);
      if (Postgres.STATEMENTS) {
        rep.line("PostgreSQL statements by execution time during the loaded window:");
        for (String st : c.db.topStatements(15)) {
          rep.line("  %s", st);
        }
      }
      rep.line(
          "event streams: %d open, %d job events delivered during the run, %d reconnects, %d out"
              + " of order; jobs completed so far %d, still queued or running %d",
          streams, streamEvents, reconnects, disorder, completedDuring, left);
      double[] fanout =
          open.stream().flatMapToDouble(st -> Arrays.stream(st.delays())).sorted().toArray();
      rep.line(
          "NOTIFY fan-out, event time (at, commit side) to receipt on a stream: %s",
          summary(fanout));
      for (EventStream st : open) {
        st.close();
      }
      errorSamples.stream().limit(5).forEach(e -> rep.line("  error: %s", e));
      double idleP99 = pct(idle, 0.99);
      double p99 = pct(all, 0.99);
      if (errors.get() > 0 || warmupErrors.get() > 0) {
        broken.add(
            errors.get() + " failed requests under load (" + warmupErrors.get() + " in warm-up)");
      }
      if (reconnects > 0 || disorder > 0) {
        broken.add(reconnects + " stream reconnects, " + disorder + " out-of-order events");
      }
      if (p99 > 3 * idleP99) {
        broken.add(String.format("loaded p99 %.2f ms > 3 x idle p99 %.2f ms", p99, idleP99));
      }
      if (p99 >= 50) {
        broken.add(String.format("loaded p99 %.2f ms is not under 50 ms", p99));
      }
      if (left == 0) {
        broken.add(
            "the backlog ran out before the loaded window ended, so the workers were not kept"
                + " busy throughout: raise --backlog");
      }
      if (streamEvents == 0) {
        broken.add("the event streams delivered nothing while jobs completed");
      }
      List<String> errs = c.errors();
      rep.line("ERROR lines logged by the processes: %d", errs.size());
      errs.stream().limit(5).forEach(e -> rep.line("  %s", e));
    }
    for (String b : broken) {
      rep.line("TARGET MISSED: %s", b);
    }
    if (broken.isEmpty()) {
      rep.line("ALL TARGETS MET");
    }
    rep.flush();
    if (!broken.isEmpty()) {
      System.exit(1);
    }
  }

  /** A kept-alive poller of {@code GET /api/jobs/status} on API {@code api}; 10 s time-out. */
  private static Poller poller(Cluster c, int api) {
    return new Poller(c.apis.get(api).url() + "/api/jobs/status", c.token, 10_000);
  }

  static String summary(double[] sorted) {
    if (sorted.length == 0) {
      return "no samples";
    }
    return String.format(
        Locale.ROOT,
        "n=%d p50=%.2f ms p99=%.2f ms max=%.2f ms",
        sorted.length,
        pct(sorted, 0.50),
        pct(sorted, 0.99),
        sorted[sorted.length - 1]);
  }

  static double pct(double[] sorted, double p) {
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
  }
}
