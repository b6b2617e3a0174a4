package io.gridcast.server.http;

import io.gridcast.queue.JobEvent;
import io.gridcast.queue.JobStore;
import io.gridcast.server.config.LimitExceededException;
import io.gridcast.server.event.EventFeed;
import io.gridcast.server.monitor.Alert;
import io.gridcast.server.monitor.AlertRules;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code GET /api/events}: Server-Sent Events of the caller's job changes ({@code event: job},
 * {@code id:} the database-wide sequence) and summary counts ({@code event: summary}). Resumable:
 * {@code Last-Event-ID} (or {@code ?last_event_id=}) replays everything after it from the database,
 * whichever process made the change; without it the stream starts at the present. Each stream is
 * one virtual thread that sleeps on the process's {@link EventFeed}. Alerts of this process raised
 * or cleared while the stream is open arrive as {@code event: alert} (no {@code id:}, so they do
 * not move the resume position; they concern the server, not one user's data, so every caller gets
 * them).
 */
final class EventRoutes implements RouteGroup {
  static final Duration KEEP_ALIVE = Duration.ofSeconds(15);
  static final Duration SUMMARY_EVERY = Duration.ofMillis(500);
  private static final int BATCH = 500;

  private final JobStore store;
  private final EventFeed feed;
  private final AlertRules alerts;

  private final int maxStreamsPerUser;
  private final ConcurrentHashMap<String, Integer> open = new ConcurrentHashMap<>();

  EventRoutes(JobStore store, EventFeed feed, AlertRules alerts, int maxStreamsPerUser) {
    this.store = store;
    this.feed = feed;
    this.alerts = alerts;
    this.maxStreamsPerUser = maxStreamsPerUser;
  }

  @Override
  public void register(RoutesConfig r) {
    r.get("/api/events", this::stream);
  }

  private void stream(Context ctx) throws IOException, InterruptedException {
    Caller caller = Caller.of(ctx);
    long pos = startPosition(ctx);
    boolean[] admitted = {false};
    open.compute(
        caller.ownerId(),
        (k, n) -> {
          int now = n == null ? 0 : n;
          if (now >= maxStreamsPerUser) {
            return n;
          }
          admitted[0] = true;
          return now + 1;
        });
    if (!admitted[0]) {
      throw LimitExceededException.tooMany(
          "max_streams_per_user",
          maxStreamsPerUser,
          EventRoutes.KEEP_ALIVE.toSeconds(),
          "too many open event streams: at most " + maxStreamsPerUser + " per user");
    }
    try {
      follow(ctx, caller, pos);
    } finally {
      open.computeIfPresent(caller.ownerId(), (k, n) -> n <= 1 ? null : n - 1);
    }
  }

  private void follow(Context ctx, Caller caller, long startPos)
      throws IOException, InterruptedException {
    long pos = startPos;
    ctx.status(200);
    ctx.res().setContentType("text/event-stream");
    ctx.res().setCharacterEncoding("UTF-8");
    ctx.res().setHeader("Cache-Control", "no-cache");
    ctx.res().setHeader("X-Accel-Buffering", "no");
    OutputStream out = ctx.res().getOutputStream();
    write(out, "retry: 2000\n\n");
    summary(out, caller);
    long lastSummary = System.nanoTime();
    boolean dirty = false;
    long alertPos = alerts == null ? 0 : alerts.latestSeq();
    while (!feed.closed()) {
      long latest = feed.awaitAfter(pos, dirty ? SUMMARY_EVERY : KEEP_ALIVE);
      if (alerts != null && alerts.latestSeq() > alertPos) {
        StringBuilder sb = new StringBuilder();
        for (Alert a : alerts.changesAfter(alertPos)) {
          alertPos = a.seq();
          sb.append("event: alert\ndata: ").append(Json.write(a)).append("\n\n");
        }
        if (!sb.isEmpty()) {
          write(out, sb.toString());
          continue;
        }
      }
      if (latest > pos) {
        List<JobEvent> events = store.eventListAfter(new JobStore.EventListAfterParams(pos, BATCH));
        StringBuilder sb = new StringBuilder();
        for (JobEvent e : events) {
          if (e.seq() > latest) {
            break; // not yet confirmed gap-free by the subscription
          }
          pos = e.seq();
          if (caller.sees(e.ownerId())) {
            sb.append("id: ").append(e.seq()).append("\nevent: job\ndata: ");
            sb.append(Json.write(JobViews.event(e))).append("\n\n");
            dirty = true;
          }
        }
        if (events.isEmpty()) {
          pos = latest; // pruned range: move on
        }
        if (!sb.isEmpty()) {
          write(out, sb.toString());
        }
      } else if (!dirty) {
        write(out, ": keep-alive\n\n");
      }
      if (dirty && System.nanoTime() - lastSummary >= SUMMARY_EVERY.toNanos()) {
        summary(out, caller);
        lastSummary = System.nanoTime();
        dirty = false;
      }
    }
  }

  private long startPosition(Context ctx) {
    String raw = ctx.header("Last-Event-ID");
    String field = "Last-Event-ID";
    if (raw == null || raw.isBlank()) {
      raw = ctx.queryParam("last_event_id");
      field = "last_event_id";
    }
    if (raw == null || raw.isBlank()) {
      return feed.latest();
    }
    try {
      long v = Long.parseLong(raw.strip());
      if (v < 0) {
        throw new NumberFormatException();
      }
      return v;
    } catch (NumberFormatException e) {
      throw ApiException.badRequest(
          field, field + " must be a non-negative integer, got '" + raw + "'");
    }
  }

  private void summary(OutputStream out, Caller caller) throws IOException {
    var counts = store.jobCountByStatus(new JobStore.JobCountByStatusParams(caller.scope()));
    write(out, "event: summary\ndata: " + Json.write(JobViews.summary(counts)) + "\n\n");
  }

  private static void write(OutputStream out, String s) throws IOException {
    out.write(s.getBytes(StandardCharsets.UTF_8));
    out.flush();
  }
}
