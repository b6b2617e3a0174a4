package io.gridcast.server.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.gridcast.server.app.GridcastServer;
import io.gridcast.server.auth.UserRole;
import io.gridcast.server.auth.UserStore;
import io.gridcast.server.config.DatabaseUrl;
import io.gridcast.server.config.Limits;
import io.gridcast.server.config.Role;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.InstantSource;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * An event stream lasts only as long as its credential and its client: a revoked user's or a
 * signed-out session's stream ends within 5 s, a client that went away frees its slot for the next
 * stream at once, and a refusal's {@code Retry-After} is what the server keeps to. One stream per
 * user; run once per database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class StreamLifecycleContract {
  private static final Duration WITHIN = Duration.ofMillis(5_000);
  private GridcastServer server;
  private UserStore users;

  abstract DatabaseUrl database();

  @BeforeAll
  void start() {
    server =
        TestServers.start(Role.API, database(), 1, Limits.builder().maxStreamsPerUser(1).build());
    users = new UserStore(server.database().jdbc(), InstantSource.system());
  }

  @AfterAll
  void stop() {
    server.close();
  }

  private UserStore.NewUser user() {
    return users.add("streamer-" + UUID.randomUUID(), UserRole.USER);
  }

  @Test
  void aRevokedUsersStream_endsWithinFiveSeconds() {
    UserStore.NewUser u = user();
    Http http = new Http(server.url(), u.token());
    // the token is now trusted by this process for its usual 5 s
    assertThat(http.get("/api/jobs/status").status()).isEqualTo(200);
    try (SseReader stream = new SseReader(http, "/api/events", null)) {
      await().atMost(Duration.ofSeconds(5)).until(() -> !stream.events().isEmpty());
      users.revoke(u.user().name());
      long revoked = System.nanoTime();
      await().atMost(WITHIN.plusSeconds(2)).until(stream::ended);
      assertThat(Duration.ofNanos(System.nanoTime() - revoked)).isLessThanOrEqualTo(WITHIN);
    }
    assertThat(http.get("/api/events").status()).isEqualTo(401);
  }

  @Test
  void aSignedOutSessionsStream_endsWithinFiveSeconds() throws Exception {
    UserStore.NewUser u = user();
    Http http = new Http(server.url());
    HttpResponse<String> signIn =
        http.client()
            .send(
                HttpRequest.newBuilder(http.uri("/auth/session"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"token\":\"" + u.token() + "\"}"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(signIn.statusCode()).isEqualTo(201);
    String setCookie = signIn.headers().firstValue("Set-Cookie").orElseThrow();
    String cookie = setCookie.substring(0, setCookie.indexOf(';'));
    JsonNode session = Http.JSON.readTree(signIn.body());
    try (RawHttp stream = new RawHttp(server.url(), Duration.ofSeconds(10))) {
      stream.send("GET /api/events HTTP/1.1\r\nHost: localhost\r\nCookie: " + cookie + "\r\n\r\n");
      RawHttp.Answer head = stream.readHead();
      assertThat(head.status()).isEqualTo(200);
      HttpResponse<String> out =
          http.client()
              .send(
                  HttpRequest.newBuilder(http.uri("/auth/session"))
                      .header("Cookie", cookie)
                      .header("X-CSRF-Token", session.path("csrf_token").asText())
                      .DELETE()
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(out.statusCode()).isEqualTo(204);
      long signedOut = System.nanoTime();
      stream.readBody(head.status(), head.headers()); // the stream's last chunk
      assertThat(Duration.ofNanos(System.nanoTime() - signedOut)).isLessThanOrEqualTo(WITHIN);
    }
  }

  @Test
  void aClientThatWentAway_freesItsSlotForTheNextStreamAtOnce() throws Exception {
    UserStore.NewUser u = user();
    Http http = new Http(server.url(), u.token());
    try (RawHttp gone = new RawHttp(server.url(), Duration.ofSeconds(10))) {
      gone.send(
          "GET /api/events HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
              + u.token()
              + "\r\n\r\n");
      assertThat(gone.readHead().status()).isEqualTo(200);
    } // the page reloads: its old stream's connection closes
    long reopened = System.nanoTime();
    try (SseReader next = new SseReader(http, "/api/events", null)) {
      await().atMost(Duration.ofSeconds(5)).until(() -> next.status() != 0);
      assertThat(next.status()).isEqualTo(200);
      assertThat(Duration.ofNanos(System.nanoTime() - reopened)).isLessThan(Duration.ofSeconds(3));
    }
  }

  @Test
  void aRefusedStreamsRetryAfter_isTwoHeartbeats_andAStreamIsAdmittedWithinIt() throws Exception {
    UserStore.NewUser u = user();
    Http http = new Http(server.url(), u.token());
    HttpResponse<String> refused;
    try (SseReader live = new SseReader(http, "/api/events", null)) {
      await().atMost(Duration.ofSeconds(5)).until(() -> !live.events().isEmpty());
      refused =
          http.client()
              .send(
                  http.authorize(HttpRequest.newBuilder(http.uri("/api/events"))).GET().build(),
                  HttpResponse.BodyHandlers.ofString());
    }
    assertThat(refused.statusCode()).isEqualTo(429);
    long retryAfter = Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow());
    assertThat(retryAfter).isEqualTo(8);
    long closed = System.nanoTime();
    try (SseReader next = new SseReader(http, "/api/events", null)) {
      await().atMost(Duration.ofSeconds(retryAfter)).until(() -> next.status() != 0);
      assertThat(next.status()).isEqualTo(200);
      assertThat(Duration.ofNanos(System.nanoTime() - closed))
          .isLessThan(Duration.ofSeconds(retryAfter));
    }
  }
}
