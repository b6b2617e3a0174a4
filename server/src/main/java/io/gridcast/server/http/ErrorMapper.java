package io.gridcast.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.gridcast.forecast.ForecastException;
import io.gridcast.forecast.metric.Metric;
import io.gridcast.forecast.registry.InvalidModelParameterException;
import io.gridcast.forecast.registry.UnknownModelException;
import io.gridcast.queue.JobNotFoundException;
import io.gridcast.server.db.DatabaseException;
import io.gridcast.server.error.JsonProblem;
import io.gridcast.server.error.ServerException;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Consumer;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where failures become HTTP answers, {@code {"error":{"code","message","details"}}}:
 * the server's own exceptions ({@link ServerException} carries its status and code), the queue's,
 * the forecast core's, Jackson's and Javalin's, routes that do not exist, and what Jetty refuses
 * before a route runs. A database that is down or saturated is a 503 with {@code Retry-After} and
 * one WARN line; anything unexpected is logged with its stack trace and answered 500 without one.
 */
final class ErrorMapper {
  private static final Logger LOG = LoggerFactory.getLogger(ErrorMapper.class);
  private static final Map<String, Object> RETRY_SHORTLY = Map.of("retry_after_seconds", 1L);

  private ErrorMapper() {}

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

  /** How a failure is answered, and whether it is worth a log line. */
  record Mapped(int status, String code, String message, Map<String, Object> details, Log log) {
    Mapped(int status, String code, String message, Map<String, ?> details) {
      this(status, code, message, Map.copyOf(details), Log.NONE);
    }
  }

  /** What the log says about an answer: nothing (the caller's mistake), one line, or the trace. */
  enum Log {
    NONE,
    WARN_LINE,
    ERROR_TRACE
  }

  /**
   * Registers the mapping on {@code cfg}.
   *
   * @param fatal told of every {@link Error} a request ran into (out of memory ends the process);
   *     the request is answered 503
   */
  static void install(JavalinConfig cfg, Consumer<Throwable> fatal) {
    cfg.jetty.modifyServer(server -> server.setErrorHandler(new JettyErrors()));
    cfg.router.javaLangErrorHandler((res, error) -> {
      fatal.accept(error);
      res.setStatus(503);
      LOG.error("fatal error while serving a request", error);
    });
    // Javalin answers its own HttpResponseException in plain text unless that class has a handler.
    cfg.routes.exception(HttpResponseException.class, (e, ctx) -> answer(ctx, e));
    cfg.routes.exception(Exception.class, (e, ctx) -> answer(ctx, e));
    cfg.routes.error(
        404,
        ctx -> {
          if (!ctx.res().isCommitted() && ctx.result() == null) {
            write(
                ctx,
                new Mapped(
                    404, "not_found", "no route for " + ctx.method() + " " + ctx.path(), Map.of()));
          }
        });
    cfg.routes.error(
        405,
        ctx ->
            write(
                ctx,
                new Mapped(
                    405,
                    "method_not_allowed",
                    "method " + ctx.method() + " not allowed on " + ctx.path(),
                    Map.of())));
  }

  private static void answer(Context ctx, Exception e) {
    Mapped m = map(e);
    switch (m.log()) {
      case NONE -> {}
      // a string, not the Throwable: SLF4J would print its stack trace
      case WARN_LINE ->
          LOG.warn(
              "{} {}: {} ({}); answered {}",
              ctx.method(),
              ctx.path(),
              switch (m.code()) {
                case "overloaded" -> "database pool exhausted";
                case "database_unavailable" -> "database unavailable";
                default -> m.message();
              },
              switch (m.code()) {
                case "overloaded", "database_unavailable" -> e.toString();
                // a client's doing (a body cut off or too slow): what the connection reported
                default -> e.getCause() == null ? "no cause reported" : e.getCause().toString();
              },
              m.status());
      case ERROR_TRACE -> LOG.error("unhandled error on {} {}", ctx.method(), ctx.path(), e);
    }
    write(ctx, m);
  }

