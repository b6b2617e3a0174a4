package io.gridcast.server.http;

import io.gridcast.queue.Job;
import io.gridcast.queue.JobAttempt;
import io.gridcast.queue.JobFilter;
import io.gridcast.queue.JobPage;
import io.gridcast.queue.JobStatus;
import io.gridcast.queue.JobStore;
import io.gridcast.queue.JobStore.JobInsertResult;
import io.gridcast.server.job.JobRequest;
import io.gridcast.server.job.JobService;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.InstantSource;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * {@code /api/jobs...}: create, status with summary and cursor page, one (with the runs its retries
 * kept), progress, cancel, retry (one, or by filter), clear.
 */
final class JobRoutes implements RouteGroup {
  private static final Set<String> TYPES =
      Set.of("optimization", "validation", "rescoring", "reconciliation", "benchmark", "profile");

  /** A job request is small: a SKU list of 10,000 names fits many times over. */
  static final long MAX_BODY_BYTES = 4L * 1024 * 1024;

  private final JobService jobs;
  private final JobStore store;
  private final InstantSource clock;
  private final SharedAnswers<byte[]> statusAnswers;

  JobRoutes(
      JobService jobs, JobStore store, InstantSource clock, SharedAnswers<byte[]> statusAnswers) {
    this.jobs = jobs;
    this.store = store;
    this.clock = clock;
    this.statusAnswers = statusAnswers;
  }

  @Override
  public void register(RoutesConfig r) {
    r.post("/api/jobs", this::create);
    r.get("/api/jobs/status", this::status);
    r.get("/api/jobs/{id}", this::one);
    r.get("/api/jobs/{id}/progress", this::progress);
    r.post("/api/jobs/{id}/cancel", this::cancel);
    r.post("/api/jobs/{id}/retry", this::retry);
    r.post("/api/jobs/retry", this::retryMany);
    r.delete("/api/jobs", this::clear);
  }

  private void create(Context ctx) throws IOException {
    Caller caller = Caller.of(ctx);
    JsonBody.requireJson(ctx);
    byte[] body = RequestBody.readAll(ctx, MAX_BODY_BYTES);
    if (body.length == 0) {
      throw ApiException.badRequest("body", "the request body is empty; send a JSON object");
    }
    // other malformed JSON goes to ErrorMapper, which names its line and column
    JobRequest req = JsonBody.parse(body, JobRequest.class, "job request");
    String headerKey = ctx.header("Idempotency-Key");
    if (headerKey != null && req.idempotencyKey() == null) {
      req = req.withIdempotencyKey(headerKey);
    }
    JobInsertResult res = jobs.create(caller.ownerId(), req);
    ctx.status(res.created() ? 201 : 200).contentType("application/json").result(Json.write(res));
  }

  private JobFilter filter(Context ctx, Caller caller) {
    JobFilter f = JobFilter.owner(caller.scope());
    List<String> statuses = Params.list(ctx, "status");
    if (!statuses.isEmpty()) {
      EnumSet<JobStatus> set = EnumSet.noneOf(JobStatus.class);
      for (String s : statuses) {
        try {
          set.add(JobStatus.parse(s));
        } catch (IllegalArgumentException e) {
          throw ApiException.badRequest("status", e.getMessage());
        }
      }
      f = new JobFilter(f.ownerId(), set, null, null, null, null);
    }
    String type = Params.oneOf(ctx, "type", TYPES);
    if (type != null) {
      f = f.withType(type);
    }
    String batch = Params.text(ctx, "batch");
    if (batch != null) {
      f = f.withBatch(uuid("batch", batch));
    }
    String sku = Params.text(ctx, "sku");
    if (sku != null) {
      f = f.withLabelContaining(sku);
    }
    return f;
  }

  /**
   * Counts and the first (or a cursor's) page. Pollers repeat it: requests of one scope and query
   * share an answer while no job changed ({@link SharedAnswers}); parameters are checked first, so
   * a bad one is refused on every request.
   */
  private void status(Context ctx) throws IOException {
    Caller caller = Caller.of(ctx);
    JobFilter f = filter(ctx, caller);
    int limit = Params.integer(ctx, "limit", 50, 1, 1000);
    String cursor = Params.text(ctx, "cursor");
    String query = ctx.queryString();
    String key =
        (caller.scope() == null ? "*" : "owner:" + caller.scope())
            + "?"
            + (query == null ? "" : query);
    byte[] body = statusAnswers.get(key, () -> statusBody(caller, f, limit, cursor));
    // Straight into the response buffer: ctx.result(..) would copy the shared body through a new
    // 32 KiB buffer per request, most of a polled API process's garbage.
    ctx.contentType("application/json");
    ctx.outputStream().write(body);
  }

  private byte[] statusBody(Caller caller, JobFilter f, int limit, String cursor) {
    JobPage page;
    try {
      page = store.jobList(new JobStore.JobListParams(f, cursor, limit));
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest(
          "cursor", "cursor is not one this server issued: '" + cursor + "'");
    }
    Map<JobStatus, Long> counts =
        store.jobCountByStatus(new JobStore.JobCountByStatusParams(caller.scope()));
    return Json.write(
            new JobViews.StatusPage(
                JobViews.summary(counts),
                page.jobs().stream().map(JobViews::brief).toList(),
                page.nextCursor()))
        .getBytes(StandardCharsets.UTF_8);
  }

