package io.gridcast.server.http;

import io.gridcast.server.auth.SubmissionRateLimiter;
import io.gridcast.server.config.LimitExceededException;
import io.gridcast.server.config.ServerConfig;
import io.gridcast.server.monitor.HttpMetrics;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.router.Endpoint;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP server of one process: Javalin on virtual threads, the caller resolved before every
 * {@code /api} call, errors mapped in one place. Before any route runs, every request gets {@code
 * X-Content-Type-Options: nosniff} (and every answer but the web page's files {@code Cache-Control:
 * no-store}: API answers hold tokens and users' data), its body deadline, and the {@link
 * CrossSiteGuard}'s checks. Connections are Jetty's with a total deadline on request headers
 * ({@link HeaderDeadline}) and an idle timeout of {@link #IDLE_TIMEOUT}. Thread-safe; {@link
 * #close()} is idempotent.
 */
public final class ApiServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ApiServer.class);

  /**
   * How long a connection may stay silent: between requests, inside a request whose bytes stopped
   * coming, or under an answer the client stopped reading. Event streams write at least every
   * {@link EventRoutes#HEARTBEAT}, far within it.
   */
  static final Duration IDLE_TIMEOUT = Duration.ofSeconds(30);

  private final Javalin app;

  private ApiServer(Javalin app) {
    this.app = app;
  }

  /**
   * Starts the server on the configuration's host and port (port 0 picks a free one).
   *
   * @param fatal what becomes of an {@link Error} a request ran into (out of memory ends the
   *     process)
   */
  static ApiServer start(
      ServerConfig config,
      CallerResolver callers,
      SubmissionRateLimiter limiter,
      HttpMetrics metrics,
      Consumer<Throwable> fatal,
      List<RouteGroup> groups) {
    CrossSiteGuard guard = new CrossSiteGuard(!config.auth(), config.allowedOrigins());
    long bodyTimeoutNanos = config.bodyTimeout().toNanos();
    Javalin app =
        Javalin.create(cfg -> {
          cfg.concurrency.useVirtualThreads = true;
          cfg.http.maxRequestSize = config.maxUploadBytes();
          cfg.startup.showJavalinBanner = false;
          // what Javalin answers by itself when a client goes away or idles out mid-request
          cfg.jetty.clientAbortStatus = 400;
          cfg.jetty.timeoutStatus = 408;
          cfg.jetty.addConnector((server, http) -> connector(server, http, config));
          cfg.routes.before(ctx -> {
            ctx.header("X-Content-Type-Options", "nosniff");
            if (!WebAssets.isPagePath(ctx.path())) {
              ctx.header("Cache-Control", "no-store");
            }
            ctx.attribute(RequestBody.DEADLINE, System.nanoTime() + bodyTimeoutNanos);
            guard.check(ctx);
          });
          cfg.routes.before(
              "/api/*",
              ctx -> {
                if (ApiDocs.isPublic(ctx.path())) {
                  return; // the OpenAPI document and its reference need no caller
                }
                Caller caller = callers.resolve(ctx);
                refuseWriteByViewer(ctx, caller);
                refuseNul(ctx);
                ctx.attribute(Caller.ATTRIBUTE, caller);
                if (submission(ctx)) {
                  rateLimit(limiter, caller);
                }
              });
          if (metrics != null) {
            cfg.requestLogger.http((ctx, ms) ->
                metrics.record(
                    ctx.method().name(), route(ctx), ctx.res().getStatus(), (long) (ms * 1e6)));
          }
          ErrorMapper.install(cfg, fatal);
          for (RouteGroup g : groups) {
            g.register(cfg.routes);
          }
          new WebAssets().register(cfg.routes);
          new ApiDocs().register(cfg.routes);
        });
    app.start();
    LOG.info("HTTP API listening on http://{}:{}", config.host(), app.port());
    return new ApiServer(app);
  }

  private static ServerConnector connector(Server server, HttpConfiguration http, ServerConfig c) {
    ServerConnector connector =
        new ServerConnector(server, new HeaderDeadline(http, c.headerTimeout()));
    connector.setHost(c.host());
    connector.setPort(c.port());
    connector.setIdleTimeout(IDLE_TIMEOUT.toMillis());
    return connector;
  }

  /** The matched route's template ({@code /api/jobs/{id}}), or null when no route matched. */
  private static String route(Context ctx) {
    try {
      Endpoint e = ctx.endpoints().matchedHttpEndpoint();
      return e == null ? null : e.path;
    } catch (RuntimeException e) {
      return null;
    }
  }

  /**
   * A viewer reads; every call that could change state (anything but GET, HEAD, OPTIONS) is 403.
   */
  private static void refuseWriteByViewer(Context ctx, Caller caller) {
    HandlerType m = ctx.method();
    if (caller.readOnly()
        && m != HandlerType.GET
        && m != HandlerType.HEAD
        && m != HandlerType.OPTIONS) {
      throw new ApiException(
          403,
          "read_only",
          "this user is a viewer: it reads and changes nothing ("
              + m.name()
              + " "
              + ctx.path()
              + " refused)",
          Map.of("method", m.name(), "path", ctx.path()));
    }
  }

  /** NUL in a query parameter: PostgreSQL cannot even compare it, so it is refused up front. */
  private static void refuseNul(Context ctx) {
    for (Map.Entry<String, List<String>> e : ctx.queryParamMap().entrySet()) {
      for (String v : e.getValue()) {
        if (e.getKey().indexOf('\0') >= 0 || v.indexOf('\0') >= 0) {
          throw ApiException.badRequest(
              e.getKey().replace('\0', '?'), "query parameters must not contain the NUL character");
        }
      }
    }
  }

  /** Calls that create work: uploads, job submissions, benchmarks and profiles. */
  private static final Set<String> SUBMISSIONS =
      Set.of(
          "/api/datasets", "/api/jobs", "/api/performance/benchmark", "/api/performance/profile");

  private static boolean submission(Context ctx) {
    return ctx.method() == HandlerType.POST && SUBMISSIONS.contains(ctx.path());
  }

  private static void rateLimit(SubmissionRateLimiter limiter, Caller caller) {
    Duration wait = limiter.tryAcquire(caller.ownerId());
    if (!wait.isZero()) {
      long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
      throw LimitExceededException.tooMany(
          "submission_rate",
          limiter.burst(),
          seconds,
          "too many submissions: at most "
              + limiter.burst()
              + " at once, then one per refill interval; retry in "
              + seconds
              + " s");
    }
  }

  public int port() {
    return app.port();
  }

  /**
   * Method and path of every registered API route, the web page's files and the API reference's
   * left out (the OpenAPI test checks each is documented).
   */
  public List<String> routes() {
    return app.unsafe.internalRouter.allHttpHandlers().stream()
        .map(p -> p.endpoint)
        .filter(e ->
            e.method.isHttpMethod() && !WebAssets.isPagePath(e.path) && !ApiDocs.isDocsPath(e.path))
        .map(ApiServer::describe)
        .toList();
  }

  private static String describe(Endpoint e) {
    return e.method.name() + " " + e.path;
  }

  @Override
  public void close() {
    app.stop();
  }
}
