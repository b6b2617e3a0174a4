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
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code GET /api/events}: Server-Sent Events of the caller's job changes ({@code event: job},
 * {@code id:} the database-wide sequence) and summary counts ({@code event: summary}). Resumable:
 * {@code Last-Event-ID} (or {@code ?last_event_id=}) replays everything after it from the database,
 * whichever process made the change; without it the stream starts at the present. Each stream is
 * one virtual thread that sleeps on the process's {@link EventFeed}. Alerts of this process raised
 * or cleared while the stream is open arrive as {@code event: alert} (no {@code id:}, so they do
 * not move the resume position; they concern the server, not one user's data, so every caller gets
 * them).
 *
 * <p>A stream asks for its caller's credential again (from the database, without the token trust
 * window) every {@link #RECHECK} and ends when it no longer works: a revoked user, an expired or
 * signed-out session. A stream that wrote nothing for {@link #HEARTBEAT} writes a comment line; a
 * client that went away makes the second such write fail, which ends the stream and frees its slot.
 * When a user is at {@code maxStreamsPerUser}, a new stream first makes that user's open streams
 * write at once (twice, {@link #PROBE_GAP} apart) and waits up to {@link #PROBE_WAIT} for a slot a
 * dead one frees, so a page reload is not refused; a refusal's {@code Retry-After} is the longest a
 * disconnected stream keeps its slot, two heartbeats.
 */
final class EventRoutes implements RouteGroup {
  /** The longest a stream stays silent; also the idle check of its connection. */
  static final Duration HEARTBEAT = Duration.ofSeconds(4);

  /** How often a stream's credential is checked again: a revoked user's stream ends within it. */
  static final Duration RECHECK = Duration.ofSeconds(4);

  /** Between the two writes that find a disconnected client (the first one draws its reset). */
  static final Duration PROBE_GAP = Duration.ofMillis(100);

  /** How long a stream over the limit waits for a slot after the user's streams were probed. */
  static final Duration PROBE_WAIT = Duration.ofMillis(1000);

  static final Duration SUMMARY_EVERY = Duration.ofMillis(500);

  /**
   * After a stream wrote job events it waits this long before the next write, so events that come
   * in a burst (every job's progress, many jobs finishing) leave in one write and one flush: a busy
   * stream costs the server at most 1 s / FLUSH_GAP writes a second, whatever the event rate. An
   * event after a quiet spell leaves at once.
   */
  static final Duration FLUSH_GAP = Duration.ofMillis(250);

  /** Streams of one scope share a summary read within this time (a fraction of SUMMARY_EVERY). */
  static final Duration SUMMARY_SHARED = Duration.ofMillis(200);

  private static final int BATCH = 500;
  private static final byte[] RETRY = ascii("retry: 2000\n\n");
  private static final byte[] SUMMARY_START = ascii("event: summary\ndata: ");
  private static final byte[] FRAME_END = ascii("\n\n");
  private static final byte[] KEEP_ALIVE_FRAME = ascii(": keep-alive\n\n");
  private static final int FRAMES_KEPT = 10_000;

  private final JobStore store;
  private final EventFeed feed;
  private final AlertRules alerts;
  private final CallerResolver callers;

  private final int maxStreamsPerUser;
  private final ConcurrentHashMap<String, Integer> open = new ConcurrentHashMap<>();
  // per user: how many times their streams were asked to write at once (a slot was wanted)
  private final ConcurrentHashMap<String, AtomicLong> probes = new ConcurrentHashMap<>();
  // age alone decides (no change version): a stream's own position is checked by the caller
  private final SharedAnswers<Summary> summaries =
      new SharedAnswers<>(() -> 0L, System::nanoTime, SUMMARY_SHARED, SUMMARY_SHARED);
  private final ConcurrentHashMap<Long, byte[]> frames = new ConcurrentHashMap<>();

  EventRoutes(
      JobStore store,
      EventFeed feed,
      AlertRules alerts,
      CallerResolver callers,
      int maxStreamsPerUser) {
    this.store = store;
    this.feed = feed;
    this.alerts = alerts;
    this.callers = callers;
    this.maxStreamsPerUser = maxStreamsPerUser;
  }

  @Override
  public void register(RoutesConfig r) {
    r.get("/api/events", this::stream);
  }

  private void stream(Context ctx) throws IOException, InterruptedException {
    Caller caller = Caller.of(ctx);
    long pos = startPosition(ctx);
    if (!admitted(caller.ownerId())) {
      throw LimitExceededException.tooMany(
          "max_streams_per_user",
          maxStreamsPerUser,
          2 * HEARTBEAT.toSeconds(),
          "too many open event streams: at most " + maxStreamsPerUser + " per user");
    }
    try {
      follow(ctx, caller, pos);
    } finally {
      open.computeIfPresent(caller.ownerId(), (k, n) -> n <= 1 ? null : n - 1);
    }
  }

  /**
   * Takes one of {@code owner}'s stream slots; when none is free, probes the owner's streams (a
   * client that went away is found by the second write) and waits for a freed slot.
   */
  private boolean admitted(String owner) throws InterruptedException {
    if (take(owner)) {
      return true;
    }
    long start = System.nanoTime();
    probe(owner);
    Thread.sleep(PROBE_GAP);
    probe(owner);
    while (System.nanoTime() - start < PROBE_WAIT.toNanos()) {
      if (take(owner)) {
        return true;
      }
      Thread.sleep(PROBE_GAP.dividedBy(2));
    }
    return take(owner);
  }

  private boolean take(String owner) {
    boolean[] admitted = {false};
    open.compute(
        owner,
        (k, n) -> {
          int now = n == null ? 0 : n;
          if (now >= maxStreamsPerUser) {
            return n;
          }
          admitted[0] = true;
          return now + 1;
        });
    return admitted[0];
  }

  /** Makes every open stream of {@code owner} write at once. */
  private void probe(String owner) {
    probes.computeIfAbsent(owner, k -> new AtomicLong()).incrementAndGet();
    feed.nudge();
  }

  private long probesOf(String owner) {
    AtomicLong p = probes.get(owner);
    return p == null ? 0 : p.get();
  }

  /**
   * True while the credential the stream was opened with still works for the same user; asked of
   * the database, not of the token trust window.
   */
  private boolean stillValid(Context ctx, Caller caller) {
    try {
      return callers.recheck(ctx).ownerId().equals(caller.ownerId());
    } catch (ApiException e) {
      if (e.status() == 401) {
        return false;
      }
      throw e;
    }
  }

  private void follow(Context ctx, Caller caller, long startPos)
      throws IOException, InterruptedException {
    long pos = startPos;
    ctx.status(200);
    ctx.res().setContentType("text/event-stream");
    ctx.res().setCharacterEncoding("UTF-8");
    ctx.res().setHeader("Cache-Control", "no-store");
    ctx.res().setHeader("X-Accel-Buffering", "no");
    // Frames go straight into the response's buffer, one flush per write: the shared frame and
    // summary bytes are never copied into a per-stream string (with 200 streams open, such copies
    // would be most of an API process's garbage).
    OutputStream out = ctx.res().getOutputStream();
    Summary first = summary(caller.scope());
    out.write(RETRY);
    writeSummary(out, first);
    out.flush();
    long lastSummary = System.nanoTime();
    long lastWrite = lastSummary;
    long nextCheck = lastSummary + RECHECK.toNanos();
    long seenProbes = probesOf(caller.ownerId());
    long gap = FLUSH_GAP.toNanos();
    long lastEvents = System.nanoTime() - gap;
    boolean dirty = first.seenSeq() < pos; // then a fresh summary follows
    long alertPos = alerts == null ? 0 : alerts.latestSeq();
    while (!feed.closed()) {
      long now = System.nanoTime();
      long untilCheck = nextCheck - now;
      long wait = dirty ? SUMMARY_EVERY.toNanos() : HEARTBEAT.toNanos() - (now - lastWrite);
      long latest = feed.awaitAfter(pos, Duration.ofNanos(Math.max(0, Math.min(wait, untilCheck))));
      if (System.nanoTime() - nextCheck >= 0) {
        if (!stillValid(ctx, caller)) {
          return; // revoked, signed out or expired: the client's reconnect is answered 401
        }
        nextCheck = System.nanoTime() + RECHECK.toNanos();
      }
      long sinceEvents = System.nanoTime() - lastEvents;
      if (latest > pos && sinceEvents < gap) {
        Thread.sleep(Duration.ofNanos(gap - sinceEvents));
        latest = feed.latest(); // what came in meanwhile leaves in the same write
      }
      if (alerts != null && alerts.latestSeq() > alertPos) {
        StringBuilder sb = new StringBuilder();
        for (Alert a : alerts.changesAfter(alertPos)) {
          alertPos = a.seq();
          sb.append("event: alert\ndata: ").append(Json.write(a)).append("\n\n");
        }
        if (!sb.isEmpty()) {
          out.write(sb.toString().getBytes(StandardCharsets.UTF_8));
          out.flush();
          lastWrite = System.nanoTime();
          continue;
        }
      }
      boolean wrote = false;
      if (latest > pos) {
        List<JobEvent> events = feed.recentAfter(pos, BATCH);
        if (events == null) { // resumed from before the feed's window: read the table
          events = store.eventListAfter(new JobStore.EventListAfterParams(pos, BATCH));
        }
        boolean sent = false;
        for (JobEvent e : events) {
          if (e.seq() > latest) {
            break; // not yet confirmed gap-free by the subscription
          }
          pos = e.seq();
          if (caller.sees(e.ownerId())) {
            out.write(frame(e));
            sent = true;
          }
        }
        if (events.isEmpty()) {
          pos = latest; // pruned range: move on
        }
        if (sent) {
          wrote = true;
          dirty = true;
          // a stream still catching up (more than BATCH behind) writes again without a pause
          lastEvents = pos < latest ? System.nanoTime() - gap : System.nanoTime();
        }
      }
      if (dirty && System.nanoTime() - lastSummary >= SUMMARY_EVERY.toNanos()) {
        Summary summary = summary(caller.scope());
        writeSummary(out, summary);
        wrote = true;
        lastSummary = System.nanoTime();
        // A shared read older than this stream's last event is followed by a fresh one later, so
        // the last summary a quiet stream shows always counts every event it showed.
        dirty = summary.seenSeq() < pos;
      }
      long probed = probesOf(caller.ownerId());
      if (!wrote
          && (probed != seenProbes || System.nanoTime() - lastWrite >= HEARTBEAT.toNanos())) {
        out.write(KEEP_ALIVE_FRAME);
        wrote = true;
      }
      seenProbes = probed;
      if (wrote) {
        out.flush();
        lastWrite = System.nanoTime();
      }
    }
  }

  /**
   * The SSE frame of an event, rendered once per process however many streams send it (the recent
   * ones are kept; older resumes render again).
   */
  private byte[] frame(JobEvent e) {
    byte[] f = frames.get(e.seq());
    if (f == null) {
      f =
          ("id: " + e.seq() + "\nevent: job\ndata: " + Json.write(JobViews.event(e)) + "\n\n")
              .getBytes(StandardCharsets.UTF_8);
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

  /**
   * A scope's counts, shared by all its streams: read again (one read at a time per scope) when the
   * shared one is older than {@link #SUMMARY_SHARED}. {@link Summary#seenSeq()} is the latest event
   * delivered before the read began: every event up to it is counted.
   */
  private Summary summary(String scope) {
    return summaries.get(
        scope == null ? "" : "owner:" + scope,
        () -> {
          long seen = feed.latest();
          var counts = store.jobCountByStatus(new JobStore.JobCountByStatusParams(scope));
          return new Summary(
              Json.write(JobViews.summary(counts)).getBytes(StandardCharsets.UTF_8), seen);
        });
  }

  /** A counts read: its JSON (UTF-8) and the latest event delivered before it began. */
  private record Summary(byte[] json, long seenSeq) {}

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  private static void writeSummary(OutputStream out, Summary summary) throws IOException {
    out.write(SUMMARY_START);
    out.write(summary.json());
    out.write(FRAME_END);
  }
}
