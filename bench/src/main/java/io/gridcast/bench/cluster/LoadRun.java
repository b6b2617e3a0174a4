package io.gridcast.bench.cluster;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * HTTP load against the PostgreSQL cluster (2 {@code gridcast api}, {@code --worker-processes}
 * {@code gridcast worker} of 2 slots, 3 by default): first the idle baseline (one client,
 * sequential {@code GET /api/jobs/status}), then {@code --clients} clients each polling {@code GET
 * /api/jobs/status} once per {@code --poll-ms} (random phase, round robin over the APIs) plus
 * {@code --streams} open {@code /api/events} streams for {@code --seconds}, while a backlog of
 * optimization jobs keeps the workers fitting. Latency is measured from sending each request to its
 * full answer. Targets: zero errors, loaded p99 at most 3x the idle p99 and under 50 ms; a missed
 * target ends with exit 1.
 *
 * <p>Usage: {@code java -cp bench/target/benchmarks.jar io.gridcast.bench.cluster.LoadRun
 * server/target/gridcast.jar [--clients 500] [--streams 200] [--seconds 60] [--poll-ms 1000]
 * [--backlog 20000] [--worker-nice 0] [--worker-processes 3] [--report FILE]}. {@code --worker-nice
 * 19} starts the worker processes under {@code nice -n 19}, so the fitting yields the cores to the
 * API processes.
 */
public final class LoadRun {
  private LoadRun() {}

  public static void main(String[] args) throws Exception {
    Path jar = Path.of(args.length > 0 ? args[0] : "server/target/gridcast.jar");
    Options o = Options.parse(args);
    int clients = o.integer("--clients", 500);
    int streams = o.integer("--streams", 200);
    int seconds = o.integer("--seconds", 60);
    int pollMs = o.integer("--poll-ms", 1000);
    int backlog = o.integer("--backlog", 20000);
    int nice = o.integer("--worker-nice", 0);
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
            nice);
    List<String> broken = new ArrayList<>();
    try (Cluster c = Cluster.start(jar, s)) {
      rep.line(
          "load run %s: PostgreSQL 15, 2 api + %d worker processes (2 slots each); %d clients x 1"
              + " GET /api/jobs/status per %d ms, %d open event streams, %d s; workers at nice %d",
          Instant.now(), workerProcesses, clients, pollMs, streams, seconds, nice);
      HttpClient http =
          HttpClient.newBuilder()
              .version(HttpClient.Version.HTTP_1_1)
              .connectTimeout(Duration.ofSeconds(10))
              .build();
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
      for (int i = 0; i < idle.length; i++) {
        long t0 = System.nanoTime();
        HttpResponse<String> r =
            http.send(status(c, c.apis.get(i % 2).url()), HttpResponse.BodyHandlers.ofString());
        idle[i] = (System.nanoTime() - t0) / 1e6;
        if (r.statusCode() != 200) {
          broken.add("idle GET /api/jobs/status answered " + r.statusCode());
        }
      }
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
        open.add(new EventStream("s" + i, c.client, api::url));
      }
      Thread.sleep(2000);
      long loadStart = System.nanoTime();
      long loadEnd = loadStart + Duration.ofSeconds(seconds).toNanos();
      double[][] lat = new double[clients][];
      AtomicLong errors = new AtomicLong();
      AtomicLong requests = new AtomicLong();
      List<String> errorSamples = java.util.Collections.synchronizedList(new ArrayList<>());
      List<Thread> threads = new ArrayList<>();
      long eventsBefore = open.stream().mapToLong(EventStream::events).sum();
      open.forEach(EventStream::recordDelays);
      for (int k = 0; k < clients; k++) {
        int id = k;
        threads.add(
            Thread.ofVirtual()
                .start(() -> {
                  List<Double> mine = new ArrayList<>();
                  String base = c.apis.get(id % 2).url();
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
                      try {
                        HttpResponse<String> r =
                            http.send(status(c, base), HttpResponse.BodyHandlers.ofString());
                        if (r.statusCode() != 200) {
                          errors.incrementAndGet();
                          errorSamples.add(r.statusCode() + " " + r.body());
                        }
                      } catch (java.io.IOException e) {
                        errors.incrementAndGet();
                        errorSamples.add(e.toString());
                      }
                      mine.add((System.nanoTime() - t0) / 1e6);
                      requests.incrementAndGet();
                      next += pollMs * 1_000_000L;
                    }
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                  lat[id] = mine.stream().mapToDouble(Double::doubleValue).toArray();
                }));
      }
      for (Thread t : threads) {
        t.join();
      }
      double wall = (System.nanoTime() - loadStart) / 1e9;
      String loadAvg = Workload.loadavg();
      double[] all = Arrays.stream(lat).flatMapToDouble(Arrays::stream).sorted().toArray();
      long streamEvents = open.stream().mapToLong(EventStream::events).sum() - eventsBefore;
      int reconnects = open.stream().mapToInt(EventStream::reconnects).sum();
      int disorder = open.stream().mapToInt(EventStream::outOfOrder).sum();
      long completedDuring = c.db.completed();
      rep.line(
          "loaded: %s; %d requests in %.1f s (%.0f/s), %d errors; load average %s",
          summary(all), requests.get(), wall, requests.get() / wall, errors.get(), loadAvg);
      rep.line(
          "event streams: %d open, %d job events delivered during the run, %d reconnects, %d out"
              + " of order; jobs completed so far %d",
          streams, streamEvents, reconnects, disorder, completedDuring);
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
      if (errors.get() > 0) {
        broken.add(errors.get() + " failed requests under load");
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

  private static HttpRequest status(Cluster c, String base) {
    return c.client
        .request(base + "/api/jobs/status")
        .timeout(Duration.ofSeconds(10))
        .GET()
        .build();
  }

  static String summary(double[] sorted) {
    if (sorted.length == 0) {
      return "no samples";
    }
    return String.format(
        java.util.Locale.ROOT,
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
