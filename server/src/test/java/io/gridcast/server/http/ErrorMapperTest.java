package io.gridcast.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import io.gridcast.queue.StoreException;
import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.SQLException;
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
                  ErrorMapper.install(cfg);
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

  private HttpResponse<String> get(String path) throws Exception {
    try (HttpClient client = HttpClient.newHttpClient()) {
      return client.send(
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path)).build(),
          HttpResponse.BodyHandlers.ofString());
    }
  }
}
