package io.gridcast.server.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.gridcast.server.app.GridcastServer;
import io.gridcast.server.config.DatabaseUrl;
import io.gridcast.server.config.Role;
import io.gridcast.server.it.EndToEndContract;
import io.gridcast.server.it.Http;
import io.gridcast.server.it.SseReader;
import io.gridcast.server.it.TestServers;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Every route x {no token, bad token, revoked token, other user, owner, admin} on a real server
 * (API role: jobs stay pending), once per database. Alice owns the data; Bob is the other user;
 * Root is the admin; Eve's token was revoked; Vic is a viewer of Alice's data, Wes a viewer of
 * everyone's.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AccessMatrixContract {
  abstract DatabaseUrl database();

  private GridcastServer server;
  private Http alice;
  private Http bob;
  private Http root;
  private Http anonymous;
  private Http badToken;
  private Http revoked;
  private Http viewerOfAlice;
  private Http viewerOfAll;
  private String aliceDataset;
  private String aliceDatasetForOwnerDelete;
  private String aliceDatasetForAdminDelete;
  private List<String> aliceJobs;
  private String aliceBatch;
  private String bobDataset;
  private final List<String> aliceSecrets = new ArrayList<>();

  private record Route(String method, String path, String contentType, String body) {
    static Route get(String path) {
      return new Route("GET", path, null, null);
    }
  }

  @BeforeAll
  void start() {
    server = TestServers.start(Role.API, database(), 1);
    alice = new Http(server.url(), TestServers.addUser(server, "alice", UserRole.USER));
    bob = new Http(server.url(), TestServers.addUser(server, "bob", UserRole.USER));
    root = new Http(server.url(), TestServers.addUser(server, "root", UserRole.ADMIN));
    String eve = TestServers.addUser(server, "eve", UserRole.USER);
    new UserStore(server.database().jdbc(), InstantSource.system()).revoke("eve");
    UserStore users = new UserStore(server.database().jdbc(), InstantSource.system());
    viewerOfAlice = new Http(server.url(), users.addViewer("vic", "alice").token());
    viewerOfAll = new Http(server.url(), users.addViewer("wes", null).token());
    anonymous = new Http(server.url());
    badToken = new Http(server.url(), Tokens.generate());
    revoked = new Http(server.url(), eve);

    JsonNode up = upload(alice, "alice-secret-sku", "?optimize=true&horizon=3&reason=alice-reason");
    aliceDataset = up.path("dataset_id").asText();
    aliceJobs = EndToEndContract.ids(up.path("job_ids"));
    aliceBatch = up.path("batch_id").asText();
    aliceDatasetForOwnerDelete = upload(alice, "alice-secret-sku", "").path("dataset_id").asText();
    aliceDatasetForAdminDelete = upload(alice, "alice-secret-sku", "").path("dataset_id").asText();
    bobDataset = upload(bob, "bob-sku", "?optimize=true&horizon=3").path("dataset_id").asText();
    aliceSecrets.addAll(
        List.of(aliceDataset, aliceBatch, "alice-secret-sku", "alice-reason", userId("alice")));
    aliceSecrets.addAll(aliceJobs);
  }

  @AfterAll
  void stop() {
    server.close();
  }

  private String userId(String name) {
    return new UserStore(server.database().jdbc(), InstantSource.system())
        .list().stream().filter(u -> u.name().equals(name)).findFirst().orElseThrow().id();
  }

  private static JsonNode upload(Http as, String skuPrefix, String query) {
    StringBuilder csv = new StringBuilder("unique_id,ds,y\n");
    for (int s = 0; s < 3; s++) {
      for (int m = 0; m < 24; m++) {
        csv.append(skuPrefix)
            .append(s)
            .append(',')
            .append(2020 + m / 12)
            .append('-')
            .append(String.format("%02d", m % 12 + 1))
            .append("-01,")
            .append(100 + s + m)
            .append('\n');
      }
    }
    Http.Res res = as.post("/api/datasets" + query, "text/csv", csv.toString());
    assertThat(res.status()).as(res.body()).isEqualTo(201);
    return res.json();
  }

  private static Http.Res call(Http as, Route r) {
    HttpRequest.Builder b = HttpRequest.newBuilder(as.uri(r.path()));
    if (r.contentType() != null) {
      b.header("Content-Type", r.contentType());
    }
    HttpRequest.BodyPublisher body =
        r.body() == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(r.body());
    return as.send(b.method(r.method(), body));
  }

  /** Every /api route, with Alice's ids where a route takes one. */
  private List<Route> everyApiRoute() {
    String job = aliceJobs.get(0);
    return List.of(
        new Route("POST", "/api/datasets", "text/csv", "unique_id,ds,y\nX,2020-01-01,1\n"),
        Route.get("/api/datasets"),
        Route.get("/api/datasets/" + aliceDataset),
        Route.get("/api/datasets/" + aliceDataset + "/series/alice-secret-sku0"),
        Route.get("/api/datasets/" + aliceDataset + "/forecasts"),
        new Route("DELETE", "/api/datasets/" + aliceDataset, null, null),
        new Route(
            "POST",
            "/api/jobs",
            "application/json",
            "{\"dataset_id\":\"" + aliceDataset + "\",\"horizon\":3}"),
        Route.get("/api/jobs/status"),
        Route.get("/api/jobs/" + job),
        Route.get("/api/jobs/" + job + "/progress"),
        new Route("POST", "/api/jobs/" + job + "/cancel", null, ""),
        new Route("POST", "/api/jobs/" + job + "/retry", null, ""),
        new Route("POST", "/api/jobs/retry?batch=" + aliceBatch, null, ""),
        new Route("DELETE", "/api/jobs?status=pending", null, null),
        Route.get("/api/events"),
        Route.get("/api/models"));
  }

  @Test
  void everyApiRoute_answers401Json_withoutAValidToken_andChangesNothing() {
    long before = pendingOf(alice);
    for (Http who : List.of(anonymous, badToken, revoked)) {
      for (Route r : everyApiRoute()) {
        Http.Res res = call(who, r);
        assertThat(res.status()).as(r + " as " + who.token()).isEqualTo(401);
        assertThat(res.json().path("error").path("code").asText()).isEqualTo("unauthorized");
        assertNoSecret(res.body(), r.toString(), "");
      }
    }
    Http.Res basicOnly =
        anonymous.send(
            HttpRequest.newBuilder(anonymous.uri("/api/models"))
                .header("Authorization", "Basic " + alice.token())
                .GET());
    assertThat(basicOnly.status()).isEqualTo(401);
    // The API's description is public: it names routes and fields, no one's data.
    assertThat(anonymous.get("/api/openapi.json").status()).isEqualTo(200);
    assertThat(badToken.get("/api/openapi.json").status()).isEqualTo(200);
    assertThat(pendingOf(alice)).isEqualTo(before);
    assertThat(anonymous.get("/healthz").status()).isEqualTo(200);
    assertThat(anonymous.get("/readyz").status()).isEqualTo(200);
  }

  @Test
  void anotherUsersIds_answer404_andNothingOfAliceAppearsInBobsAnswers() {
    for (String path :
        List.of(
            "/api/datasets/" + aliceDataset,
            "/api/datasets/" + aliceDataset + "/series/alice-secret-sku0",
            "/api/datasets/" + aliceDataset + "/forecasts",
            "/api/jobs/" + aliceJobs.get(0),
            "/api/jobs/" + aliceJobs.get(0) + "/progress")) {
      Http.Res res = bob.get(path);
      assertThat(res.status()).as(path).isEqualTo(404);
      assertThat(alice.get(path).status()).as(path).isEqualTo(200);
      assertThat(root.get(path).status()).as(path).isEqualTo(200);
    }
    assertThat(bob.post("/api/jobs/" + aliceJobs.get(0) + "/cancel", null, "").status())
        .isEqualTo(404);
    assertThat(bob.delete("/api/datasets/" + aliceDataset).status()).isEqualTo(404);
    Http.Res create =
        bob.postJson("/api/jobs", "{\"dataset_id\":\"" + aliceDataset + "\",\"horizon\":3}");
    assertThat(create.status()).isEqualTo(404);
    assertThat(bob.delete("/api/jobs?status=pending").status()).isEqualTo(200);
    // Alice's data is untouched by every one of Bob's attempts
    assertThat(alice.get("/api/jobs/" + aliceJobs.get(0)).json().path("status").asText())
        .isEqualTo("pending");
    assertThat(alice.get("/api/datasets/" + aliceDataset).status()).isEqualTo(200);
    for (Route r : everyApiRoute()) {
      if (!r.path().equals("/api/events")) {
        assertNoSecret(call(bob, r).body(), "bob " + r, r.path() + r.body());
      }
    }
    assertThat(bob.get("/api/jobs/status").json().path("summary").path("pending").asLong())
        .isZero();
  }

  @Test
  void theOwnerAndTheAdmin_seeAndActOnAlicesData_theAdminSeesEveryone() {
    assertThat(alice.get("/api/datasets").body()).contains(aliceDataset).doesNotContain(bobDataset);
    assertThat(root.get("/api/datasets").body()).contains(aliceDataset).contains(bobDataset);
    String status = root.get("/api/jobs/status?limit=1000").body();
    assertThat(status).contains(aliceJobs.get(0));
    assertThat(alice.get("/api/jobs/status?limit=1000").body()).contains(aliceJobs.get(0));
    assertThat(alice.post("/api/jobs/" + aliceJobs.get(1) + "/cancel", null, "").status())
        .isEqualTo(202);
    assertThat(root.post("/api/jobs/" + aliceJobs.get(2) + "/cancel", null, "").status())
        .isEqualTo(202);
    assertThat(alice.delete("/api/datasets/" + aliceDatasetForOwnerDelete).status()).isEqualTo(204);
    assertThat(root.delete("/api/datasets/" + aliceDatasetForAdminDelete).status()).isEqualTo(204);
    assertThat(alice.get("/api/datasets/" + aliceDatasetForAdminDelete).status()).isEqualTo(404);
    Http.Res create =
        alice.postJson("/api/jobs", "{\"dataset_id\":\"" + aliceDataset + "\",\"horizon\":3}");
    assertThat(create.status()).as(create.body()).isEqualTo(201);
    assertThat(alice.get("/api/models").status()).isEqualTo(200);
    assertThat(root.get("/api/openapi.json").status()).isEqualTo(200);
  }

  /**
   * Every registered state-changing route (taken from the running server, so a new one is covered
   * at once), with Alice's ids in its path parameters.
   */
  private List<Route> everyStateChangingRoute() {
    List<Route> out = new ArrayList<>();
    for (String route : server.http().routes()) {
      String[] parts = route.split(" ", 2);
      if (!parts[1].startsWith("/api/") || parts[0].equals("GET") || parts[0].equals("HEAD")) {
        continue;
      }
      String path =
          parts[1]
              .replace("/api/datasets/{id}", "/api/datasets/" + aliceDataset)
              .replace("/api/datasets/{name}", "/api/datasets/alice-data")
              .replace("/api/jobs/{id}", "/api/jobs/" + aliceJobs.get(0))
              .replace("{id}", aliceJobs.get(0));
      if (parts[0].equals("DELETE") && path.equals("/api/jobs")) {
        path += "?status=pending";
      }
      out.add(new Route(parts[0], path, "application/json", "{}"));
    }
    return out;
  }

  @Test
  void aViewer_isRefused403OnEveryStateChangingRoute_andChangesNothing() {
    long pending = pendingOf(alice);
    List<Route> writes = everyStateChangingRoute();
    assertThat(writes)
        .extracting(Route::path)
        .contains(
            "/api/jobs/" + aliceJobs.get(0) + "/retry",
            "/api/jobs/retry",
            "/api/jobs/" + aliceJobs.get(0) + "/cancel",
            "/api/datasets/" + aliceDataset);
    for (Http viewer : List.of(viewerOfAlice, viewerOfAll)) {
      for (Route r : writes) {
        Http.Res res = call(viewer, r);
        assertThat(res.status()).as(r + " as a viewer: " + res.body()).isEqualTo(403);
        JsonNode error = res.json().path("error");
        assertThat(error.path("code").asText()).isEqualTo("read_only");
        assertThat(error.path("message").asText()).contains("viewer");
        assertThat(error.path("details").path("method").asText()).isEqualTo(r.method());
      }
    }
    assertThat(pendingOf(alice)).isEqualTo(pending);
    assertThat(alice.get("/api/jobs/" + aliceJobs.get(0)).json().path("status").asText())
        .isEqualTo("pending");
    assertThat(alice.get("/api/datasets/" + aliceDataset).status()).isEqualTo(200);
  }

  @Test
  void aViewerOfAlice_readsAlicesData_notBobs_andTheAllViewerReadsEveryones() {
    for (String path :
        List.of(
            "/api/datasets/" + aliceDataset,
            "/api/datasets/" + aliceDataset + "/series/alice-secret-sku0",
            "/api/datasets/" + aliceDataset + "/forecasts",
            "/api/jobs/" + aliceJobs.get(0),
            "/api/jobs/" + aliceJobs.get(0) + "/progress")) {
      assertThat(viewerOfAlice.get(path).status()).as(path).isEqualTo(200);
      assertThat(viewerOfAll.get(path).status()).as(path).isEqualTo(200);
    }
    assertThat(viewerOfAlice.get("/api/datasets/" + bobDataset).status()).isEqualTo(404);
    assertThat(viewerOfAll.get("/api/datasets/" + bobDataset).status()).isEqualTo(200);
    assertThat(viewerOfAlice.get("/api/datasets").body())
        .contains(aliceDataset)
        .doesNotContain(bobDataset);
    assertThat(viewerOfAlice.get("/api/jobs/status?limit=1000").body()).contains(aliceJobs.get(0));
    assertThat(
            viewerOfAlice.get("/api/jobs/status").json().path("summary").path("pending").asLong())
        .isEqualTo(pendingOf(alice));
    assertThat(viewerOfAll.get("/api/datasets").body()).contains(aliceDataset).contains(bobDataset);
  }

  @Test
  void theEventStream_carriesOnlyTheCallersEvents_theAdminGetsAll() {
    try (SseReader bobs = new SseReader(bob, "/api/events", 0L);
        SseReader alices = new SseReader(alice, "/api/events", 0L);
        SseReader roots = new SseReader(root, "/api/events", 0L)) {
      String bobsJob =
          EndToEndContract.ids(
                  bob.postJson("/api/jobs", "{\"dataset_id\":\"" + bobDataset + "\"}")
                      .json()
                      .path("job_ids"))
              .get(0);
      await()
          .atMost(Duration.ofSeconds(10))
          .untilAsserted(() -> {
            assertThat(jobIds(roots)).contains(aliceJobs.get(0), bobsJob);
            assertThat(jobIds(alices)).contains(aliceJobs.get(0));
            assertThat(jobIds(bobs)).contains(bobsJob);
          });
      assertThat(jobIds(alices)).doesNotContain(bobsJob);
      assertThat(jobIds(bobs)).doesNotContainAnyElementsOf(aliceJobs);
      for (SseReader.Event e : bobs.events()) {
        assertNoSecret(e.data().toString(), "bob's event", "");
      }
    }
  }

  private static List<String> jobIds(SseReader sse) {
    return sse.jobEvents().stream().map(e -> e.data().path("job_id").asText()).toList();
  }

  private long pendingOf(Http who) {
    return who.get("/api/jobs/status").json().path("summary").path("pending").asLong();
  }

  /** No id or name of Alice's in {@code body}, except those the request itself carried. */
  private void assertNoSecret(String body, String what, String request) {
    for (String secret : aliceSecrets) {
      if (!request.contains(secret)) {
        assertThat(body).as(what).doesNotContain(secret);
      }
    }
  }
}
