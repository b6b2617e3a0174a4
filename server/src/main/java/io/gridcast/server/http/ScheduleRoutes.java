package io.gridcast.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.gridcast.server.schedule.Schedule;
import io.gridcast.server.schedule.ScheduleChange;
import io.gridcast.server.schedule.ScheduleFire;
import io.gridcast.server.schedule.ScheduleRequest;
import io.gridcast.server.schedule.ScheduleService;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;

/** {@code /api/schedules...}: create, list, one with its recent fires, change, delete. */
final class ScheduleRoutes implements RouteGroup {
  /** A schedule is small: its options are one job request's fields. */
  static final long MAX_BODY_BYTES = 256L * 1024;

  /** How many recent fires {@code GET /api/schedules/{id}} lists. */
  static final int RECENT_FIRES = 20;

  private final ScheduleService schedules;

  ScheduleRoutes(ScheduleService schedules) {
    this.schedules = schedules;
  }

  /** {@code POST /api/schedules} body. */
  record NewSchedule(
      String name,
      String cron,
      String timeZone,
      String datasetName,
      String type,
      JsonNode options) {}

  /** {@code PATCH /api/schedules/{id}} body; absent fields stay. */
  record ScheduleEdit(String cron, String timeZone, JsonNode options, Boolean paused) {}

  /**
   * A schedule as the API shows it.
   *
   * @param nextFireAt the next fire time; null while paused
   * @param lastFireAt the last fire time that fired; null before the first
   */
  record ScheduleView(
      String id,
      String ownerId,
      String name,
      String cron,
      String timeZone,
      String datasetName,
      String type,
      JsonNode options,
      boolean paused,
      Instant nextFireAt,
      Instant lastFireAt,
      String lastBatchId,
      String lastError,
      Instant createdAt,
      Instant updatedAt) {
    static ScheduleView of(Schedule s) {
      return new ScheduleView(
          s.id(),
          s.ownerId(),
          s.name(),
          s.cron(),
          s.timeZone(),
          s.datasetName(),
          s.type(),
          tree(s.options()),
          s.paused(),
          s.paused() ? null : s.nextFireAt(),
          s.lastFireAt(),
          s.lastBatchId(),
          s.lastError(),
          s.createdAt(),
          s.updatedAt());
    }
  }

  /** One schedule with its recent fires, newest first. */
  record ScheduleDetail(ScheduleView schedule, List<ScheduleFire> fires) {}

  /** Every schedule of the caller. */
  record ScheduleList(List<ScheduleView> schedules) {}

  @Override
  public void register(RoutesConfig r) {
    r.post("/api/schedules", this::create);
    r.get("/api/schedules", this::list);
    r.get("/api/schedules/{id}", this::one);
    r.patch("/api/schedules/{id}", this::change);
    r.delete("/api/schedules/{id}", this::delete);
  }

  private void create(Context ctx) throws IOException {
    Caller caller = Caller.of(ctx);
    NewSchedule b = JsonBody.read(ctx, NewSchedule.class, MAX_BODY_BYTES, null, "schedule");
    Schedule s =
        schedules.create(
            caller.ownerId(),
            new ScheduleRequest(
                b.name(), b.cron(), b.timeZone(), b.datasetName(), b.type(), text(b.options())));
    ctx.status(201).contentType("application/json").result(Json.write(ScheduleView.of(s)));
  }

  private void list(Context ctx) {
    Caller caller = Caller.of(ctx);
    List<ScheduleView> all = schedules.list(caller.scope()).stream().map(ScheduleView::of).toList();
    ctx.contentType("application/json").result(Json.write(new ScheduleList(all)));
  }

  private void one(Context ctx) {
    Caller caller = Caller.of(ctx);
    String id = ctx.pathParam("id");
    Schedule s = schedules.get(caller.scope(), id);
    List<ScheduleFire> fires = schedules.fires(caller.scope(), id, RECENT_FIRES);
    ctx.contentType("application/json")
        .result(Json.write(new ScheduleDetail(ScheduleView.of(s), fires)));
  }

  private void change(Context ctx) throws IOException {
    Caller caller = Caller.of(ctx);
    ScheduleEdit b =
        JsonBody.read(ctx, ScheduleEdit.class, MAX_BODY_BYTES, null, "schedule change");
    Schedule s =
        schedules.update(
            caller.scope(),
            ctx.pathParam("id"),
            new ScheduleChange(b.cron(), b.timeZone(), text(b.options()), b.paused()));
    ctx.contentType("application/json").result(Json.write(ScheduleView.of(s)));
  }

  private void delete(Context ctx) {
    Caller caller = Caller.of(ctx);
    schedules.delete(caller.scope(), ctx.pathParam("id"));
    ctx.status(204);
  }

  private static String text(JsonNode options) {
    return options == null || options.isNull() ? null : options.toString();
  }

  private static JsonNode tree(String options) {
    try {
      return Json.MAPPER.readTree(options);
    } catch (IOException e) {
      throw new UncheckedIOException("stored schedule options are not JSON: " + options, e);
    }
  }
}
