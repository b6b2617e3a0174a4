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

  /** Streams of one scope share a summary read within this time (a fraction of SUMMARY_EVERY). */
  static final Duration SUMMARY_SHARED = Duration.ofMillis(200);

  private static final int BATCH = 500;
  private static final int FRAMES_KEPT = 10_000;

  private final JobStore store;
  private final EventFeed feed;
  private final AlertRules alerts;

  private final int maxStreamsPerUser;
  private final ConcurrentHashMap<String, Integer> open = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, Summary> summaries = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<Long, String> frames = new ConcurrentHashMap<>();

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
    summary(out, caller, pos);
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
        List<JobEvent> events = feed.recentAfter(pos, BATCH);
        if (events == null) { // resumed from before the feed's window: read the table
          events = store.eventListAfter(new JobStore.EventListAfterParams(pos, BATCH));
        }
        StringBuilder sb = new StringBuilder();
        for (JobEvent e : events) {
          if (e.seq() > latest) {
            break; // not yet confirmed gap-free by the subscription
          }
          pos = e.seq();
          if (caller.sees(e.ownerId())) {
            sb.append(frame(e));
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
        summary(out, caller, pos);
        lastSummary = System.nanoTime();
        dirty = false;
      }
    }
  }

  /**
   * The SSE frame of an event, rendered once per process however many streams send it (the recent
   * ones are kept; older resumes render again).
   */
  private String frame(JobEvent e) {
    String f = frames.get(e.seq());
    if (f == null) {
      f = "id: " + e.seq() + "\nevent: job\ndata: " + Json.write(JobViews.event(e)) + "\n\n";
      frames.put(e.seq(), f);
      if (frames.size() > 2 * FRAMES_KEPT) {
        long keepFrom = feed.latest() - FRAMES_KEPT;
        frames.keySet().removeIf(seq -> seq < keepFrom);
      }
    }
    return f;
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

  private void summary(OutputStream out, Caller caller, long pos) throws IOException {
    write(out, "event: summary\ndata: " + summaryJson(caller.scope(), pos) + "\n\n");
  }

  /**
   * A scope's counts as of at least event {@code pos}: streams of one scope share one read for up
   * to {@link #SUMMARY_SHARED}, but only a read that began after the event the stream has shown
   * (counts change in the same transaction as events), so a summary never lags its own stream.
   */
  private String summaryJson(String scope, long pos) {
    String key = scope == null ? "" : "owner:" + scope;
    long now = System.nanoTime();
    Summary s = summaries.get(key);
    if (s == null || s.seenSeq() < pos || now - s.atNanos() > SUMMARY_SHARED.toNanos()) {
      long seen = feed.latest();
      var counts = store.jobCountByStatus(new JobStore.JobCountByStatusParams(scope));
      s = new Summary(Json.write(JobViews.summary(counts)), now, seen);
      summaries.merge(key, s, (old, fresh) -> fresh.seenSeq() >= old.seenSeq() ? fresh : old);
    }
    return s.json();
  }

  /** A counts read: its JSON, when it was taken, and the latest event delivered before it began. */
  private record Summary(String json, long atNanos, long seenSeq) {}

  private static void write(OutputStream out, String s) throws IOException {
    out.write(s.getBytes(StandardCharsets.UTF_8));
    out.flush();
  }
}
