package io.gridcast.server.http;

import io.gridcast.forecast.hierarchy.HierarchyDeclarationException;
import io.gridcast.forecast.hierarchy.HierarchySpec;
import io.gridcast.forecast.series.InvalidSeriesOptionException;
import io.gridcast.forecast.series.Series;
import io.gridcast.forecast.series.TimeAxisOptions;
import io.gridcast.server.dataset.Dataset;
import io.gridcast.server.dataset.DatasetService;
import io.gridcast.server.dataset.DatasetService.BodyFormat;
import io.gridcast.server.dataset.SeriesCovariates;
import io.gridcast.server.dataset.UploadFormat;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** {@code /api/datasets...}: upload, list, one, one series' history, delete. */
final class DatasetRoutes implements RouteGroup {
  private final DatasetService datasets;
  private final UploadJobs uploadJobs;
  private final long maxUploadBytes;
  private final int maxPoints;

  /** Creates jobs for a fresh upload when the caller asked for them ({@code ?optimize=true}). */
  @FunctionalInterface
  interface UploadJobs {
    /**
     * Validates the job parameters of the request before the body is read; returns the action that
     * creates the jobs once the dataset is stored (null when none were asked for).
     */
    JobsForUpload prepare(Context ctx);
  }

  /** The prepared job creation of one upload. */
  interface JobsForUpload {
    /**
     * The answer of an earlier upload of the caller with the same idempotency key, as it was given
     * (the same dataset, counts, batch and jobs); empty when the key is new or absent.
     */
    Optional<Uploaded> earlier(Caller caller);

    /**
     * Stores the parsed (not yet stored) upload and creates its jobs in one transaction; returns
     * the batch and job ids for the answer.
     */
    UploadedJobs create(Caller caller, DatasetService.Upload upload);
  }

  /**
   * The jobs an upload created.
   *
   * @param earlier the answer of an earlier upload with the same idempotency key that committed
   *     while this one was read (this one was not stored), else null
   */
  record UploadedJobs(Uploaded earlier, UUID batchId, List<UUID> jobIds) {}

  /** Header of an answer repeated for a reused {@code Idempotency-Key}. */
  static final String REPLAYED = "Idempotent-Replayed";

  /**
   * The answer to an upload: the dataset, how it was read, and the jobs it created (none without
   * optimize).
   *
   * @param name the name it is stored under
   * @param version its version of that name (1 for the first upload under it)
   * @param frequency the most common frequency of its series (pandas name)
   * @param fill what filled missing values ({@code none}: gaps were refused)
   * @param filled how many values were filled, over all series
   * @param covariates the extra columns stored as covariates, in column order
   * @param ignoredColumns the extra columns not read ({@code covariates=none}), in column order
   */
  record Uploaded(
      String datasetId,
      String name,
      int version,
      int seriesCount,
      long rowCount,
      String frequency,
      String fill,
      long filled,
      UUID batchId,
      List<UUID> jobIds,
      List<String> covariates,
      List<String> ignoredColumns) {
    Uploaded(
        Dataset d,
        String datasetId,
        UUID batchId,
        List<UUID> jobIds,
        List<String> covariates,
        List<String> ignoredColumns) {
      this(
          datasetId,
          d.name(),
          d.version(),
          d.seriesCount(),
          d.rowCount(),
          d.frequency(),
          d.fill(),
          d.filled(),
          batchId,
          jobIds,
          covariates,
          ignoredColumns);
    }
  }

  /** A page of datasets and the next page's cursor. */
  record DatasetPage(List<Dataset> datasets, String nextCursor) {}

  /**
   * One dataset with its SKUs.
   *
   * @param covariates its covariate names, in column order (empty: none)
   * @param futureHorizon the fewest future covariate rows of any of its series: the longest horizon
   *     a job using the covariates may ask for (null when it has no covariates)
   */
  record DatasetDetail(
      Dataset dataset, List<String> skus, List<String> covariates, Integer futureHorizon) {}