  /** The answer to {@code e}. */
  static Mapped map(Exception e) {
    if (DatabaseException.poolExhausted(e)) {
      // Every pooled connection stayed busy for the pool's timeout: overload, not a bug.
      return new Mapped(
          503,
          "overloaded",
          "the server is busy (no database connection free); retry shortly",
          RETRY_SHORTLY,
          Log.WARN_LINE);
    }
    if (DatabaseException.unavailable(e)) {
      // The database restarts or is cut off: the client retries (an event stream resumes with
      // Last-Event-ID); no stack trace for what an operator already knows.
      return new Mapped(
          503,
          "database_unavailable",
          "the database is unavailable; retry shortly",
          RETRY_SHORTLY,
          Log.WARN_LINE);
    }
    StreamConstraintsException tooLarge = causeOf(e, StreamConstraintsException.class);
    if (tooLarge != null) {
      // a number of a thousand digits, a string of megabytes: refused, and said so
      return new Mapped(
          422,
          "value_too_large",
          "the request body is refused: " + JsonProblem.constraint(tooLarge),
          JsonProblem.location(tooLarge));
    }
    return switch (e) {
      case ServerException s when s.status() == 500 -> internal();
      case BodyReadException b ->
          new Mapped(b.status(), b.code(), b.getMessage(), b.details(), Log.WARN_LINE);
      case ServerException s -> new Mapped(s.status(), s.code(), s.getMessage(), s.details());
      case HttpResponseException h ->
          new Mapped(h.getStatus(), codeFor(h.getStatus()), h.getMessage(), Map.of());
      case MismatchedInputException mi -> invalidField(mi);
      case JsonProcessingException j ->
          new Mapped(
              400,
              "malformed_json",
              "request body is not valid JSON: " + JsonProblem.syntax(j),
              JsonProblem.location(j));
      case JobNotFoundException n ->
          new Mapped(
              404,
              "not_found",
              "job not found: " + n.jobId(),
              Map.of("kind", "job", "id", String.valueOf(n.jobId())));
      case UnknownModelException u ->
          new Mapped(422, "unknown_model", u.getMessage(), Map.of("field", "models"));
      case InvalidModelParameterException p ->
          new Mapped(422, "invalid_model_parameter", p.getMessage(), Map.of("field", "models"));
      case Metric.UnknownMetricException m ->
          new Mapped(422, "unknown_metric", m.getMessage(), Map.of("field", "metric"));
      case ForecastException f -> new Mapped(422, "invalid_input", f.getMessage(), Map.of());
      default -> internal();
    };
  }

  private static <T extends Throwable> T causeOf(Throwable t, Class<T> type) {
    for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
      if (type.isInstance(c)) {
        return type.cast(c);
      }
    }
    return null;
  }

  /** A JSON body whose field has the wrong type: 400 naming the field and what it must be. */
  static Mapped invalidField(MismatchedInputException e) {
    String field = e.getPath().isEmpty() ? null : e.getPath().get(0).getFieldName();
    if (field == null) {
      return new Mapped(
          400,
          "invalid_field",
          "the request body "
              + JsonProblem.mismatch(e).replace("must be an object", "must be a JSON object"),
          Map.of("field", "body"));
    }
    return new Mapped(
        400,
        "invalid_field",
        "field '" + field + "' " + JsonProblem.mismatch(e),
        Map.of("field", field));
  }

  private static Mapped internal() {
    return new Mapped(
        500, "internal_error", "internal error; see the server log", Map.of(), Log.ERROR_TRACE);
  }

  /** The code of a status Javalin or Jetty answers by itself. */
  static String codeFor(int status) {
    return switch (status) {
      case 400 -> "bad_request";
      case 414 -> "uri_too_long";
      case 431 -> "headers_too_large";
      case 404 -> "not_found";
      case 405 -> "method_not_allowed";
      case 413 -> "payload_too_large";
      case 415 -> "unsupported_media_type";
      case 408 -> "request_timeout";
      default -> "http_" + status;
    };
  }

  private static void write(Context ctx, Mapped m) {
    ctx.status(m.status());
    if (m.details().get("retry_after_seconds") instanceof Long wait) {
      ctx.header("Retry-After", Long.toString(wait));
    }
    if (m.status() == 401) {
      ctx.header("WWW-Authenticate", "Bearer realm=\"gridcast\"");
    }
    ctx.contentType("application/json");
    ctx.result(Json.write(new ErrorAnswer(m.code(), m.message(), m.details())));
  }

  /**
   * Errors Jetty answers before a request reaches the routes (a URI too long, a control character
   * in the path, a malformed header), in the API's JSON shape instead of Jetty's HTML page. The
   * message is Jetty's reason, never the offending input.
   */
  private static final class JettyErrors extends ErrorHandler {
    @Override
    protected void generateResponse(
        Request request,
        Response response,
        int code,
        String message,
        Throwable cause,
        Callback callback) {
      ErrorAnswer answer =
          new ErrorAnswer(
              codeFor(code),
              "request refused by the HTTP layer: " + code + " " + HttpStatus.getMessage(code),
              Map.of());
      byte[] body = Json.write(answer).getBytes(StandardCharsets.UTF_8);
      response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
      response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
      response.getHeaders().put("X-Content-Type-Options", "nosniff");
      response.write(true, ByteBuffer.wrap(body), callback);
    }
  }
}
