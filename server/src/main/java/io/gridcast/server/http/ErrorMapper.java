package io.gridcast.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where exceptions become HTTP errors: {@code {"error":{"code","message",
 * "details"}}}. Anything unexpected is logged with its stack trace and answered 500 without one.
 */
final class ErrorMapper {
  private static final Logger LOG = LoggerFactory.getLogger(ErrorMapper.class);

  private ErrorMapper() {}

  static void install(JavalinConfig cfg) {
    cfg.routes.exception(ApiException.class, (e, ctx) -> write(ctx, e));
    cfg.routes.exception(
        HttpResponseException.class,
        (e, ctx) ->
            write(ctx, new ApiException(e.getStatus(), codeFor(e.getStatus()), e.getMessage())));
    cfg.routes.exception(
        JsonProcessingException.class,
        (e, ctx) ->
            write(
                ctx,
                new ApiException(
                    400,
                    "malformed_json",
                    "request body is not valid JSON: " + e.getOriginalMessage(),
                    location(e))));
    cfg.routes.exception(
        Exception.class,
        (e, ctx) -> {
          ApiException mapped = DomainErrors.map(e);
          if (mapped == null && io.gridcast.server.db.DatabaseException.poolExhausted(e)) {
            // Every pooled connection stayed busy for the pool's timeout: overload, not a bug.
            LOG.warn("{} {}: database pool exhausted; answered 503", ctx.method(), ctx.path());
            mapped =
                new ApiException(
                    503,
                    "overloaded",
                    "the server is busy (no database connection free); retry shortly",
                    Map.of("retry_after_seconds", 1L));
          }
          if (mapped == null && io.gridcast.server.db.DatabaseException.unavailable(e)) {
            // The database restarts or is cut off: the client retries (an event stream resumes
            // with Last-Event-ID); no stack trace for what an operator already knows.
            LOG.warn(
                "{} {}: database unavailable ({}); answered 503",
                ctx.method(),
                ctx.path(),
                e.toString()); // a string: SLF4J would print a Throwable's stack trace
            mapped =
                new ApiException(
                    503,
                    "database_unavailable",
                    "the database is unavailable; retry shortly",
                    Map.of("retry_after_seconds", 1L));
          }
          if (mapped == null) {
            LOG.error("unhandled error on {} {}", ctx.method(), ctx.path(), e);
            mapped = new ApiException(500, "internal_error", "internal error; see the server log");
          }
          write(ctx, mapped);
        });
    cfg.routes.error(
        404,
        ctx -> {
          if (!ctx.res().isCommitted() && ctx.result() == null) {
            write(
                ctx,
                new ApiException(
                    404, "not_found", "no route for " + ctx.method() + " " + ctx.path()));
          }
        });
    cfg.routes.error(
        405,
        ctx ->
            write(
                ctx,
                new ApiException(
                    405,
                    "method_not_allowed",
                    "method " + ctx.method() + " not allowed on " + ctx.path())));
  }

  private static Map<String, Object> location(JsonProcessingException e) {
    Map<String, Object> d = new LinkedHashMap<>();
    if (e.getLocation() != null) {
      d.put("line", e.getLocation().getLineNr());
      d.put("column", e.getLocation().getColumnNr());
    }
    return d;
  }

  static String codeFor(int status) {
    return switch (status) {
      case 400 -> "bad_request";
      case 414 -> "uri_too_long";
      case 431 -> "headers_too_large";
      case 404 -> "not_found";
      case 405 -> "method_not_allowed";
      case 413 -> "payload_too_large";
      case 415 -> "unsupported_media_type";
      default -> "http_" + status;
    };
  }

  /** The answer to every refused or failed request: {@code {"error":{...}}}. */
  record ErrorAnswer(Error error) {
    ErrorAnswer(String code, String message, Map<String, Object> details) {
      this(new Error(code, message, details));
    }
  }

  /**
   * What went wrong.
   *
   * @param code a stable machine code ({@code invalid_parameter}, {@code not_found} ...)
   * @param message a sentence for people, naming the field and the problem
   * @param details the field, the limit, the allowed values ...; empty when there are none
   */
  record Error(String code, String message, Map<String, Object> details) {}

  static void write(Context ctx, ApiException e) {
    ctx.status(e.status());
    if (e.details().get("retry_after_seconds") instanceof Long wait) {
      ctx.header("Retry-After", Long.toString(wait));
    }
    if (e.status() == 401) {
      ctx.header("WWW-Authenticate", "Bearer realm=\"gridcast\"");
    }
    ctx.contentType("application/json");
    ctx.result(Json.write(new ErrorAnswer(e.code(), e.getMessage(), e.details())));
  }
}
