package io.gridcast.server.http;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.gridcast.forecast.registry.ModelDescriptor;
import io.gridcast.forecast.registry.ModelRegistry;
import io.gridcast.forecast.registry.ParameterRange;
import io.gridcast.forecast.registry.Preset;
import io.gridcast.forecast.series.Fill;
import io.gridcast.queue.JobStore;
import io.gridcast.queue.JobStore.JobInsertResult;
import io.gridcast.server.auth.SubmissionRateLimiter;
import io.gridcast.server.config.Limits;
import io.gridcast.server.config.ServerConfig;
import io.gridcast.server.dataset.Dataset;
import io.gridcast.server.dataset.DatasetService;
import io.gridcast.server.job.JobPayload;
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
import java.util.Optional;
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
      groups.add(
          new SessionRoutes(
              c.users(),
              c.sessions(),
              new SubmissionRateLimiter(limits.signInBurst(), limits.signInRefill(), c.clock())));
    }
    groups.addAll(
        List.of(
            new OpsRoutes(c.ready(), () -> models(c.registry())),
            new DatasetRoutes(
                c.datasets(),
                ctx -> uploadJobs(ctx, c.jobs(), c.datasets(), c.store()),
                config.maxUploadBytes(),
                limits.maxPointsPerSeries()),
            new ForecastRoutes(c.datasets(), c.results()),
            new HierarchyRoutes(c.datasets()),
            new JobRoutes(
                c.jobs(), c.store(), c.clock(), new SharedAnswers<>(c.feed()::localChangeVersion)),
            new EventRoutes(
                c.store(),
                c.feed(),
                c.monitoring().alerts(),
                c.callers(),
                limits.maxStreamsPerUser()),
            new CacheRoutes(c.cache(), c.datasets()),
            new PerformanceRoutes(c),
            new ScheduleRoutes(c.schedules())));
    SubmissionRateLimiter limiter =
        new SubmissionRateLimiter(limits.submissionBurst(), limits.submissionRefill(), c.clock());
    return ApiServer.start(config, c.callers(), limiter, c.monitoring().http(), c.fatal(), groups);
  }

  /**
   * {@code ?optimize=true&horizon=&models=&preset=&metric=&folds=&priority=&reason=&level=} of an
   * upload.
   */
  private static DatasetRoutes.JobsForUpload uploadJobs(
      Context ctx, JobService jobs, DatasetService datasets, JobStore store) {
    if (!Params.bool(ctx, "optimize")) {
      for (String p :
          List.of(
              "horizon",
              "models",
              "preset",
              "metric",
              "folds",
              "priority",
              "reason",
              "level",
              "holidays",
              "reconciliation")) {
        if (Params.text(ctx, p) != null) {
          throw ApiException.badRequest(p, p + " applies only with optimize=true");
        }
      }
      return null;
    }
    JobRequest req =
        JobRequest.builder()
            .type(JobType.OPTIMIZATION)
            .models(modelNames(Params.text(ctx, "models")))
            .preset(Params.text(ctx, "preset"))
            .horizon(Params.optionalInteger(ctx, "horizon"))
            .metric(Params.text(ctx, "metric"))
            .folds(Params.optionalInteger(ctx, "folds"))
            .priority(Params.optionalInteger(ctx, "priority"))
            .reason(Params.text(ctx, "reason"))
            .level(Params.numbers(ctx, "level"))
            .covariates(DatasetRoutes.readsCovariates(ctx) ? null : JobPayload.NONE)
            .holidays(Params.text(ctx, "holidays"))
            .reconciliation(Params.text(ctx, "reconciliation"))
            .idempotencyKey(ctx.header("Idempotency-Key"))
            .build();
    if (req.reconciliation() != null && ctx.queryParam("hierarchy") == null) {
      throw ApiException.badRequest(
          "reconciliation", "reconciliation applies to an upload with a hierarchy");
    }
    PreparedRequest prepared = jobs.prepare(req);
    return new DatasetRoutes.JobsForUpload() {
      @Override
      public Optional<DatasetRoutes.Uploaded> earlier(Caller caller) {
        if (prepared.key() == null) {
          return Optional.empty();
        }
        return store
            .jobIdempotencyGet(
                new JobStore.JobIdempotencyGetParams(caller.ownerId(), prepared.key()))
            .map(r -> firstAnswer(caller, r, jobs, datasets));
      }

      @Override
      public DatasetRoutes.UploadedJobs create(Caller caller, DatasetService.Upload upload) {
        if (!upload.covariates().names().isEmpty()) {
          // their future values come in a second file, after the dataset exists
          throw new ApiException(
              422,
              "missing_future_covariates",
              "the upload has covariates "
                  + upload.covariates().names()
                  + ", whose future values a forecast needs: upload without optimize, then their"
                  + " future values (POST /api/datasets/{id}/future), then create the jobs (POST"
                  + " /api/jobs); or send covariates=none",
              Map.of("column", upload.covariates().names().get(0)));
        }
        long t0 = System.nanoTime();
        JobInsertResult res =
            jobs.create(
                caller.ownerId(),
                prepared,
                upload.dataset().id(),
                upload.skus(),
                new ReadSeries(upload.series(), Fill.parse(upload.dataset().fill())),
                upload.hierarchy(),
                (c, ids) -> datasets.storeIn(c, upload));
        LOG.info(
            "dataset {}: stored with {} optimization jobs in {} ms, batch {}",
            upload.dataset().id(),
            res.jobIds().size(),
            (System.nanoTime() - t0) / 1_000_000,
            res.batchId());
        // The same idempotency key committed meanwhile: its answer, nothing of this one stored.
        DatasetRoutes.Uploaded earlier =
            res.created() ? null : firstAnswer(caller, res, jobs, datasets);
        return new DatasetRoutes.UploadedJobs(earlier, res.batchId(), res.jobIds());
      }
    };
  }

  /**
   * The answer the first upload with an idempotency key gave: its dataset's id and counts, its
   * batch and jobs.
   *
   * @throws ApiException 409 when that dataset was deleted since
   */
  private static DatasetRoutes.Uploaded firstAnswer(
      Caller caller, JobInsertResult first, JobService jobs, DatasetService datasets) {
    String datasetId = jobs.datasetOf(caller.ownerId(), first).orElse(null);
    Dataset d =
        datasetId == null ? null : datasets.store().get(caller.ownerId(), datasetId).orElse(null);
    if (d == null) {
      throw new ApiException(
          409,
          "idempotency_key_reused",
          "this Idempotency-Key was used by an earlier upload whose dataset or jobs were deleted"
              + " since; use a new key",
          Map.of("field", "Idempotency-Key"));
    }
    return new DatasetRoutes.Uploaded(
        d,
        d.id(),
        first.batchId(),
        first.jobIds(),
        datasets.store().covariates().names(caller.ownerId(), d.id()),
        datasets.store().covariates().ignored(caller.ownerId(), d.id()));
  }

  /** A comma-separated model list, commas inside {@code median(...)} kept; empty when absent. */
  private static List<String> modelNames(String list) {
    return list == null ? List.of() : ModelRegistry.splitNames(list);
  }

  /** The registry as {@code GET /api/models} lists it, with the presets. */
  record Models(List<Model> models, List<PresetView> presets) {}

  /**
   * One preset ({@code preset} of a job or upload, {@code --preset}): the candidates of regular
   * series, the first being the incumbent, and of intermittent series.
   *
   * @param members every model it uses, each once
   */
  record PresetView(
      String name,
      String description,
      List<String> models,
      List<String> intermittentModels,
      List<String> members) {}

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
    List<PresetView> presets = new ArrayList<>();
    for (Preset p : registry.presets().values()) {
      presets.add(
          new PresetView(
              p.name(), p.description(), p.models(), p.intermittentModels(), p.members()));
    }
    return new Models(out, presets);
  }
}
