package io.gridcast.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridcast.server.app.GridcastServer;
import io.gridcast.server.config.Role;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What a page of another site can make a browser send: with authentication off, a rebound DNS name
 * ({@code Host: evil.example}) and no-cors {@code text/plain} posts; always, state-changing calls
 * with a foreign {@code Origin} or {@code Sec-Fetch-Site}. Plus the headers every answer carries.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CrossSiteRequestTest {
  private static final String CSV = TestServers.monthlyCsv(1, 24, 1.0);
  private GridcastServer open;
  private GridcastServer guarded;

  @BeforeAll
  void start() {
    open =
        GridcastServer.create(
                TestServers.config(Role.API, TestDatabases.sqlite(), 1).auth(false).build())
            .start();
    guarded =
        GridcastServer.create(
                TestServers.config(Role.API, TestDatabases.sqlite(), 1)
                    .allowedOrigins(List.of("https://gridcast.example"))
                    .build())
            .start();
  }

  @AfterAll
  void stop() {
    open.close();
    guarded.close();
  }

  private static RawHttp.Answer raw(GridcastServer s, String request) throws Exception {
    try (RawHttp r = new RawHttp(s.url(), Duration.ofSeconds(10))) {
      return r.send(request).read();
    }
  }

  private static Http.Res post(
      Http http, String path, String type, String body, String... headers) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(http.uri(path)).POST(HttpRequest.BodyPublishers.ofString(body));
    if (type != null) {
      b.header("Content-Type", type);
    }
    if (headers.length > 0) {
      b.headers(headers);
    }
    return http.send(b);
  }

  @Test
  void withAuthOff_aHostThatIsNotLoopback_isRefused421_thePageIncluded() throws Exception {
    int port = open.port();
    for (String path : List.of("/api/datasets", "/", "/healthz")) {
      RawHttp.Answer a =
          raw(open, "GET " + path + " HTTP/1.1\r\nHost: evil.example:" + port + "\r\n\r\n");
      assertThat(a.status()).as(path).isEqualTo(421);
      assertThat(a.body()).contains("host_not_allowed");
    }
    for (String host : List.of("localhost:" + port, "127.0.0.1:" + port, "[::1]:" + port)) {
      RawHttp.Answer a =
          raw(
              open,
              "GET /api/datasets HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n");
      assertThat(a.status()).as(host).isEqualTo(200);
    }
  }

  @Test
  void withAuthOff_aNoCorsPostFromAnotherOrigin_createsNothing_andStopsNothing() {
    Http http = new Http(open.url());
    String evil = "http://evil.example";
    Http.Res upload =
        post(http, "/api/datasets?optimize=true&horizon=3", "text/plain", CSV, "Origin", evil);
    assertThat(upload.status()).as(upload.body()).isEqualTo(403);
    assertThat(upload.json().path("error").path("code").asText()).isEqualTo("cross_site_request");
    Http.Res stop = post(http, "/api/performance/monitoring/stop", null, "", "Origin", evil);
    assertThat(stop.status()).isEqualTo(403);
    Http.Res fetchSite =
        post(http, "/api/datasets", "text/csv", CSV, "Sec-Fetch-Site", "cross-site");
    assertThat(fetchSite.status()).isEqualTo(403);
    Http.Res sameSite = post(http, "/api/datasets", "text/csv", CSV, "Sec-Fetch-Site", "same-site");
    assertThat(sameSite.status()).isEqualTo(403);
    Http.Res sandboxed = post(http, "/api/datasets", "text/csv", CSV, "Origin", "null");
    assertThat(sandboxed.status()).isEqualTo(403);

    assertThat(http.get("/api/datasets").json().path("datasets")).isEmpty();
    assertThat(http.get("/api/jobs/status").json().path("jobs")).isEmpty();
    assertThat(
            http.get("/api/performance/status")
                .json()
                .path("monitoring")
                .path("running")
                .asBoolean())
        .isTrue();
  }

  @Test
  void thePagesOwnPost_passes() {
    Http http = new Http(open.url());
    URI u = URI.create(open.url());
    String origin = "http://" + u.getHost() + ":" + u.getPort();
    Http.Res up =
        post(
            http,
            "/api/datasets",
            "text/csv",
            CSV,
            "Origin",
            origin,
            "Sec-Fetch-Site",
            "same-origin");
    assertThat(up.status()).as(up.body()).isEqualTo(201);
  }

  @Test
  void withAuthOn_anAllowedOriginPasses_anotherIsRefused_beforeTheCredential() {
    Http user = TestServers.client(guarded);
    Http.Res allowed =
        post(user, "/api/datasets", "text/csv", CSV, "Origin", "https://gridcast.example");
    assertThat(allowed.status()).as(allowed.body()).isEqualTo(201);
    Http.Res foreign =
        post(user, "/api/datasets", "text/csv", CSV, "Origin", "https://other.example");
    assertThat(foreign.status()).isEqualTo(403);
    Http.Res anonymous =
        post(
            new Http(guarded.url()), "/api/jobs/x/cancel", null, "", "Origin", "https://x.example");
    assertThat(anonymous.status()).isEqualTo(403);
    assertThat(user.get("/api/datasets").json().path("datasets")).hasSize(1);
  }

  @Test
  void textPlain_isRefused415_whereCsvOrJsonIsExpected() {
    Http user = TestServers.client(guarded);
    Http.Res upload = post(user, "/api/datasets", "text/plain", CSV);
    assertThat(upload.status()).isEqualTo(415);
    assertThat(upload.json().path("error").path("details").path("allowed").toString())
        .contains("text/csv");
    Http.Res start =
        post(new Http(open.url()), "/api/performance/monitoring/start", "text/plain", "");
    assertThat(start.status()).isEqualTo(415);
    assertThat(user.get("/api/datasets").json().path("datasets")).isEmpty();
  }

  @Test
  void everyAnswerSaysNosniff_andEveryAnswerButThePagesFilesSaysNoStore() throws Exception {
    Http http = new Http(guarded.url());
    for (String path : List.of("/api/models", "/api/nope", "/healthz", "/api/datasets")) {
      var r =
          http.client()
              .send(
                  HttpRequest.newBuilder(http.uri(path)).GET().build(),
                  HttpResponse.BodyHandlers.discarding());
      assertThat(r.headers().firstValue("X-Content-Type-Options")).as(path).contains("nosniff");
      assertThat(r.headers().firstValue("Cache-Control")).as(path).contains("no-store");
    }
    var page =
        http.client()
            .send(
                HttpRequest.newBuilder(http.uri("/")).GET().build(),
                HttpResponse.BodyHandlers.discarding());
    assertThat(page.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
    assertThat(page.headers().firstValue("Cache-Control")).contains("no-cache");
    RawHttp.Answer jetty =
        raw(guarded, "GET /api/models HTTP/1.1\r\nHost: x\r\nBad Header\r\n\r\n");
    assertThat(jetty.status()).isEqualTo(400);
    assertThat(jetty.headers()).containsEntry("x-content-type-options", "nosniff");
  }
}
