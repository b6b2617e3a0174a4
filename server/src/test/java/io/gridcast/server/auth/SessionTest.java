package io.gridcast.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.gridcast.server.app.GridcastServer;
import io.gridcast.server.config.Role;
import io.gridcast.server.it.Http;
import io.gridcast.server.it.TestDatabases;
import io.gridcast.server.it.TestServers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The web page's session: cookie sign-in, CSRF on state-changing calls, sign-out, revocation. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SessionTest {
  private GridcastServer server;
  private final HttpClient client = HttpClient.newHttpClient();

  @BeforeAll
  void start() {
    server = TestServers.start(Role.API, TestDatabases.sqlite(), 1);
  }

  @AfterAll
  void stop() {
    server.close();
  }

  private record Signed(String cookie, String csrf, String setCookie) {}

  private HttpResponse<String> send(HttpRequest.Builder b) throws Exception {
    return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpRequest.Builder req(String path) {
    return HttpRequest.newBuilder(URI.create(server.url() + path));
  }

  private Signed signIn(String token) throws Exception {
    HttpResponse<String> r =
        send(
            req("/auth/session")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"token\":\"" + token + "\"}")));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    String setCookie = r.headers().firstValue("Set-Cookie").orElseThrow();
    String cookie = setCookie.substring(0, setCookie.indexOf(';'));
    JsonNode body = Http.JSON.readTree(r.body());
    return new Signed(cookie, body.path("csrf_token").asText(), setCookie);
  }

  private String pendingJob(Http owner) {
    JsonNode up =
        owner
            .post(
                "/api/datasets?optimize=true&horizon=3",
                "text/csv",
                TestServers.monthlyCsv(1, 24, 1))
            .json();
    return up.path("job_ids").get(0).asText();
  }

  @Test
  void signIn_setsAnHttpOnlyStrictCookie_thatReads_butChangesStateOnlyWithTheCsrfToken()
      throws Exception {
    Http owner = TestServers.client(server);
    String job = pendingJob(owner);
    Signed s = signIn(owner.token());
    assertThat(s.setCookie())
        .containsIgnoringCase("HttpOnly")
        .containsIgnoringCase("SameSite=Strict");
    assertThat(s.csrf()).startsWith("gc_");

    HttpResponse<String> read = send(req("/api/jobs/" + job).header("Cookie", s.cookie()).GET());
    assertThat(read.statusCode()).isEqualTo(200);

    HttpRequest.Builder cancel =
        req("/api/jobs/" + job + "/cancel")
            .header("Cookie", s.cookie())
            .POST(HttpRequest.BodyPublishers.noBody());
    HttpResponse<String> forged = send(cancel);
    assertThat(forged.statusCode()).isEqualTo(403);
    assertThat(forged.body()).contains("csrf_failed");
    HttpResponse<String> wrong =
        send(
            req("/api/jobs/" + job + "/cancel")
                .header("Cookie", s.cookie())
                .header("X-CSRF-Token", signIn(owner.token()).csrf()) // another session's token
                .POST(HttpRequest.BodyPublishers.noBody()));
    assertThat(wrong.statusCode()).isEqualTo(403);
    assertThat(owner.get("/api/jobs/" + job).json().path("status").asText()).isEqualTo("pending");

    HttpResponse<String> ok =
        send(
            req("/api/jobs/" + job + "/cancel")
                .header("Cookie", s.cookie())
                .header("X-CSRF-Token", s.csrf())
                .POST(HttpRequest.BodyPublishers.noBody()));
    assertThat(ok.statusCode()).as(ok.body()).isEqualTo(202);
  }

  @Test
  void signOut_needsTheCsrfToken_andEndsTheSession_asDoesRevokingTheUser() throws Exception {
    String token = TestServers.addUser(server, "walter", UserRole.USER);
    Signed s = signIn(token);
    HttpResponse<String> noCsrf = send(req("/auth/session").header("Cookie", s.cookie()).DELETE());
    assertThat(noCsrf.statusCode()).isEqualTo(403);
    HttpResponse<String> out =
        send(
            req("/auth/session")
                .header("Cookie", s.cookie())
                .header("X-CSRF-Token", s.csrf())
                .DELETE());
    assertThat(out.statusCode()).isEqualTo(204);
    assertThat(send(req("/api/jobs/status").header("Cookie", s.cookie()).GET()).statusCode())
        .isEqualTo(401);

    Signed again = signIn(token);
    assertThat(send(req("/api/jobs/status").header("Cookie", again.cookie()).GET()).statusCode())
        .isEqualTo(200);
    new UserStore(server.database().jdbc(), InstantSource.system()).revoke("walter");
    assertThat(send(req("/api/jobs/status").header("Cookie", again.cookie()).GET()).statusCode())
        .isEqualTo(401);
  }

  @Test
  void signIn_withABadToken_answers401_andTheSessionTableHoldsNoUsableSecret() throws Exception {
    HttpResponse<String> bad =
        send(
            req("/auth/session")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"token\":\"gc_nope\"}")));
    assertThat(bad.statusCode()).isEqualTo(401);
    assertThat(bad.headers().firstValue("Set-Cookie")).isEmpty();

    Signed s = signIn(TestServers.client(server).token());
    String id = s.cookie().substring(s.cookie().indexOf('=') + 1);
    List<String> cells = new ArrayList<>();
    try (Connection c = server.database().dataSource().getConnection();
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT id_hash, csrf_hash FROM app_session")) {
      while (rs.next()) {
        cells.add(rs.getString(1));
        cells.add(rs.getString(2));
      }
    }
    assertThat(cells)
        .isNotEmpty()
        .noneMatch(v -> v.contains(id.substring(3)) || v.contains(s.csrf().substring(3)));
    for (String cell : cells) {
      assertThat(
              send(req("/api/jobs/status").header("Cookie", "gridcast_session=" + cell).GET())
                  .statusCode())
          .isEqualTo(401);
    }
  }
}
