package io.gridcast.server.http;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.gridcast.forecast.registry.ModelDescriptor;
import io.gridcast.forecast.registry.ModelRegistry;
import io.gridcast.forecast.registry.ParameterRange;
import io.gridcast.forecast.series.Fill;
import io.gridcast.queue.JobStore.JobInsertResult;
import io.gridcast.server.auth.SubmissionRateLimiter;
import io.gridcast.server.config.Limits;
import io.gridcast.server.config.ServerConfig;
import io.gridcast.server.dataset.DatasetService;
import io.gridcast.server.job.JobRequest;
import io.gridcast.server.job.JobService;
import io.gridcast.server.job.JobType;
import io.gridcast.server.job.PreparedRequest;
import io.gridcast.server.job.ReadSeries;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Assembles the route groups of the API and starts the HTTP server. */
public final class Api {
  private static final Logger LOG = LoggerFactory.getLogger(Api.class);

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

  /**
   * {@code ?optimize=true&horizon=&models=&metric=&folds=&priority=&reason=&level=} of an upload.
   */
  private static DatasetRoutes.JobsForUpload uploadJobs(
      Context ctx, JobService jobs, DatasetService datasets) {
    if (!Params.bool(ctx, "optimize")) {
      for (String p :
          List.of("horizon", "models", "metric", "folds", "priority", "reason", "level")) {
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
            .level(Params.numbers(ctx, "level"))
            .idempotencyKey(ctx.header("Idempotency-Key"))
            .build();
    PreparedRequest prepared = jobs.prepare(req);
    return (caller, upload) -> {
      long t0 = System.nanoTime();
      JobInsertResult res =
          jobs.create(
              caller.ownerId(),
              prepared,
              upload.dataset().id(),
              upload.skus(),
              new ReadSeries(upload.series(), Fill.parse(upload.dataset().fill())),
              (c, ids) -> datasets.storeIn(c, upload));
      LOG.info(
          "dataset {}: stored with {} optimization jobs in {} ms, batch {}",
          upload.dataset().id(),
          res.jobIds().size(),
          (System.nanoTime() - t0) / 1_000_000,
          res.batchId());
      // The same idempotency key as an earlier upload: its answer, nothing stored.
      String earlier = res.created() ? null : jobs.datasetOf(caller.ownerId(), res).orElse(null);
      return new DatasetRoutes.UploadedJobs(earlier, res.batchId(), res.jobIds());
    };
  }

  /** The registry as {@code GET /api/models} lists it. */
  record Models(List<Model> models) {}

  /**
   * One registered model.
   *
   * @param grid the parameter sets the search tries
   * @param traits what the model suits (e.g. {@code seasonal}, {@code intermittent}), sorted
   */
  record Model(
      String name,
      String family,
      String description,
      List<Parameter> parameters,
      List<GridPoint> grid,
      List<String> traits) {}

  /** One parameter's range and default (null: none). */
  record Parameter(
      String name,
      double min,
      double max,
      @JsonProperty("default") Double defaultValue,
      String description) {}

  /** One parameter set of a model's grid. */
  record GridPoint(Map<String, Double> parameters) {}

  static Models models(ModelRegistry registry) {
    List<Model> out = new ArrayList<>();
    for (ModelDescriptor d : registry.descriptors()) {
      List<Parameter> params = new ArrayList<>();
      for (ParameterRange p : d.parameters()) {
        params.add(
            new Parameter(
                p.name(),
                p.min(),
                p.max(),
                p.defaultValue().isPresent() ? p.defaultValue().getAsDouble() : null,
                p.description()));
      }
      out.add(
          new Model(
              d.name(),
              d.family(),
              d.description(),
              params,
              d.grid().stream().map(s -> new GridPoint(s.parameters())).toList(),
              d.traits().stream().map(t -> t.name().toLowerCase(Locale.ROOT)).sorted().toList()));
    }
    return new Models(out);
  }
}
