package io.gridcast.server.monitor;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Pattern;

/**
 * API call timings: the Prometheus histogram {@code gridcast_http_server_requests_seconds} by
 * method, route template (never the raw path, so ids do not explode the series count), status and
 * outcome; and a window of counts since the last sampler tick (requests, 5xx, mean and slowest
 * interactive call) for the status figures and the alert rules. Thread-safe and lock-free on the
 * request path.
 *
 * <p>Interactive calls are all but the {@link #BULK_ROUTES}: event streams, which stay open for
 * minutes, and calls whose time grows with the data they move (uploads, a dataset with all its
 * SKUs, forecast downloads, job creation and clearing in bulk, cache invalidation, a recording's
 * download). A 200,000-SKU upload that takes 30 s is no sign of a slow API; a status poll that
 * takes 1 s is.
 */
public final class HttpMetrics {
  static final String TIMER = "gridcast.http.server.requests";

  /**
   * Route templates timed in the histogram but left out of the window's mean and slowest call (and
   * so of the operation-duration and CPU rules). {@code deploy/prometheus/alerts.yml} excludes the
   * same routes with this very expression (RE2 and Java read it alike, anchored at both ends).
   */
  public static final String BULK_ROUTES =
      "/api/events|/api/datasets(/[{][^/}]+[}](/forecasts|/actuals)?)?|/api/jobs(/retry)?"
          + "|/api/cache|/api/performance/profile/[{][^/}]+[}]/jfr";

  private static final Pattern BULK = Pattern.compile(BULK_ROUTES);

  /**
   * The methods that keep their name as a label; any other (a client may send any token) is {@value
   * #OTHER_METHOD}. With the route template (never the raw path) and unmatched paths as {@value
   * #NO_ROUTE}, the number of series is bounded whatever clients send.
   */
  static final Set<String> METHODS =
      Set.of("GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "CONNECT");

  static final String OTHER_METHOD = "OTHER";
  static final String NO_ROUTE = "NOT_FOUND";

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
    String m = METHODS.contains(method) ? method : OTHER_METHOD;
    String r = route == null ? NO_ROUTE : route;
    String key = m + ' ' + r + ' ' + status;
    Timer t =
        timers.computeIfAbsent(
            key,
            k ->
                Timer.builder(TIMER)
                    .description("API calls by route template and status")
                    .tag("method", m)
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
    if (!BULK.matcher(r).matches()) {
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
   * @param slowestNanos the longest interactive call, 0 when there was none
   * @param timedRequests interactive calls (all but {@link #BULK_ROUTES})
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
