package io.gridcast.server.monitor;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * API call timings: the Prometheus histogram {@code gridcast_http_server_requests_seconds} by
 * method, route template (never the raw path, so ids do not explode the series count), status and
 * outcome; and a window of counts since the last sampler tick (requests, 5xx, slowest call) for the
 * status figures and the alert rules. Thread-safe and lock-free on the request path.
 */
public final class HttpMetrics {
  static final String TIMER = "gridcast.http.server.requests";

  /** Long-lived streams: timed, but never the "slowest call" of the operation-duration rule. */
  static final Set<String> STREAMS = Set.of("/api/events");

  private final MeterRegistry registry;
  private final ConcurrentHashMap<String, Timer> timers = new ConcurrentHashMap<>();
  private final LongAdder requests = new LongAdder();
  private final LongAdder errors = new LongAdder();
  private final AtomicLong slowestNanos = new AtomicLong();
  private final LongAdder timedRequests = new LongAdder();
  private final LongAdder timedNanos = new LongAdder();

  HttpMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  /**
   * Records one finished call.
   *
   * @param route the matched route template ({@code /api/jobs/{id}}), or null when none matched
   */
  public void record(String method, String route, int status, long nanos) {
    String r = route == null ? "NOT_FOUND" : route;
    String key = method + ' ' + r + ' ' + status;
    Timer t =
        timers.computeIfAbsent(
            key,
            k ->
                Timer.builder(TIMER)
                    .description("API calls by route template and status")
                    .tag("method", method)
                    .tag("route", r)
                    .tag("status", Integer.toString(status))
                    .tag("outcome", outcome(status))
                    .publishPercentileHistogram()
                    .minimumExpectedValue(Duration.ofMillis(1))
                    .maximumExpectedValue(Duration.ofSeconds(30))
                    .register(registry));
    t.record(nanos, TimeUnit.NANOSECONDS);
    requests.increment();
    if (status >= 500) {
      errors.increment();
    }
    if (!STREAMS.contains(r)) {
      slowestNanos.accumulateAndGet(nanos, Math::max);
      timedRequests.increment();
      timedNanos.add(nanos);
    }
  }

  private static String outcome(int status) {
    if (status >= 500) {
      return "SERVER_ERROR";
    }
    if (status >= 400) {
      return "CLIENT_ERROR";
    }
    return status >= 300 ? "REDIRECTION" : "SUCCESS";
  }

  /**
   * Counts since the previous drain.
   *
   * @param slowestNanos the longest call, 0 when there was none (streams excluded)
   * @param timedRequests calls other than streams
   * @param timedNanos their summed duration
   */
  record Window(
      long requests, long errors, long slowestNanos, long timedRequests, long timedNanos) {}

  Window drain() {
    return new Window(
        requests.sumThenReset(),
        errors.sumThenReset(),
        slowestNanos.getAndSet(0),
        timedRequests.sumThenReset(),
        timedNanos.sumThenReset());
  }
}
