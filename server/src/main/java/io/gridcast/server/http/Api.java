package io.gridcast.server.http;

import io.gridcast.forecast.registry.ModelDescriptor;
import io.gridcast.forecast.registry.ModelRegistry;
import io.gridcast.forecast.registry.ParameterRange;
import io.gridcast.queue.JobStore;
import io.gridcast.queue.JobStore.JobInsertResult;
import io.gridcast.server.auth.SessionStore;
import io.gridcast.server.auth.SubmissionRateLimiter;
import io.gridcast.server.auth.UserStore;
import io.gridcast.server.cache.ResultCache;
import io.gridcast.server.config.ServerConfig;
import io.gridcast.server.dataset.DatasetService;
import io.gridcast.server.dataset.ResultStore;
import io.gridcast.server.event.EventFeed;
import io.gridcast.server.job.JobRequest;
import io.gridcast.server.job.JobService;
import io.gridcast.server.monitor.Monitoring;
import io.gridcast.server.monitor.PerformanceJobs;
import io.javalin.http.Context;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/** Assembles the route groups of the API and starts the HTTP server. */
public final class Api {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Api.class);

  private Api() {}

  public static ApiServer start(
      ServerConfig config,
      CallerResolver callers,
      DatasetService datasets,
      ResultStore results,
      JobService jobs,
      JobStore store,
      EventFeed feed,
      ModelRegistry registry,
      BooleanSupplier ready,
      InstantSource clock,
      UserStore users,
      SessionStore sessions,
      ResultCache cache,
      Monitoring monitoring,
      PerformanceJobs performanceJobs) {
    List<RouteGroup> groups = new ArrayList<>();
    if (sessions != null) {
      groups.add(new SessionRoutes(users, sessions));
    }
    groups.addAll(
        List.of(
            new OpsRoutes(ready, () -> models(registry)),
            new DatasetRoutes(
                datasets,
                ctx -> uploadJobs(ctx, jobs, datasets),
                config.maxUploadBytes(),
                config.limits().maxPointsPerSeries()),
            new ForecastRoutes(datasets, results),
            new JobRoutes(jobs, store, clock, new SharedAnswers<>(feed::localChangeVersion)),
            new EventRoutes(store, feed, monitoring.alerts(), config.limits().maxStreamsPerUser()),
            new CacheRoutes(cache, datasets),
            new PerformanceRoutes(
                monitoring,
                performanceJobs,
                store,
                datasets,
                registry,
                callers,
                config.auth(),
                config.limits().maxHorizon(),
                clock)));
    SubmissionRateLimiter limiter =
        new SubmissionRateLimiter(
            config.limits().submissionBurst(), config.limits().submissionRefill(), clock);
    return ApiServer.start(
        config.host(),
        config.port(),
        config.maxUploadBytes(),
        callers,
        limiter,
        monitoring.http(),
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
        new JobRequest(
            null,
            null,
            "optimization",
            Params.list(ctx, "models"),
            Params.integer(
                ctx, "horizon", JobService.DEFAULT_HORIZON, Integer.MIN_VALUE, Integer.MAX_VALUE),
            Params.text(ctx, "metric"),
            Params.integer(ctx, "folds", 3, Integer.MIN_VALUE, Integer.MAX_VALUE),
            Params.integer(ctx, "priority", 0, Integer.MIN_VALUE, Integer.MAX_VALUE),
            Params.text(ctx, "reason"),
            ctx.header("Idempotency-Key"),
            null,
            null);
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
