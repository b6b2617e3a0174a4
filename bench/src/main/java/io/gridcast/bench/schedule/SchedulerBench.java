package io.gridcast.bench.schedule;

import com.sun.management.OperatingSystemMXBean;
import io.gridcast.server.app.GridcastServer;
import io.gridcast.server.config.DatabaseUrl;
import io.gridcast.server.config.Role;
import io.gridcast.server.config.ServerConfig;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The scheduler's cost and accuracy on one API process (SQLite file, authentication off, no
 * workers, the default 1 s tick).
 *
 * <p>Idle cost: {@code --idle} schedules whose next fire is months away (so every tick runs the due
 * query and finds nothing), then the CPU time of the {@code gridcast-scheduler} thread over {@code
 * --idle-seconds}, reported per minute, beside the whole process's.
 *
 * <p>Accuracy: {@code --every-minute} schedules with cron {@code * * * * *} for {@code --minutes};
 * each fire's delay is the creation time of its batch's jobs (the API's clock just before their
 * insert) minus its due time. A tick fires the due schedules one after another, so the later ones
 * of a minute wait for the earlier ones' batch transactions: the tail grows with the number of
 * schedules due at once.
 *
 * <p>Usage: {@code java -cp bench/target/benchmarks.jar io.gridcast.bench.schedule.SchedulerBench
 * [--idle 1000] [--idle-seconds 60] [--every-minute 30] [--minutes 3]}
 */
public final class SchedulerBench {
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private SchedulerBench() {}

  public static void main(String[] args) throws Exception {
    int idle = intOption(args, "--idle", 1000);
    int idleSeconds = intOption(args, "--idle-seconds", 60);
    int everyMinute = intOption(args, "--every-minute", 30);
    int minutes = intOption(args, "--minutes", 3);
    Path dir = Files.createTempDirectory("gridcast-schedule-bench");
    ServerConfig config =
        ServerConfig.builder(Role.API)
            .port(0)
            .dataDir(dir)
            .database(DatabaseUrl.sqliteIn(dir))
            .workers(1)
            .auth(false)
            .build();
    try (GridcastServer server = GridcastServer.create(config).start()) {
      String base = server.url();
      send(base, "POST", "/api/datasets?name=sales", "text/csv", csv(), 201);
      for (int i = 0; i < idle; i++) {
        send(
            base,
            "POST",
            "/api/schedules",
            "application/json",
            schedule("idle-" + i, "0 0 1 6 *"),
            201);
      }
      ThreadMXBean threads = ManagementFactory.getThreadMXBean();
      long tid = schedulerThread(threads);
      OperatingSystemMXBean os =
          (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
      long cpu0 = threads.getThreadCpuTime(tid);
      long proc0 = os.getProcessCpuTime();
      long ticks0 = server.scheduler().ticks();
      long wall0 = System.nanoTime();
      Thread.sleep(Duration.ofSeconds(idleSeconds));
      double wallMin = (System.nanoTime() - wall0) / 60e9;
      double schedMsPerMin = (threads.getThreadCpuTime(tid) - cpu0) / 1e6 / wallMin;
      double procMsPerMin = (os.getProcessCpuTime() - proc0) / 1e6 / wallMin;
      long ticks = server.scheduler().ticks() - ticks0;
      System.out.printf(
          Locale.ROOT,
          "idle: %d schedules not due, %d ticks in %.2f min; scheduler thread %.1f ms CPU/min"
              + " (%.3f ms per tick, %.4f %% of one core); whole process %.1f ms CPU/min%n",
          idle,
          ticks,
          wallMin,
          schedMsPerMin,
          schedMsPerMin * wallMin / ticks,
          schedMsPerMin / 600.0,
          procMsPerMin);

      for (int i = 0; i < everyMinute; i++) {
        send(
            base,
            "POST",
            "/api/schedules",
            "application/json",
            schedule("minute-" + i, "* * * * *"),
            201);
      }
      Instant start = Instant.now();
      Thread.sleep(Duration.ofMinutes(minutes).plusSeconds(5));
      double[] delays = delays(server, start);
      Arrays.sort(delays);
      System.out.printf(
          Locale.ROOT,
          "accuracy: %d fires of %d every-minute schedules over %d min; delay from due time to"
              + " batch creation: median %.0f ms, p99 %.0f ms, max %.0f ms%n",
          delays.length,
          everyMinute,
          minutes,
          quantile(delays, 0.5),
          quantile(delays, 0.99),
          delays.length == 0 ? Double.NaN : delays[delays.length - 1]);
    }
  }

  private static long schedulerThread(ThreadMXBean threads) {
    for (long id : threads.getAllThreadIds()) {
      var info = threads.getThreadInfo(id);
      if (info != null && info.getThreadName().equals("gridcast-scheduler")) {
        return id;
      }
    }
    throw new IllegalStateException("no gridcast-scheduler thread");
  }

  /** Each fire's delay (ms): its batch's first job creation time minus its due time. */
  private static double[] delays(GridcastServer server, Instant after) throws Exception {
    List<Double> out = new ArrayList<>();
    try (Connection c = server.database().dataSource().getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT f.fire_at_ms, MIN(j.created_at) FROM schedule_fire f"
                    + " JOIN job j ON j.batch_id = f.batch_id WHERE f.fire_at_ms >= ?"
                    + " GROUP BY f.schedule_id, f.fire_at_ms")) {
      ps.setLong(1, after.toEpochMilli());
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add((double) (rs.getLong(2) - rs.getLong(1)));
        }
      }
    }
    return out.stream().mapToDouble(Double::doubleValue).toArray();
  }

  private static double quantile(double[] sorted, double q) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    return sorted[(int) Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
  }

  private static String schedule(String name, String cron) {
    return "{\"name\":\""
        + name
        + "\",\"cron\":\""
        + cron
        + "\",\"dataset_name\":\"sales\",\"type\":\"optimization\",\"options\":{\"horizon\":6}}";
  }

  private static String csv() {
    StringBuilder sb = new StringBuilder("unique_id,ds,y\n");
    for (int s = 0; s < 2; s++) {
      for (int m = 0; m < 36; m++) {
        sb.append(
            String.format(
                Locale.ROOT, "S%d,%d-%02d-01,%d%n", s, 2020 + m / 12, m % 12 + 1, 100 + m + s));
      }
    }
    return sb.toString();
  }

  private static void send(
      String base, String method, String path, String type, String body, int expect)
      throws Exception {
    HttpResponse<String> r =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", type)
                .method(method, HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != expect) {
      throw new IllegalStateException(
          method + " " + path + " -> " + r.statusCode() + ": " + r.body());
    }
  }

  private static int intOption(String[] args, String name, int def) {
    for (int i = 0; i + 1 < args.length; i++) {
      if (args[i].equals(name)) {
        return Integer.parseInt(args[i + 1]);
      }
    }
    return def;
  }
}
