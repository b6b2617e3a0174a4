package io.gridcast.server.http;

import io.gridcast.forecast.registry.ModelDescriptor;
import io.gridcast.forecast.registry.ModelRegistry;
import io.gridcast.forecast.registry.ParameterRange;
import io.gridcast.queue.JobStore.JobInsertResult;
import io.gridcast.server.auth.SubmissionRateLimiter;
import io.gridcast.server.config.Limits;
import io.gridcast.server.config.ServerConfig;
import io.gridcast.server.dataset.DatasetService;
import io.gridcast.server.job.JobRequest;
import io.gridcast.server.job.JobService;
import io.gridcast.server.job.JobType;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Assembles the route groups of the API and starts the HTTP server. */
public final class Api {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Api.class);

  private Api() {}

  /** Registers every route group over {@code c} and starts the HTTP server. */
  public static ApiServer start(ApiContext c) {
    ServerConfig config = c.config();
    Limits limits = config.limits();
    List<RouteGroup> groups = new ArrayList<>();
    if (c.sessions() != null) {
      groups.add(new SessionRoutes(c.users(), c.sessions()));
    }
    groups.addAll(
        List.of(
            new OpsRoutes(c.ready(), () -> models(c.registry())),
            new DatasetRoutes(
                c.datasets(),
                ctx -> uploadJobs(ctx, c.jobs(), c.datasets()),
                config.maxUploadBytes(),
                limits.maxPointsPerSeries()),
            new ForecastRoutes(c.datasets(), c.results()),
            new JobRoutes(
                c.jobs(), c.store(), c.clock(), new SharedAnswers<>(c.feed()::localChangeVersion)),
            new EventRoutes(
                c.store(), c.feed(), c.monitoring().alerts(), limits.maxStreamsPerUser()),
            new CacheRoutes(c.cache(), c.datasets()),
            new PerformanceRoutes(c)));
    SubmissionRateLimiter limiter =
        new SubmissionRateLimiter(limits.submissionBurst(), limits.submissionRefill(), c.clock());
    return ApiServer.start(
        config.host(),
        config.port(),
        config.maxUploadBytes(),
        c.callers(),
        limiter,
        c.monitoring().http(),
        groups);
  }

  /** {@code ?optimize=true&horizon=&models=&metric=&folds=&priority=&reason=} of an upload. */
  private static DatasetRoutes.JobsForUpload uploadJobs(
      Context ctx, JobService jobs, DatasetService datasets) {
    if (!Params.bool(ctx, "optimize")) {
      for (String p : List.of("horizon", "models", "metric", "folds", "priority", "reason")) {
        if (Params.text(ctx, p) != null) {
          throw ApiException.badRequest(p, p + " applies only with optimize=true");
        }
      }
      return null;
    }
    JobRequest req =
        JobRequest.builder()
            .type(JobType.OPTIMIZATION)
            .models(Params.list(ctx, "models"))
            .horizon(Params.optionalInteger(ctx, "horizon"))
            .metric(Params.text(ctx, "metric"))
            .folds(Params.optionalInteger(ctx, "folds"))
            .priority(Params.optionalInteger(ctx, "priority"))
            .reason(Params.text(ctx, "reason"))
            .idempotencyKey(ctx.header("Idempotency-Key"))
            .build();
    JobService.Prepared prepared = jobs.prepare(req);
    return (caller, upload) -> {
      long t0 = System.nanoTime();
      JobInsertResult res =
          jobs.create(
              caller.ownerId(),
              prepared,
              upload.dataset().id(),
              upload.skus(),
              upload.series(),
              (c, ids) -> datasets.storeIn(c, upload));
      LOG.info(
          "dataset {}: stored with {} optimization jobs in {} ms, batch {}",
          upload.dataset().id(),
          res.jobIds().size(),
          (System.nanoTime() - t0) / 1_000_000,
          res.batchId());
      Map<String, Object> m = new LinkedHashMap<>();
      if (!res.created()) { // same idempotency key as an earlier upload: its answer, nothing stored
        jobs.datasetOf(caller.ownerId(), res).ifPresent(id -> m.put("dataset_id", id));
      }
      m.put("batch_id", res.batchId());
      m.put("job_ids", res.jobIds());
      return m;
    };
  }

  static Map<String, Object> models(ModelRegistry registry) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (ModelDescriptor d : registry.descriptors()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("name", d.name());
      m.put("family", d.family());
      m.put("description", d.description());
      List<Map<String, Object>> params = new ArrayList<>();
      for (ParameterRange p : d.parameters()) {
        Map<String, Object> pm = new LinkedHashMap<>();
        pm.put("name", p.name());
        pm.put("min", p.min());
        pm.put("max", p.max());
        pm.put("default", p.defaultValue().isPresent() ? p.defaultValue().getAsDouble() : null);
        pm.put("description", p.description());
        params.add(pm);
      }
      m.put("parameters", params);
      m.put("grid", d.grid().stream().map(s -> Map.of("parameters", s.parameters())).toList());
      m.put(
          "traits",
          d.traits().stream()
              .map(t -> t.name().toLowerCase(java.util.Locale.ROOT))
              .sorted()
              .toList());
      out.add(m);
    }
    return Map.of("models", out);
  }
}
