package io.gridcast.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.gridcast.server.app.GridcastServer;
import io.gridcast.server.auth.UserRole;
import io.gridcast.server.config.Role;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.LoggerFactory;

/**
 * Connections that misbehave without signing in or after: bodies cut off or trickled, headers sent
 * one line at a time, made-up methods. Each is answered 4xx within its deadline, logged as one WARN
 * line at most, and costs the metrics no new series and the error rate nothing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileConnectionsTest {
  private static final Duration DEADLINE = Duration.ofSeconds(2);
  private GridcastServer server;
  private String token;
  private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
  private final Logger log =
      (Logger) LoggerFactory.getLogger("io.gridcast.server.http.ErrorMapper");

  @BeforeAll
  void start() {
    server =
        GridcastServer.create(
                TestServers.config(Role.API, TestDatabases.sqlite(), 1)
                    .headerTimeout(DEADLINE)
                    .bodyTimeout(DEADLINE)
                    .build())
            .start();
    token = TestServers.addUser(server, "hostile", UserRole.USER);
  }

  @AfterAll
  void stop() {
    server.close();
  }

  @BeforeEach
  void listen() {
    logged.list.clear();
    logged.start();
    log.addAppender(logged);
  }

  @AfterEach
  void stopListening() {
    log.detachAppender(logged);
  }

  private RawHttp connect() throws IOException {
    return new RawHttp(server.url(), Duration.ofSeconds(15));
  }

  private String upload(String type, String framing) {
    return "POST /api/datasets HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
        + token
        + "\r\nContent-Type: "
        + type
        + "\r\n"
        + framing
        + "\r\n";
  }

  @Test
  void aBodyCutOff_answers400_withOneWarnLine_andNoServerError() throws Exception {
    String csv = "unique_id,ds,y\nA,2024-01-01,1\nA,2024-02-01,2\n";
    String json = "{\"rows\":[{\"unique_id\":\"A\",\"ds\":1,\"y\":1},";
    List<String> cut =
        List.of(
            upload("text/csv", "Content-Length: 10000\r\n") + csv,
            upload("application/json", "Content-Length: 10000\r\n") + json,
            upload("text/csv", "Transfer-Encoding: chunked\r\n")
                + Integer.toHexString(csv.length())
                + "\r\n"
                + csv
                + "\r\n");
    for (String request : cut) {
      try (RawHttp r = connect()) {
        RawHttp.Answer a = r.send(request).endSending().read();
        assertThat(a.status()).as(a.body()).isEqualTo(400);
        assertThat(a.body()).contains("incomplete_body");
      }
    }
    assertThat(logged.list).extracting(ILoggingEvent::getLevel).containsOnly(Level.WARN);
    assertThat(logged.list).hasSize(cut.size());
    assertThat(logged.list.get(0).getThrowableProxy()).isNull();
    assertThat(metrics()).doesNotContain("status=\"500\"");
  }

  @Test
  void aBodySentTooSlowly_answers408_afterTheBodyDeadline() throws Exception {
    try (RawHttp r = connect()) {
      r.send(upload("text/csv", "Content-Length: 100000\r\n") + "unique_id,ds,y\n");
      Thread trickle =
          Thread.ofVirtual()
              .start(() -> {
                try {
                  for (int i = 0; i < 100; i++) {
                    Thread.sleep(300);
                    r.send("A,2024-01-01,1\n");
                  }
                } catch (IOException | InterruptedException e) {
                  // the server answered and closed
                }
              });
      long t0 = System.nanoTime();
      RawHttp.Answer a = r.readHead();
      trickle.interrupt();
      assertThat(a.status()).isEqualTo(408);
      assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(DEADLINE.plusSeconds(3));
    }
    assertThat(logged.list).extracting(ILoggingEvent::getLevel).containsOnly(Level.WARN);
    assertThat(metrics()).doesNotContain("status=\"500\"");
  }

  @Test
  void headersSentOneLineAtATime_areCutOffAtTheHeaderDeadline() throws Exception {
    try (RawHttp r = connect()) {
      r.send("GET /healthz HTTP/1.1\r\nHost: localhost\r\n");
      Thread slowloris =
          Thread.ofVirtual()
              .start(() -> {
                try {
                  for (int i = 0; i < 60; i++) {
                    Thread.sleep(500);
                    r.send("X-Slow-" + i + ": y\r\n");
                  }
                } catch (IOException | InterruptedException e) {
                  // cut off
                }
              });
      long t0 = System.nanoTime();
      RawHttp.Answer a = r.readHead();
      Duration took = Duration.ofNanos(System.nanoTime() - t0);
      slowloris.interrupt();
      assertThat(a.status()).isEqualTo(408);
      assertThat(took).isLessThan(DEADLINE.plusSeconds(2));
    }
  }

  @Test
  void madeUpMethodsAndPaths_shareOneMetricsLabelEach() throws Exception {
    for (int i = 0; i < 30; i++) {
      try (RawHttp r = connect()) {
        r.send(
            "FOO"
                + i
                + " /api/made-up/"
                + i
                + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        assertThat(r.read().status()).isBetween(400, 499);
      }
    }
    String m = metrics();
    assertThat(m).doesNotContain("FOO").doesNotContain("made-up");
    Matcher other =
        Pattern.compile(
                "gridcast_http_server_requests_seconds_count\\{method=\"OTHER\",[^}]*route=\"NOT_FOUND\"")
            .matcher(m);
    assertThat(other.find()).as(m).isTrue();
  }

  private String metrics() {
    return new Http(server.url()).get("/metrics").body();
  }
}
