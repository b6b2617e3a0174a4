package io.gridcast.server.http;

import com.fasterxml.jackson.annotation.JsonAlias;
import io.gridcast.forecast.registry.DefaultSelection;
import io.gridcast.forecast.registry.ModelRegistry;
import io.gridcast.queue.Job;
import io.gridcast.queue.JobSpec;
import io.gridcast.queue.JobStatus;
import io.gridcast.queue.JobStore;
import io.gridcast.server.config.MonitorConfig;
import io.gridcast.server.dataset.Dataset;
import io.gridcast.server.dataset.DatasetService;
import io.gridcast.server.job.JobRequest;
import io.gridcast.server.monitor.Alert;
import io.gridcast.server.monitor.AlertRules;
import io.gridcast.server.monitor.BenchmarkPayload;
import io.gridcast.server.monitor.MonitorPoint;
import io.gridcast.server.monitor.Monitoring;
import io.gridcast.server.monitor.PerformanceJobs;
import io.gridcast.server.monitor.PerformanceStatus;
import io.gridcast.server.monitor.ProfilePayload;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Monitoring over HTTP: {@code GET /metrics} (Prometheus text; who may read it is {@link
 * MonitorConfig.MetricsAccess}), the status, history and alerts of {@code /api/performance},
 * sampling start and stop, and the {@code benchmark} and {@code profile} jobs with the download of
 * a recording. Starting and stopping sampling and profiling concern the whole process: they need an
 * admin (or authentication off); the rest is open to every signed-in caller, and the benchmark and
 * profile jobs and their files are the caller's own like every job. The status's queue counts are
 * the caller's own jobs' (an admin's: every owner's). A benchmark is a submission like an upload
 * (the caller's token bucket) and is bounded before it is queued: a generated set's series x length
 * by {@code --max-benchmark-values}, iterations by {@code --max-benchmark-iterations}, so no user
 * can make a worker allocate more than those doubles.
 */
final class PerformanceRoutes implements RouteGroup {
  static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";
  private static final long MAX_BODY_BYTES = 64 * 1024;

  private final Monitoring monitoring;
  private final PerformanceJobs jobs;
  private final JobStore store;
  private final DatasetService datasets;
  private final ModelRegistry registry;
  private final CallerResolver callers;
  private final boolean auth;
  private final int maxHorizon;
  private final long maxBenchmarkValues;
  private final int maxBenchmarkIterations;
  private final InstantSource clock;

  PerformanceRoutes(ApiContext c) {
    this.monitoring = c.monitoring();
    this.jobs = c.performanceJobs();
    this.store = c.store();
    this.datasets = c.datasets();
    this.registry = c.registry();
    this.callers = c.callers();
    this.auth = c.config().auth();
    this.maxHorizon = c.config().limits().maxHorizon();
    this.maxBenchmarkValues = c.config().limits().maxBenchmarkValues();
    this.maxBenchmarkIterations = c.config().limits().maxBenchmarkIterations();
    this.clock = c.clock();
  }

  record StartRequest(Double intervalSeconds) {}

  record GenerateSpec(Integer series, Integer length, Integer period, Long seed) {}

  record BenchmarkRequest(
      @JsonAlias("dataset") String datasetId,
      GenerateSpec generate,
      List<String> models,
      Integer iterations,
      Integer horizon) {}

  record ProfileRequest(Integer seconds) {}

  @Override
  public void register(RoutesConfig r) {
    r.get("/metrics", this::metrics);
    r.get("/api/performance/status", this::status);
    r.get(
        "/api/performance/history",
        ctx -> OpsRoutes.json(ctx, 200, new History(monitoring.history())));
    r.get("/api/performance/alerts", this::alerts);
    r.post("/api/performance/monitoring/start", this::start);
    r.post("/api/performance/monitoring/stop", this::stop);
    r.post("/api/performance/benchmark", this::benchmark);
    r.post("/api/performance/profile", this::profile);
    r.get("/api/performance/profile/{id}/jfr", this::download);
  }

  private void metrics(Context ctx) throws UnknownHostException {
    MonitorConfig.MetricsAccess access = monitoring.config().metricsAccess();
    boolean allowed =
        access == MonitorConfig.MetricsAccess.OPEN
            || (access == MonitorConfig.MetricsAccess.LOOPBACK && loopback(ctx))
            || operator(callers.resolve(ctx));
    if (!allowed) {
      throw new ApiException(
          403,
          "forbidden",
          "/metrics is readable from this machine or with an admin token",
          Map.of("access", access.key()));
    }
    ctx.contentType(PROMETHEUS_TEXT).result(monitoring.scrape());
  }

  private static boolean loopback(Context ctx) throws UnknownHostException {
    String remote = ctx.req().getRemoteAddr();
    return remote != null && InetAddress.getByName(remote).isLoopbackAddress();
  }

  private boolean operator(Caller c) {
    return !auth || c.admin();
  }

  private void requireOperator(Context ctx, String what) {
    if (!operator(Caller.of(ctx))) {
      throw new ApiException(
          403, "forbidden", what + " concerns the whole server and needs an admin", Map.of());
    }
  }

  /**
   * The process's figures, with the queue counts of the caller's own jobs, read now; an admin gets
   * every owner's, as the process last read them (at most 5 s ago).
   */
  private void status(Context ctx) {
    Caller caller = Caller.of(ctx);
    PerformanceStatus all = monitoring.status();
    Map<String, Long> queue = all.queue();
    if (caller.scope() != null) {
      queue = new LinkedHashMap<>();
      Map<JobStatus, Long> mine =
          store.jobCountByStatus(new JobStore.JobCountByStatusParams(caller.scope()));
      for (JobStatus st : JobStatus.values()) {
        queue.put(st.name().toLowerCase(Locale.ROOT), mine.getOrDefault(st, 0L));
      }
    }
    OpsRoutes.json(
        ctx,
        200,
        new PerformanceStatus(
            all.monitoring(),
            all.system(),
            all.application(),
            queue,
            all.oldestPendingAgeSeconds(),
            all.workers(),
            all.cache(),
            all.alerts()));
  }

  /** The kept chart points, oldest first. */
  record History(List<MonitorPoint> samples) {}

  /** The raised alerts, the kept changes (newest first) and each rule's limits. */
  record Alerts(
      List<Alert> active, List<Alert> history, Map<String, AlertRules.RuleLimit> thresholds) {}

  private void alerts(Context ctx) {
    AlertRules rules = monitoring.alerts();
    OpsRoutes.json(ctx, 200, new Alerts(rules.active(), rules.history(), rules.describeLimits()));
  }

  private void start(Context ctx) throws IOException {
    requireOperator(ctx, "starting monitoring");
    StartRequest req =
        JsonBody.read(ctx, StartRequest.class, MAX_BODY_BYTES, new StartRequest(null), "request");
    double seconds =
        req.intervalSeconds() == null
            ? MonitorConfig.DEFAULT_INTERVAL.toMillis() / 1e3
            : req.intervalSeconds();
    if (!(seconds >= 0.1 && seconds <= 3600)) {
      throw ApiException.badRequest(
          "interval_seconds", "interval_seconds must be in 0.1..3600, got " + seconds);
    }
    monitoring.start(Duration.ofMillis(Math.round(seconds * 1000)));
    OpsRoutes.json(ctx, 200, monitoring.sampling());
  }

  private void stop(Context ctx) {
    requireOperator(ctx, "stopping monitoring");
    monitoring.stop();
    OpsRoutes.json(ctx, 200, monitoring.sampling());
  }

  private void benchmark(Context ctx) throws IOException {
    Caller caller = Caller.of(ctx);
    BenchmarkRequest req =
        JsonBody.read(ctx, BenchmarkRequest.class, MAX_BODY_BYTES, null, "benchmark request");
    if ((req.datasetId() == null) == (req.generate() == null)) {
      throw ApiException.badRequest(
          "dataset_id", "give exactly one of dataset_id (an uploaded dataset) and generate");
    }
    int iterations =
        bounded(
            "iterations",
            req.iterations(),
            5,
            1,
            Math.min(maxBenchmarkIterations, PerformanceJobs.MAX_ITERATIONS));
    int horizon = bounded("horizon", req.horizon(), JobRequest.DEFAULT_HORIZON, 1, maxHorizon);
    BenchmarkPayload.Generate generate = null;
    if (req.datasetId() != null) {
      Dataset d = datasets.get(caller.ownerId(), req.datasetId()); // 404 unless the caller's
      if (d.rowCount() > maxBenchmarkValues) {
        throw new ApiException(
            400,
            "invalid_parameter",
            "dataset "
                + d.id()
                + " holds "
                + d.rowCount()
                + " values; a benchmark times at most "
                + maxBenchmarkValues
                + " (max_benchmark_values)",
            Map.of("field", "dataset_id", "max", maxBenchmarkValues));
      }
    } else {
      GenerateSpec g = req.generate();
      int period = bounded("generate.period", g.period(), 12, 1, 365);
      int length = bounded("generate.length", g.length(), 60, 2 * horizon + period + 1, 100_000);
      int series = bounded("generate.series", g.series(), 100, 1, PerformanceJobs.MAX_SERIES);
      if ((long) series * length > maxBenchmarkValues) {
        throw new ApiException(
            400,
            "invalid_parameter",
            "generate.series x generate.length must be at most "
                + maxBenchmarkValues
                + " values (max_benchmark_values), got "
                + series
                + " x "
                + length
                + " = "
                + (long) series * length,
            Map.of("field", "generate", "max", maxBenchmarkValues));
      }
      generate =
          new BenchmarkPayload.Generate(series, length, period, g.seed() == null ? 42L : g.seed());
    }
    List<String> models = req.models() == null ? List.of() : req.models();
    if (!models.isEmpty()) {
      DefaultSelection.named(registry, models); // unknown names: 422 listing the known ones
    }
    enqueue(
        ctx,
        caller,
        PerformanceJobs.benchmarkJob(
            new BenchmarkPayload(req.datasetId(), generate, models, iterations, horizon)));
  }

  private void profile(Context ctx) throws IOException {
    requireOperator(ctx, "profiling");
    ProfileRequest req =
        JsonBody.read(ctx, ProfileRequest.class, MAX_BODY_BYTES, null, "profile request");
    int seconds = bounded("seconds", req.seconds(), 30, 1, PerformanceJobs.MAX_PROFILE_SECONDS);
    enqueue(ctx, Caller.of(ctx), PerformanceJobs.profileJob(new ProfilePayload(seconds)));
  }

  /** A job created: where to follow it. */
  record Enqueued(UUID jobId, String type, String statusUrl) {}

  private void enqueue(Context ctx, Caller caller, JobSpec job) {
    JobStore.JobInsertResult res =
        store.jobInsertMany(
            new JobStore.JobInsertManyParams(
                caller.ownerId(), null, null, List.of(job), clock.instant()));
    UUID id = res.jobIds().get(0);
    OpsRoutes.json(ctx, 202, new Enqueued(id, job.type(), "/api/jobs/" + id));
  }

  private void download(Context ctx) throws IOException {
    Caller caller = Caller.of(ctx);
    String raw = ctx.pathParam("id");
    UUID id;
    try {
      id = UUID.fromString(raw);
    } catch (IllegalArgumentException e) {
      throw ApiException.notFound("profile", raw);
    }
    Job job =
        store
            .jobGet(new JobStore.JobGetParams(id, caller.scope()))
            .filter(j -> PerformanceJobs.PROFILE.equals(j.type()))
            .orElseThrow(() -> ApiException.notFound("profile", raw));
    if (job.status() != JobStatus.COMPLETED) {
      throw new ApiException(
          409,
          "not_ready",
          "profile " + id + " is " + job.status().dbValue(),
          Map.of("status", job.status().dbValue()));
    }
    Path file = jobs.profileFile(id);
    if (!Files.isRegularFile(file)) {
      throw new ApiException(
          404,
          "not_found",
          "the recording of profile "
              + id
              + " is not on this server (recorded by "
              + job.leaseOwner()
              + ")",
          Map.of("kind", "profile", "id", raw));
    }
    ctx.status(200);
    ctx.contentType("application/octet-stream");
    ctx.header("Content-Disposition", "attachment; filename=\"gridcast-" + id + ".jfr\"");
    ctx.header("Content-Length", Long.toString(Files.size(file)));
    try (InputStream in = Files.newInputStream(file)) {
      in.transferTo(ctx.res().getOutputStream());
    }
  }

  private static int bounded(String field, Integer value, int dflt, int min, int max) {
    int v = value == null ? dflt : value;
    if (v < min || v > max) {
      throw ApiException.badRequest(
          field, field + " must be in " + min + ".." + max + ", got " + v);
    }
    return v;
  }
}
