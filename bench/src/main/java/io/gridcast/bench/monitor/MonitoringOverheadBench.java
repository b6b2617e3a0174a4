package io.gridcast.bench.monitor;

import com.sun.management.OperatingSystemMXBean;
import io.gridcast.forecast.registry.DefaultSelection;
import io.gridcast.forecast.registry.ModelRegistry;
import io.gridcast.forecast.search.CandidateSet;
import io.gridcast.forecast.search.GridOptimizer;
import io.gridcast.forecast.series.Series;
import io.gridcast.queue.JobContext;
import io.gridcast.queue.JobHandler;
import io.gridcast.server.config.MonitorConfig;
import io.gridcast.server.monitor.Monitoring;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Optimizer throughput with monitoring on vs off, in one process, interleaved.
 *
 * <p>A round optimizes every series once (default model selection, horizon 12) on a fixed pool of
 * worker threads, each series handed to a job handler the way the queue's worker slots do. "On":
 * the handler is wrapped by {@link Monitoring#timed} (job timer), the system sampler and alert
 * rules run every {@code --interval-ms} (default 1000, five times the server's default rate) and a
 * Prometheus scrape runs every second. "Off": the bare handler, no sampler, no scrapes. Rounds go
 * in pairs, alternating which mode goes first (AB, BA, ...) so drift in machine load falls on both
 * alike; warm-up pairs (JIT) are discarded. Reported per mode: series per wall second and series
 * per CPU second of the whole process (the monitoring threads' CPU included; far less sensitive to
 * other processes on a shared machine than wall time), the on/off ratio of the medians, and the
 * median and quartiles of the per-pair ratios.
 *
 * <p>Usage: {@code java -cp bench/target/benchmarks.jar
 * io.gridcast.bench.monitor.MonitoringOverheadBench [--series 2000] [--length 72] [--pairs 20]
 * [--warmup 6] [--threads 2] [--interval-ms 1000]}
 */
public final class MonitoringOverheadBench {
  private MonitoringOverheadBench() {}

  public static void main(String[] args) throws Exception {
    int seriesCount = intOption(args, "--series", 2000);
    int length = intOption(args, "--length", 72);
    int pairs = intOption(args, "--pairs", 20);
    int warmup = intOption(args, "--warmup", 6);
    int threads = intOption(args, "--threads", 2);
    int intervalMs = intOption(args, "--interval-ms", 1000);

    List<Series> series = generate(seriesCount, length, 12, 20261123L);
    ModelRegistry registry = ModelRegistry.standard();
    DefaultSelection selection = DefaultSelection.of(registry);
    List<CandidateSet> candidates = new ArrayList<>();
    for (Series s : series) {
      candidates.add(selection.candidatesFor(s));
    }
    GridOptimizer optimizer = GridOptimizer.builder().horizon(12).parallelism(1).build();
    JobHandler bare =
        ctx -> {
          int i = Integer.parseInt(ctx.label());
          return optimizer.optimize(series.get(i), candidates.get(i)).chosen().name();
        };
    Monitoring monitoring =
        Monitoring.create(
            MonitorConfig.DEFAULTS.withSampleInterval(Duration.ZERO), InstantSource.system());
    JobHandler timed = monitoring.timed("optimization", bare);
    ExecutorService pool =
        Executors.newFixedThreadPool(
            threads,
            r -> {
              Thread t = new Thread(r, "bench-worker");
              t.setDaemon(true);
              return t;
            });
    ScheduledExecutorService scraper =
        Executors.newSingleThreadScheduledExecutor(r -> {
          Thread t = new Thread(r, "bench-scraper");
          t.setDaemon(true);
          return t;
        });

    System.out.printf(
        Locale.ROOT,
        "date %s, load average at start %s, %d series x %d values, %d threads, sampler every %d ms%n",
        LocalDateTime.now().withNano(0),
        loadAverage(),
        seriesCount,
        length,
        threads,
        intervalMs);
    List<Double> on = new ArrayList<>();
    List<Double> off = new ArrayList<>();
    List<Double> pairRatios = new ArrayList<>();
    List<Double> cpuOn = new ArrayList<>();
    List<Double> cpuOff = new ArrayList<>();
    List<Double> cpuRatios = new ArrayList<>();
    for (int p = 0; p < warmup + pairs; p++) {
      boolean onFirst = p % 2 == 0;
      double[] a = null;
      double[] b = null;
      for (int k = 0; k < 2; k++) {
        boolean monitored = (k == 0) == onFirst;
        double[] rate;
        if (monitored) {
          monitoring.start(Duration.ofMillis(intervalMs));
          Future<?> scrapes =
              scraper.scheduleAtFixedRate(
                  () -> monitoring.scrape().length(), 1, 1, TimeUnit.SECONDS);
          rate = round(pool, timed, series.size());
          scrapes.cancel(false);
          monitoring.stop();
          a = rate;
        } else {
          rate = round(pool, bare, series.size());
          b = rate;
        }
        System.out.printf(
            Locale.ROOT,
            "%s pair %2d %-3s %8.1f series/s wall %8.1f series/CPU-s%n",
            p < warmup ? "warmup" : "      ",
            p,
            monitored ? "on" : "off",
            rate[0],
            rate[1]);
      }
      if (p >= warmup) {
        on.add(a[0]);
        off.add(b[0]);
        pairRatios.add(a[0] / b[0]);
        cpuOn.add(a[1]);
        cpuOff.add(b[1]);
        cpuRatios.add(a[1] / b[1]);
      }
    }
    System.out.printf(
        Locale.ROOT,
        "wall: median on %.1f, off %.1f series/s, on/off %.4f; pair ratios median %.4f"
            + " (quartiles %.4f..%.4f)%n",
        median(on),
        median(off),
        median(on) / median(off),
        median(pairRatios),
        quantile(pairRatios, 0.25),
        quantile(pairRatios, 0.75));
    System.out.printf(
        Locale.ROOT,
        "CPU:  median on %.1f, off %.1f series per process CPU-second, on/off %.4f;"
            + " pair ratios median %.4f (quartiles %.4f..%.4f)%n",
        median(cpuOn),
        median(cpuOff),
        median(cpuOn) / median(cpuOff),
        median(cpuRatios),
        quantile(cpuRatios, 0.25),
        quantile(cpuRatios, 0.75));
    System.out.printf(Locale.ROOT, "load average at end %s%n", loadAverage());
    pool.shutdownNow();
    scraper.shutdownNow();
    monitoring.close();
  }

  /**
   * Optimizes every series once through the handler; returns series per wall second and series per
   * CPU second of the whole process (sampler, scrapes, GC and JIT included).
   */
  private static double[] round(ExecutorService pool, JobHandler handler, int n) throws Exception {
    AtomicInteger next = new AtomicInteger();
    int workers = ((ThreadPoolExecutor) pool).getCorePoolSize();
    long cpu0 = processCpuNanos();
    long t0 = System.nanoTime();
    List<Future<?>> fs = new ArrayList<>();
    for (int w = 0; w < workers; w++) {
      fs.add(
          pool.submit(() -> {
            for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
              handler.handle(new BenchContext(i));
            }
            return null;
          }));
    }
    for (Future<?> f : fs) {
      f.get();
    }
    double wall = (System.nanoTime() - t0) / 1e9;
    double cpu = (processCpuNanos() - cpu0) / 1e9;
    return new double[] {n / wall, n / cpu};
  }

  private static long processCpuNanos() {
    return ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  /** The least a handler needs of a job: the series index as the label. */
  private record BenchContext(int index) implements JobContext {
    private static final UUID ID = UUID.randomUUID();
    private static final Instant DUE = Instant.now();

    @Override
    public UUID id() {
      return ID;
    }

    @Override
    public String type() {
      return "optimization";
    }

    @Override
    public String ownerId() {
      return "bench";
    }

    @Override
    public String payload() {
      return null;
    }

    @Override
    public String label() {
      return Integer.toString(index);
    }

    @Override
    public UUID batchId() {
      return ID;
    }

    @Override
    public int attempt() {
      return 1;
    }

    @Override
    public int maxAttempts() {
      return 1;
    }

    @Override
    public Instant dueAt() {
      return DUE; // every job of the run was due when it began, as after one large upload
    }

    @Override
    public void progress(long current, long total, String stage, String message) {}

    @Override
    public boolean cancelRequested() {
      return false;
    }
  }

  static List<Series> generate(int count, int length, int period, long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    List<Series> out = new ArrayList<>(count);
    for (int s = 0; s < count; s++) {
      double slope = rnd.nextDouble();
      double[] y = new double[length];
      for (int t = 0; t < length; t++) {
        y[t] = 100 + slope * t + 20 * Math.sin(2 * Math.PI * t / period) + rnd.nextDouble(-5, 5);
      }
      out.add(Series.of("S" + s, period, y));
    }
    return out;
  }

  /** Linear-interpolation quantile (type 7) of the values. */
  private static double quantile(List<Double> v, double q) {
    double[] a = v.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    double h = (a.length - 1) * q;
    int lo = (int) Math.floor(h);
    int hi = Math.min(a.length - 1, lo + 1);
    return a[lo] + (h - lo) * (a[hi] - a[lo]);
  }

  private static double median(List<Double> v) {
    double[] a = v.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    int n = a.length;
    return n % 2 == 1 ? a[n / 2] : (a[n / 2 - 1] + a[n / 2]) / 2;
  }

  private static String loadAverage() {
    try {
      String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
      return String.join(" ", Arrays.copyOf(f, 3));
    } catch (IOException e) {
      return "unknown";
    }
  }

  private static int intOption(String[] args, String name, int dflt) {
    for (int i = 0; i < args.length - 1; i++) {
      if (args[i].equals(name)) {
        return Integer.parseInt(args[i + 1]);
      }
    }
    return dflt;
  }
}