  /**
   * One series' stored history.
   *
   * @param seasonalPeriods every seasonal period its models use, ascending
   * @param covariates each covariate's values at {@code ds}, by name in column order
   * @param country the series' holiday region, or null
   * @param holidays the stamps of {@code ds} that are public holidays of {@code country} (or of the
   *     {@code holidays} query parameter): the chart's markers; empty without a region or dates
   */
  record SeriesHistory(
      String datasetId,
      String sku,
      String frequency,
      int period,
      double[] seasonalPeriods,
      int filled,
      List<String> ds,
      double[] y,
      Map<String, double[]> covariates,
      String country,
      List<String> holidays) {}

  DatasetRoutes(
      DatasetService datasets, UploadJobs uploadJobs, long maxUploadBytes, int maxPoints) {
    this.datasets = datasets;
    this.uploadJobs = uploadJobs;
    this.maxUploadBytes = maxUploadBytes;
    this.maxPoints = maxPoints;
  }

  @Override
  public void register(RoutesConfig r) {
    r.post("/api/datasets", this::upload);
    r.get("/api/datasets", this::list);
    r.get("/api/datasets/{id}", this::one);
    r.get("/api/datasets/{id}/series/{sku}", ctx -> series(ctx, ctx.pathParam("sku")));
    // The name in the query: a path segment cannot carry "." or "..", which URLs drop as dot
    // segments.
    r.get("/api/datasets/{id}/series", ctx -> series(ctx, skuParam(ctx)));
    r.delete("/api/datasets/{id}", this::delete);
    r.post("/api/datasets/{name}/actuals", this::actuals);
    r.post("/api/datasets/{id}/future", this::future);
  }

  /**
   * {@code POST /api/datasets/{id}/future?horizon=}: the future values of the dataset's covariates
   * (CSV or JSON rows of {@code unique_id, ds} and every covariate column), replacing any earlier
   * future file's.
   */
  private void future(Context ctx) throws IOException {
    Caller caller = Caller.of(ctx);
    BodyFormat format = bodyFormat(ctx);
    UploadFormat columns = columns(ctx);
    int horizon = Params.integer(ctx, "horizon", 0, 0, 1_000_000);
    DatasetService.FutureStored stored;
    try (RequestBody body = RequestBody.open(ctx, maxUploadBytes)) {
      try {
        stored =
            datasets.uploadFuture(
                caller.ownerId(), ctx.pathParam("id"), format, body, columns, horizon);
      } catch (RuntimeException e) {
        body.discardRest(); // so that the client, still sending, reads the refusal
        throw e;
      }
    }
    ctx.status(201).contentType("application/json").result(Json.write(stored));
  }

  /**
   * {@code POST /api/datasets/{name}/actuals?replace=}: CSV rows appended to the newest version of
   * the named dataset, stored as its next version; the answer is that version.
   */
  private void actuals(Context ctx) throws IOException {
    Caller caller = Caller.of(ctx);
    if (bodyFormat(ctx) != BodyFormat.CSV) {
      throw new ApiException(
          415,
          "unsupported_media_type",
          "actuals are CSV rows: Content-Type must be text/csv, got '" + ctx.contentType() + "'",
          Map.of("field", "Content-Type"));
    }
    UploadFormat columns = columns(ctx);
    boolean replace = Params.bool(ctx, "replace");
    Dataset d;
    try (RequestBody body = RequestBody.open(ctx, maxUploadBytes)) {
      try {
        d =
            datasets.appendActuals(
                caller.ownerId(),
                ctx.pathParam("name"),
                body,
                columns,
                Params.text(ctx, "fill") != null,
                replace);
      } catch (RuntimeException e) {
        body.discardRest(); // so that the client, still sending, reads the refusal
        throw e;
      }
    }
    ctx.status(201).contentType("application/json").result(Json.write(d));
  }

