package io.gridcast.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import io.gridcast.forecast.ForecastException;
import io.gridcast.forecast.metric.Metric;
import io.gridcast.forecast.registry.UnknownModelException;
import io.gridcast.queue.JobNotFoundException;
import io.gridcast.queue.StoreException;
import io.gridcast.server.config.LimitExceededException;
import io.gridcast.server.dataset.DatasetNotFoundException;
import io.gridcast.server.dataset.InvalidUploadException;
import io.gridcast.server.db.DatabaseException;
import io.gridcast.server.job.InvalidJobRequestException;
import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** How unexpected failures become answers, on a real Javalin server with the mapper installed. */
class ErrorMapperTest {
  private Javalin app;
  private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
  private final Logger log = (Logger) LoggerFactory.getLogger(ErrorMapper.class);

  @BeforeEach
  void start() {
    logged.start();
    log.addAppender(logged);
    app =
        Javalin.create(
                cfg -> {
                  cfg.startup.showJavalinBanner = false;
                  ErrorMapper.install(cfg, error -> {});
                  cfg.routes.get(
                      "/cut",
                      ctx -> {
                        throw new StoreException(
                            "jobCountByStatus",
                            new SQLException(
                                "An I/O error occurred while sending to the backend.", "08006"));
                      });
                  cfg.routes.get(
                      "/bug",
                      ctx -> {
                        throw new IllegalStateException("a bug");
                      });
                })
            .start("127.0.0.1", 0);
  }

  @AfterEach
  void stop() {
    app.stop();
    log.detachAppender(logged);
  }

  @Test
  void aDatabaseThatIsDown_answers503DatabaseUnavailable_withRetryAfter_andOneWarnLine()
      throws Exception {
    HttpResponse<String> r = get("/cut");
    assertThat(r.statusCode()).isEqualTo(503);
    assertThat(r.headers().firstValue("Retry-After")).contains("1");
    JsonNode error = Json.MAPPER.readTree(r.body()).get("error");
    assertThat(error.get("code").asText()).isEqualTo("database_unavailable");
    assertThat(error.get("details").get("retry_after_seconds").asLong()).isEqualTo(1);
    assertThat(logged.list).hasSize(1);
    ILoggingEvent line = logged.list.get(0);
    assertThat(line.getLevel()).isEqualTo(Level.WARN);
    assertThat(line.getFormattedMessage())
        .contains("GET /cut: database unavailable", "jobCountByStatus failed: An I/O error");
    assertThat(line.getThrowableProxy()).isNull(); // no stack trace
  }

  @Test
  void anythingElseUnexpected_answers500_andLogsItsStackTrace() throws Exception {
    HttpResponse<String> r = get("/bug");
    assertThat(r.statusCode()).isEqualTo(500);
    assertThat(Json.MAPPER.readTree(r.body()).get("error").get("code").asText())
        .isEqualTo("internal_error");
    assertThat(r.body()).doesNotContain("a bug");
    assertThat(logged.list).hasSize(1);
    assertThat(logged.list.get(0).getLevel()).isEqualTo(Level.ERROR);
    assertThat(logged.list.get(0).getThrowableProxy().getMessage()).isEqualTo("a bug");
  }

  record JobBody(Integer horizon) {}

  @Test
  void everyFamilyOfFailure_isMappedHere_toItsStatusAndCode() throws Exception {
    assertThat(ErrorMapper.map(new InvalidUploadException("bad number 'x'", Map.of("line", 3))))
        .extracting(ErrorMapper.Mapped::status, ErrorMapper.Mapped::code)
        .containsExactly(422, "invalid_upload");
    assertThat(ErrorMapper.map(new InvalidUploadException("malformed JSON", Map.of(), true)).code())
        .isEqualTo("malformed_body");
    assertThat(ErrorMapper.map(new DatasetNotFoundException("dataset", "d1")))
        .extracting(ErrorMapper.Mapped::status, ErrorMapper.Mapped::details)
        .containsExactly(404, Map.of("kind", "dataset", "id", "d1"));
    assertThat(ErrorMapper.map(new InvalidJobRequestException("horizon", "horizon too large")))
        .extracting(ErrorMapper.Mapped::status, ErrorMapper.Mapped::code)
        .containsExactly(422, "invalid_job_request");
    assertThat(ErrorMapper.map(LimitExceededException.tooMany("max_streams", 8, 15, "too many")))
        .extracting(ErrorMapper.Mapped::status, ErrorMapper.Mapped::code)
        .containsExactly(429, "rate_limited");
    assertThat(ErrorMapper.map(new JobNotFoundException(new UUID(0, 7))).status()).isEqualTo(404);
    assertThat(ErrorMapper.map(new UnknownModelException("nope", List.of("naive"))))
        .extracting(ErrorMapper.Mapped::status, ErrorMapper.Mapped::code)
        .containsExactly(422, "unknown_model");
    assertThat(ErrorMapper.map(new Metric.UnknownMetricException("nope")).code())
        .isEqualTo("unknown_metric");
    assertThat(ErrorMapper.map(new ForecastException("series too short")))
        .extracting(ErrorMapper.Mapped::status, ErrorMapper.Mapped::code)
        .containsExactly(422, "invalid_input");
    assertThat(ErrorMapper.map(new ApiException(503, "not_ready", "not reachable")).code())
        .isEqualTo("not_ready");
  }

  @Test
  void jsonProblems_nameTheFieldAndThePlace_neverAJavaType() {
    ErrorMapper.Mapped wrongType =
        ErrorMapper.map(
            catching(() -> Json.MAPPER.readValue("{\"horizon\":\"x\"}", JobBody.class)));
    assertThat(wrongType.code()).isEqualTo("invalid_field");
    assertThat(wrongType.message())
        .isEqualTo("field 'horizon' must be an integer, got the string 'x'");
    assertThat(wrongType.details()).containsEntry("field", "horizon");

    ErrorMapper.Mapped array =
        ErrorMapper.map(catching(() -> Json.MAPPER.readValue("[]", JobBody.class)));
    assertThat(array.message()).isEqualTo("the request body must be a JSON object, got an array");

    ErrorMapper.Mapped broken =
        ErrorMapper.map(catching(() -> Json.MAPPER.readValue("{\"horizon\":", JobBody.class)));
    assertThat(broken.code()).isEqualTo("malformed_json");
    assertThat(broken.message())
        .startsWith("request body is not valid JSON: unexpected end-of-input")
        .doesNotContain("Source")
        .doesNotContain("`");
    assertThat(broken.details()).containsKeys("line", "column");
  }

  @Test
  void aDatabaseFailureThatIsNotAnOutage_isAnInternalError_withoutItsMessage() {
    ErrorMapper.Mapped m =
        ErrorMapper.map(new DatabaseException("storing dataset d1 failed", new SQLException("x")));
    assertThat(m.status()).isEqualTo(500);
    assertThat(m.message()).doesNotContain("d1");
    assertThat(m.log()).isEqualTo(ErrorMapper.Log.ERROR_TRACE);
    assertThat(
            ErrorMapper.map(
                    new DatabaseException("reading failed", new SQLException("gone", "08006")))
                .code())
        .isEqualTo("database_unavailable");
  }

  private static Exception catching(Callable<?> c) {
    try {
      c.call();
    } catch (Exception e) {
      return e;
    }
    throw new AssertionError("no exception");
  }

  private HttpResponse<String> get(String path) throws Exception {
    try (HttpClient client = HttpClient.newHttpClient()) {
      return client.send(
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path)).build(),
          HttpResponse.BodyHandlers.ofString());
    }
  }
}