  private Job find(Context ctx) {
    Caller caller = Caller.of(ctx);
    String raw = ctx.pathParam("id");
    UUID id = uuidOrNotFound(raw);
    return store
        .jobGet(new JobStore.JobGetParams(id, caller.scope()))
        .orElseThrow(() -> ApiException.notFound("job", raw));
  }

  private void one(Context ctx) {
    Job j = find(ctx);
    List<JobAttempt> runs = store.jobAttemptList(new JobStore.JobAttemptListParams(j.id()));
    ctx.contentType("application/json").result(Json.write(JobViews.full(j, runs)));
  }

  private void progress(Context ctx) {
    Job j = find(ctx);
    ctx.contentType("application/json")
        .result(
            Json.write(
                new JobViews.Progress(
                    j.id(), j.status().dbValue(), JobViews.tree(j.progressJson()), j.updatedAt())));
  }

  private void cancel(Context ctx) {
    Caller caller = Caller.of(ctx);
    String raw = ctx.pathParam("id");
    UUID id = uuidOrNotFound(raw);
    JobStatus status =
        store
            .jobCancel(new JobStore.JobCancelParams(id, caller.scope(), clock.instant()))
            .orElseThrow(() -> ApiException.notFound("job", raw));
    ctx.status(202)
        .contentType("application/json")
        .result(
            Json.write(new JobViews.Cancelled(id, status.dbValue(), status == JobStatus.RUNNING)));
  }

  /**
   * Puts one failed or cancelled job back to pending as a new run; its ended run stays readable in
   * {@code GET /api/jobs/{id}} ({@code runs}). Any other status answers 409 naming the job and it.
   */
  private void retry(Context ctx) {
    Caller caller = Caller.of(ctx);
    String raw = ctx.pathParam("id");
    UUID id = uuidOrNotFound(raw);
    JobStore.RetryResult r =
        store
            .jobRetry(new JobStore.JobRetryParams(id, caller.scope(), clock.instant()))
            .orElseThrow(() -> ApiException.notFound("job", raw));
    if (!r.retried()) {
      String status = r.status().dbValue();
      throw new ApiException(
          409,
          "job_not_retryable",
          "job " + id + " is " + status + "; only failed or cancelled jobs can be retried",
          Map.of("job_id", id.toString(), "status", status));
    }
    // Pending, or for a batch continuation waiting (or settled again at once by its policy).
    JobStatus now =
        store
            .jobGet(new JobStore.JobGetParams(id, caller.scope()))
            .map(Job::status)
            .orElse(JobStatus.PENDING);
    ctx.status(202)
        .contentType("application/json")
        .result(Json.write(new JobViews.Retried(id, now.dbValue(), r.status().dbValue())));
  }

  /**
   * Retries every failed or cancelled job matching the listing's filters ({@code status} may name
   * only those two; without it both are retried).
   */
  private void retryMany(Context ctx) {
    Caller caller = Caller.of(ctx);
    JobFilter f = filter(ctx, caller);
    for (JobStatus s : f.statuses()) {
      if (s != JobStatus.FAILED && s != JobStatus.CANCELLED) {
        throw new ApiException(
            400,
            "invalid_parameter",
            "status "
                + s.dbValue()
                + " cannot be retried; only failed or cancelled jobs can (status=failed,cancelled)",
            Map.of("field", "status", "allowed", List.of("failed", "cancelled")));
      }
    }
    int n = store.jobRetryMany(new JobStore.JobRetryManyParams(f, clock.instant()));
    ctx.status(202).contentType("application/json").result(Json.write(new JobViews.RetriedMany(n)));
  }

  private void clear(Context ctx) {
    Caller caller = Caller.of(ctx);
    if (Params.text(ctx, "status") == null) {
      throw ApiException.badRequest(
          "status", "status is required (e.g. status=pending or status=completed,failed)");
    }
    JobFilter f = filter(ctx, caller);
    Set<JobStatus> statuses = f.statuses();
    int cancelled = 0;
    int requested = 0;
    int deleted = 0;
    if (statuses.stream().anyMatch(s -> !s.isFinished())) {
      EnumSet<JobStatus> active = EnumSet.noneOf(JobStatus.class);
      for (JobStatus s : statuses) {
        if (!s.isFinished()) {
          active.add(s);
        }
      }
      JobStore.CancelResult c =
          store.jobCancelMany(
              new JobStore.JobCancelManyParams(
                  new JobFilter(
                      f.ownerId(), active, f.type(), f.batchId(), f.labelContains(), null),
                  clock.instant()));
      cancelled = c.cancelled();
      requested = c.requested();
    }
    EnumSet<JobStatus> finished = EnumSet.noneOf(JobStatus.class);
    for (JobStatus s : statuses) {
      if (s.isFinished()) {
        finished.add(s);
      }
    }
    if (!finished.isEmpty()) {
      deleted =
          store.jobDeleteFinished(
              new JobStore.JobDeleteFinishedParams(
                  new JobFilter(
                      f.ownerId(), finished, f.type(), f.batchId(), f.labelContains(), null),
                  clock.instant()));
    }
    ctx.contentType("application/json")
        .result(Json.write(new JobViews.Cleared(cancelled, requested, deleted)));
  }

  static UUID uuid(String field, String raw) {
    try {
      return UUID.fromString(raw);
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest(field, field + " must be a UUID, got '" + raw + "'");
    }
  }

  private static UUID uuidOrNotFound(String raw) {
    try {
      return UUID.fromString(raw);
    } catch (IllegalArgumentException e) {
      throw ApiException.notFound("job", raw);
    }
  }
}