  private void upload(Context ctx) throws IOException {
    Caller caller = Caller.of(ctx);
    BodyFormat format = bodyFormat(ctx);
    UploadFormat columns = columns(ctx);
    HierarchySpec hierarchy = hierarchy(ctx, format);
    JobsForUpload jobs = uploadJobs.prepare(ctx);
    Optional<Uploaded> replay = jobs == null ? Optional.empty() : jobs.earlier(caller);
    DatasetService.Upload upload;
    try (RequestBody body = RequestBody.open(ctx, maxUploadBytes)) {
      if (replay.isPresent()) {
        // the same key again: the first answer as it was; the body is dropped unparsed
        body.discardRest();
        ctx.header(REPLAYED, "true");
        ctx.status(201).contentType("application/json").result(Json.write(replay.get()));
        return;
      }
      String name = Params.text(ctx, "name");
      try {
        upload =
            jobs == null
                ? datasets.upload(caller.ownerId(), format, body, columns, name, hierarchy)
                : datasets.parse(caller.ownerId(), format, body, columns, name, hierarchy);
      } catch (RuntimeException e) {
        body.discardRest(); // so that the client, still sending, reads the refusal
        throw e;
      }
    }
    Dataset d = upload.dataset();
    String id = d.id();
    UUID batch = null;
    List<UUID> jobIds = List.of();
    if (jobs != null) {
      // The dataset is written inside the queue's job-insert transaction: both or neither.
      UploadedJobs created = jobs.create(caller, upload);
      if (created.earlier() != null) {
        ctx.header(REPLAYED, "true");
        ctx.status(201).contentType("application/json").result(Json.write(created.earlier()));
        return;
      }
      batch = created.batchId();
      jobIds = created.jobIds();
    }
    // as stored: the version is the name's next when the row was written
    Uploaded answer =
        new Uploaded(
            datasets.get(caller.ownerId(), id),
            id,
            batch,
            jobIds,
            upload.covariates().names(),
            upload.covariates().ignored());
    ctx.status(201).contentType("application/json").result(Json.write(answer));
  }

  /**
   * The {@code hierarchy} parameter ({@code state/zone/region*purpose}), null when absent; a bad
   * declaration, or one on a JSON body, answers 400 naming it.
   */
  static HierarchySpec hierarchy(Context ctx, BodyFormat format) {
    String text = ctx.queryParam("hierarchy");
    if (text == null) {
      return null;
    }
    HierarchySpec spec;
    try {
      spec = HierarchySpec.parse(text);
    } catch (HierarchyDeclarationException e) {
      throw ApiException.badRequest("hierarchy", e.getMessage());
    }
    if (format != BodyFormat.CSV) {
      throw ApiException.badRequest(
          "hierarchy",
          "a hierarchy upload is CSV (text/csv) with the key columns " + spec.columns());
    }
    return spec;
  }

  static BodyFormat bodyFormat(Context ctx) {
    String type = ctx.contentType();
    String base = type == null ? "" : type.split(";")[0].strip().toLowerCase(Locale.ROOT);
    return switch (base) {
      // not text/plain: a page of another site may send that without asking first (CORS)
      case "text/csv", "application/csv" -> BodyFormat.CSV;
      case "application/json" -> BodyFormat.JSON;
      default ->
          throw new ApiException(
              415,
              "unsupported_media_type",
              "Content-Type must be text/csv or application/json, got '"
                  + (type == null ? "" : type)
                  + "'",
              Map.of("field", "Content-Type", "allowed", List.of("text/csv", "application/json")));
    };
  }

  private UploadFormat columns(Context ctx) {
    UploadFormat d = UploadFormat.standard();
    TimeAxisOptions axis = axisOptions(ctx);
    String id = orDefault(Params.text(ctx, "id_column"), d.idColumn());
    String ds = orDefault(Params.text(ctx, "ds_column"), d.dsColumn());
    String y = orDefault(Params.text(ctx, "y_column"), d.yColumn());
    if (id.equalsIgnoreCase(ds) || id.equalsIgnoreCase(y) || ds.equalsIgnoreCase(y)) {
      throw ApiException.badRequest(
          "id_column",
          "id_column, ds_column and y_column must differ: " + id + ", " + ds + ", " + y);
    }
    return new UploadFormat(id, ds, y, axis, maxPoints, readsCovariates(ctx));
  }

  /**
   * {@code covariates}: {@code auto} (the default: extra columns are covariates) or {@code none}.
   */
  static boolean readsCovariates(Context ctx) {
    String c = Params.text(ctx, "covariates");
    if (c == null || c.equalsIgnoreCase("auto")) {
      return true;
    }
    if (c.equalsIgnoreCase("none")) {
      return false;
    }
    throw ApiException.badRequest("covariates", "covariates must be auto or none, got '" + c + "'");
  }

