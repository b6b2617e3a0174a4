package io.gridcast.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.gridcast.server.app.GridcastServer;
import io.gridcast.server.config.DatabaseUrl;
import io.gridcast.server.config.Limits;
import io.gridcast.server.config.Role;
import io.gridcast.server.it.DatabaseSnapshot;
import io.gridcast.server.it.Http;
import io.gridcast.server.it.TestServers;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile strings in every string field of every route: each is answered cleanly (no 5xx, a JSON
 * error when refused), stored verbatim when accepted, and leaves the database unchanged when
 * refused. The SQL strings would drop or empty tables if they were ever executed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class InjectionContract {
  abstract DatabaseUrl database();

  static final List<String> HOSTILE =
      List.of(
          "x'; DROP TABLE job; --",
          "' OR '1'='1",
          "\"); DELETE FROM dataset; --",
          "../../../../etc/passwd",
          "..%2F..%2Fetc%2Fpasswd",
          "a\r\nSet-Cookie: pwned=1",
          "a\nX-Injected: 1",
          "x".repeat(20_000),
          "ctl\u0000\u0001\u0007\u001b[31mred",
          "\u202Egnp.exe\u202C rtl \u200F mark",
          "<script>alert(1)</script>",
          "${jndi:ldap://x/a}");

  private GridcastServer server;
  private Http http;
  private String dataset;
  private String job;

  @BeforeAll
  void start() {
    Limits manySubmissions = Limits.builder().submissionBurst(100_000).build();
    server = TestServers.start(Role.API, database(), 1, manySubmissions);
    http = TestServers.client(server);
    JsonNode up = http.post("/api/datasets?optimize=true&horizon=3", "text/csv", csv("SKU")).json();
    dataset = up.path("dataset_id").asText();
    job = up.path("job_ids").get(0).asText();
  }

  @AfterAll
  void stop() {
    server.close();
  }

  private static String csv(String sku) {
    StringBuilder sb = new StringBuilder("unique_id,ds,y\n");
    for (int m = 0; m < 24; m++) {
      sb.append('"')
          .append(sku.replace("\"", "\"\""))
          .append("\",")
          .append(2020 + m / 12)
          .append('-')
          .append(String.format("%02d", m % 12 + 1))
          .append("-01,")
          .append(100 + m)
          .append('\n');
    }
    return sb.toString();
  }

  private static String q(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static String json(String s) {
    try {
      return Http.JSON.writeValueAsString(s);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** One request carrying {@code s} in one field. */
  record Probe(
      String field,
      String method,
      String path,
      String contentType,
      String body,
      Map<String, String> headers) {
    @Override
    public String toString() {
      return method + " " + field;
    }
  }

  private List<Probe> probes(String s) {
    List<Probe> p = new ArrayList<>();
    String e = q(s);
    for (String param : List.of("name", "id_column", "ds_column", "y_column", "frequency")) {
      p.add(
          new Probe(
              param, "POST", "/api/datasets?" + param + "=" + e, "text/csv", csv("A"), Map.of()));
    }
    for (String param : List.of("reason", "models", "metric")) {
      p.add(
          new Probe(
              param,
              "POST",
              "/api/datasets?optimize=true&" + param + "=" + e,
              "text/csv",
              csv("A"),
              Map.of()));
    }
    p.add(new Probe("unique_id", "POST", "/api/datasets", "text/csv", csv(s), Map.of()));
    for (String field :
        List.of("dataset_id", "type", "metric", "reason", "idempotency_key", "source_dataset_id")) {
      String other = field.equals("dataset_id") ? "" : ",\"dataset_id\":" + json(dataset);
      p.add(
          new Probe(
              field,
              "POST",
              "/api/jobs",
              "application/json",
              "{\"" + field + "\":" + json(s) + other + "}",
              Map.of()));
    }
    p.add(
        new Probe(
            "skus",
            "POST",
            "/api/jobs",
            "application/json",
            "{\"dataset_id\":" + json(dataset) + ",\"skus\":[" + json(s) + "]}",
            Map.of()));
    p.add(
        new Probe(
            "models",
            "POST",
            "/api/jobs",
            "application/json",
            "{\"dataset_id\":" + json(dataset) + ",\"models\":[" + json(s) + "]}",
            Map.of()));
    for (String path :
        List.of(
            "/api/datasets/" + e,
            "/api/datasets/" + dataset + "/series/" + e,
            "/api/datasets/" + e + "/forecasts",
            "/api/jobs/" + e,
            "/api/jobs/" + e + "/progress")) {
      p.add(new Probe("path", "GET", path, null, null, Map.of()));
    }
    p.add(new Probe("path", "POST", "/api/jobs/" + e + "/cancel", null, "", Map.of()));
    p.add(new Probe("path", "DELETE", "/api/datasets/" + e, null, null, Map.of()));
    for (String param : List.of("status", "type", "batch", "sku", "cursor")) {
      p.add(new Probe(param, "GET", "/api/jobs/status?" + param + "=" + e, null, null, Map.of()));
    }
    p.add(new Probe("status", "DELETE", "/api/jobs?status=" + e, null, null, Map.of()));
    p.add(new Probe("cursor", "GET", "/api/datasets?cursor=" + e, null, null, Map.of()));
    p.add(
        new Probe("last_event_id", "GET", "/api/events?last_event_id=" + e, null, null, Map.of()));
    if (headerSafe(s)) {
      p.add(
          new Probe(
              "Idempotency-Key",
              "POST",
              "/api/jobs",
              "application/json",
              "{\"dataset_id\":" + json(dataset) + "}",
              Map.of("Idempotency-Key", s)));
      p.add(
          new Probe(
              "Last-Event-ID",
              "GET",
              "/api/events",
              null,
              null,
              Map.of("Last-Event-ID", s, "Accept", "text/event-stream")));
    }
    return p;
  }

  private Http.Res sendOnce(HttpRequest.Builder b, Probe p) {
    return http.send(
        b.method(
            p.method(),
            p.body() == null
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(p.body())));
  }

  /** Java's client refuses to send CR, LF and other controls in headers: not our server's job. */
  private static boolean headerSafe(String s) {
    return s.chars().allMatch(c -> c >= 0x20 && c < 0x7f) && s.length() < 8000;
  }

  Stream<Arguments> cases() {
    return HOSTILE.stream()
        .map(s ->
            Arguments.of(s.length() > 60 ? s.substring(0, 20) + "...(" + s.length() + ")" : s, s));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void hostileStrings_inEveryField_areAnsweredCleanly_storedVerbatimOrRejectedWithoutChange(
      String label, String s) {
    for (Probe p : probes(s)) {
      Map<String, String> before = DatabaseSnapshot.take(server.config().database());
      HttpRequest.Builder b = HttpRequest.newBuilder(http.uri(p.path()));
      if (p.contentType() != null) {
        b.header("Content-Type", p.contentType());
      }
      p.headers().forEach(b::header);
      Http.Res res;
      try {
        res = sendOnce(b, p);
      } catch (UncheckedIOException e) {
        boolean staleConnection =
            p.path().length() <= 8192
                && String.valueOf(e.getMessage()).contains("received no bytes")
                && DatabaseSnapshot.take(server.config().database()).equals(before);
        if (!staleConnection) {
          // Jetty answers 414 to a URI beyond its header buffer and closes the connection; a
          // client still sending its body may see the close before the answer. Refused either way.
          assertThat(p.path().length()).as(p + ": " + e).isGreaterThan(8192);
          assertThat(DatabaseSnapshot.take(server.config().database())).isEqualTo(before);
          continue;
        }
        // The client picked a kept-alive connection the server had just closed after refusing the
        // previous probe's body: nothing reached the server (the database is unchanged), so the
        // probe is sent once more; a second failure fails the test.
        res = sendOnce(b, p);
      }
      assertThat(res.status()).as(p + " -> " + res.body()).isLessThan(500);
      if (res.status() >= 400) {
        assertThat(res.json().path("error").path("code").asText()).as(p.toString()).isNotBlank();
        assertThat(DatabaseSnapshot.take(server.config().database()))
            .as("database unchanged after refused " + p)
            .isEqualTo(before);
      }
    }
    // nothing was ever executed: every table is still there and the first dataset intact
    assertThat(http.get("/api/datasets/" + dataset).status()).isEqualTo(200);
    assertThat(http.get("/api/jobs/" + job).status()).isEqualTo(200);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void hostileStrings_acceptedAsNamesSkusOrReasons_comeBackVerbatim(String label, String s) {
    Http.Res up = http.post("/api/datasets?name=" + q(s), "text/csv", csv(s));
    if (up.status() == 201) {
      String id = up.json().path("dataset_id").asText();
      JsonNode one = http.get("/api/datasets/" + id).json();
      assertThat(one.path("dataset").path("name").asText()).isEqualTo(s);
      assertThat(one.path("skus").get(0).asText()).isEqualTo(s);
      Http.Res series = http.get("/api/datasets/" + id + "/series/" + q(s).replace("+", "%20"));
      assertThat(series.status()).as(series.body()).isEqualTo(200);
      assertThat(series.json().path("sku").asText()).isEqualTo(s);
    } else {
      assertThat(up.status()).as(up.body()).isBetween(400, 499);
    }
    Http.Res jobs =
        http.postJson(
            "/api/jobs", "{\"dataset_id\":" + json(dataset) + ",\"reason\":" + json(s) + "}");
    if (jobs.status() == 201) {
      String id = jobs.json().path("job_ids").get(0).asText();
      assertThat(http.get("/api/jobs/" + id).json().path("reason").asText()).isEqualTo(s);
    } else {
      assertThat(jobs.status()).as(jobs.body()).isEqualTo(422);
    }
  }
}
