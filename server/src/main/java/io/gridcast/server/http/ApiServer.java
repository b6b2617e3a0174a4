package io.gridcast.server.http;

import io.gridcast.server.auth.SubmissionRateLimiter;
import io.gridcast.server.config.LimitExceededException;
import io.gridcast.server.monitor.HttpMetrics;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.router.Endpoint;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP server of one process: Javalin on virtual threads, the caller resolved before every
 * {@code /api} call, errors mapped in one place. Thread-safe; {@link #close()} is idempotent.
 */
public final class ApiServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ApiServer.class);

  private final Javalin app;

  private ApiServer(Javalin app) {
    this.app = app;
  }

  /**
   * Starts the server on {@code host:port} (port 0 picks a free one).
   *
   * @param maxBodyBytes the largest request body (uploads stream under the same bound)
   */
  static ApiServer start(
      String host,
      int port,
      long maxBodyBytes,
      CallerResolver callers,
      SubmissionRateLimiter limiter,
      HttpMetrics metrics,
      List<RouteGroup> groups) {
    Javalin app =
        Javalin.create(cfg -> {
          cfg.concurrency.useVirtualThreads = true;
          cfg.http.maxRequestSize = maxBodyBytes;
          cfg.startup.showJavalinBanner = false;
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
          ErrorMapper.install(cfg);
          for (RouteGroup g : groups) {
            g.register(cfg.routes);
          }
          new WebAssets().register(cfg.routes);
          new ApiDocs().register(cfg.routes);
        });
    app.start(host, port);
    LOG.info("HTTP API listening on http://{}:{}", host, app.port());
    return new ApiServer(app);
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

  /** Calls that create work: uploads and job submissions. */
  private static boolean submission(Context ctx) {
    String p = ctx.path();
    return ctx.method() == HandlerType.POST && (p.equals("/api/datasets") || p.equals("/api/jobs"));
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
