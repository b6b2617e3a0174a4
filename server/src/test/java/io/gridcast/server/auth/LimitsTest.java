package io.gridcast.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridcast.server.app.GridcastServer;
import io.gridcast.server.config.Limits;
import io.gridcast.server.config.Role;
import io.gridcast.server.it.Http;
import io.gridcast.server.it.SseReader;
import io.gridcast.server.it.TestDatabases;
import io.gridcast.server.it.TestServers;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Each configured limit answers with its status, a clear message, and stores nothing. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LimitsTest {
  private static final Limits SMALL =
      Limits.builder()
          .maxSeriesPerUpload(3)
          .maxPointsPerSeries(30)
          .maxHorizon(5)
          .maxJobsPerSubmission(2)
          .maxStreamsPerUser(1)
          .submissionBurst(4)
          .submissionRefill(Duration.ofHours(1))
          .build();
  private GridcastServer server;

  @BeforeAll
  void start() {
    server = TestServers.start(Role.API, TestDatabases.sqlite(), 1, SMALL);
  }

  @AfterAll
  void stop() {
    server.close();
  }

  private static long datasets(Http who) {
    return who.get("/api/datasets").json().path("datasets").size();
  }

  @Test
  void tooManySeries_orTooManyPoints_answer413Or422_andStoreNothing() {
    Http u = TestServers.client(server);
    Http.Res series = u.post("/api/datasets", "text/csv", TestServers.monthlyCsv(4, 24, 1.0));
    assertThat(series.status()).as(series.body()).isEqualTo(413);
    assertThat(series.json().path("error").path("code").asText()).isEqualTo("limit_exceeded");
    assertThat(series.json().path("error").path("message").asText())
        .contains("4")
        .contains("at most 3")
        .contains("max_series_per_upload");
    Http.Res points = u.post("/api/datasets", "text/csv", TestServers.monthlyCsv(1, 40, 1.0));
    assertThat(points.status()).as(points.body()).isIn(413, 422);
    assertThat(points.body()).contains("30");
    assertThat(datasets(u)).isZero();
  }

  @Test
  void aHorizonAboveTheLimit_answers422_andTooManyJobs413_withNoJobCreated() {
    Http u = TestServers.client(server);
    Http.Res horizon =
        u.post(
            "/api/datasets?optimize=true&horizon=6", "text/csv", TestServers.monthlyCsv(1, 24, 1));
    assertThat(horizon.status()).as(horizon.body()).isEqualTo(422);
    assertThat(horizon.body()).contains("horizon must be in 1..5");
    Http.Res jobs =
        u.post(
            "/api/datasets?optimize=true&horizon=3", "text/csv", TestServers.monthlyCsv(3, 24, 1));
    assertThat(jobs.status()).as(jobs.body()).isEqualTo(413);
    assertThat(jobs.body()).contains("max_jobs_per_submission");
    assertThat(datasets(u)).isZero();
    assertThat(u.get("/api/jobs/status").json().path("jobs")).isEmpty();
  }

  @Test
  void aSecondEventStreamOfOneUser_answers429WithRetryAfter_anotherUserStillStreams()
      throws Exception {
    Http u = TestServers.client(server);
    try (SseReader first = new SseReader(u, "/api/events", null)) {
      Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> !first.events().isEmpty());
      HttpResponse<String> second =
          u.client()
              .send(
                  u.authorize(HttpRequest.newBuilder(u.uri("/api/events")))
                      .header("Accept", "text/event-stream")
                      .timeout(Duration.ofSeconds(10))
                      .GET()
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(second.statusCode()).isEqualTo(429);
      assertThat(second.headers().firstValue("Retry-After")).isPresent();
      assertThat(second.body()).contains("max_streams_per_user");
      Http other = TestServers.client(server);
      try (SseReader theirs = new SseReader(other, "/api/events", null)) {
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> !theirs.events().isEmpty());
      }
    }
  }

  @Test
  void submissionsBeyondTheBurst_answer429WithRetryAfter_perUser() throws Exception {
    Http u = TestServers.client(server);
    String csv = TestServers.monthlyCsv(1, 24, 1.0);
    long started = System.nanoTime();
    for (int i = 0; i < SMALL.submissionBurst(); i++) {
      assertThat(u.post("/api/datasets", "text/csv", csv).status()).isEqualTo(201);
    }
    HttpResponse<String> refused =
        u.client()
            .send(
                u.authorize(HttpRequest.newBuilder(u.uri("/api/datasets")))
                    .header("Content-Type", "text/csv")
                    .expectContinue(true)
                    .POST(HttpRequest.BodyPublishers.ofString(csv))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(refused.statusCode()).isEqualTo(429);
    // the next submission is an hour after the first one, less the time the burst took
    long tookSeconds = (System.nanoTime() - started) / 1_000_000_000L + 1;
    assertThat(Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow()))
        .isBetween(3600 - tookSeconds, 3600L);
    assertThat(refused.body()).contains("rate_limited");
    assertThat(datasets(u)).isEqualTo(SMALL.submissionBurst());
    assertThat(u.get("/api/datasets").status()).isEqualTo(200); // reads are not limited
    assertThat(TestServers.client(server).post("/api/datasets", "text/csv", csv).status())
        .isEqualTo(201);
  }
}