  /**
   * {@code frequency}, {@code fill}, {@code seasonality} (or the single {@code period}: 1 for none)
   * and {@code date_format}; a bad value answers 400 naming the parameter and what it accepts.
   */
  static TimeAxisOptions axisOptions(Context ctx) {
    String seasonality = Params.text(ctx, "seasonality");
    int period = Params.integer(ctx, "period", 0, 0, 10_000);
    if (period > 0) {
      if (seasonality != null) {
        throw ApiException.badRequest(
            "period", "give either period or seasonality, not both (seasonality takes a list)");
      }
      seasonality = period == 1 ? "none" : Integer.toString(period);
    }
    try {
      return TimeAxisOptions.parse(
          Params.text(ctx, "frequency"),
          Params.text(ctx, "fill"),
          seasonality,
          ctx.queryParam("date_format"));
    } catch (InvalidSeriesOptionException e) {
      throw ApiException.badRequest(e.option(), e.getMessage());
    }
  }

  private static String orDefault(String v, String d) {
    return v == null ? d : v;
  }

  private void list(Context ctx) {
    Caller caller = Caller.of(ctx);
    int limit = Params.integer(ctx, "limit", 50, 1, 1000);
    String cursor = Params.text(ctx, "cursor");
    List<Dataset> page = datasets.store().list(caller.scope(), cursor, limit + 1);
    boolean more = page.size() > limit;
    List<Dataset> items = more ? page.subList(0, limit) : page;
    DatasetPage answer = new DatasetPage(items, more ? items.get(items.size() - 1).id() : null);
    ctx.contentType("application/json").result(Json.write(answer));
  }

  private void one(Context ctx) {
    Caller caller = Caller.of(ctx);
    Dataset d = datasets.get(caller.scope(), ctx.pathParam("id"));
    List<String> skus = datasets.store().skus(caller.scope(), d.id());
    List<String> covariates = datasets.store().covariates().names(caller.scope(), d.id());
    Integer future = null;
    if (!covariates.isEmpty()) {
      future = Integer.MAX_VALUE;
      for (SeriesCovariates c :
          datasets.store().covariates().all(caller.scope(), d.id()).values()) {
        if (c.hasColumns()) {
          future = Math.min(future, c.futureRows());
        }
      }
    }
    ctx.contentType("application/json")
        .result(Json.write(new DatasetDetail(d, skus, covariates, future)));
  }

  /**
   * The required {@code sku} query parameter, exactly as sent (names may begin or end in spaces).
   */
  static String skuParam(Context ctx) {
    String sku = ctx.queryParam("sku");
    if (sku == null || sku.isEmpty()) {
      throw ApiException.badRequest("sku", "the query parameter sku (a SKU name) is required");
    }
    return sku;
  }

  private void series(Context ctx, String sku) {
    Caller caller = Caller.of(ctx);
    Series s = datasets.series(caller.scope(), ctx.pathParam("id"), sku);
    SeriesCovariates c = datasets.store().covariates().of(caller.scope(), ctx.pathParam("id"), sku);
    Map<String, double[]> covariates = new LinkedHashMap<>();
    for (int j = 0; j < c.names().size(); j++) {
      covariates.put(c.names().get(j), c.history()[j]);
    }
    List<String> ds = new ArrayList<>(s.length());
    for (int i = 0; i < s.length(); i++) {
      ds.add(s.axis().label(i));
    }
    SeriesHistory answer =
        new SeriesHistory(
            ctx.pathParam("id"),
            s.id(),
            s.axis().frequency().name(),
            s.period(),
            s.seasonalPeriods(),
            s.filled(),
            ds,
            s.values(),
            covariates,
            c.country(),
            HolidayMarkers.of(s, orDefault(Params.text(ctx, "holidays"), c.country())));
    ctx.contentType("application/json").result(Json.write(answer));
  }

  private void delete(Context ctx) {
    Caller caller = Caller.of(ctx);
    datasets.delete(caller.scope(), ctx.pathParam("id"));
    ctx.status(204);
  }
}
