package io.gridcast.server.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gridcast.server.app.GridcastServer;
import io.gridcast.server.auth.UserRole;
import io.gridcast.server.config.DatabaseUrl;
import io.gridcast.server.config.Role;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The result cache through HTTP on a real server: the same question from another user and another
 * dataset is answered from the cache with that user's own SKU names and dates, a changed question
 * misses, invalidation follows the access rules, and a new server on the same database hits the
 * disk tier. Run once per database. The cache's figures are the process's, so each test has a
 * server and a database of its own and asks the questions it needs.
 */
public abstract class CacheEndToEndContract {
  private DatabaseUrl db;
  private GridcastServer server;
  private Http alice;
  private Http bob;
  private Http admin;

  abstract DatabaseUrl database();

  @BeforeEach
  void start() {
    db = database();
    server = TestServers.start(Role.SERVE, db, 2);
    alice = TestServers.client(server);
    bob = TestServers.client(server);
    admin = new Http(server.url(), TestServers.addUser(server, "cache-admin", UserRole.ADMIN));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private static final String ALICE_CSV = TestServers.monthlyCsv(3, 36, 1.0);

  /** The same values under other SKU names, ten years later. */
  private static final String BOB_CSV = ALICE_CSV.replace("SKU", "ITEM-").replace(",202", ",203");

  private JsonNode upload(Http who, String csv, String query) {
    Http.Res r = who.post("/api/datasets" + query, "text/csv", csv);
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r.json();
  }

  private JsonNode submit(Http who, String dataset, int horizon) {
    Http.Res r =
        who.postJson(
            "/api/jobs", "{\"dataset_id\":\"" + dataset + "\",\"horizon\":" + horizon + "}");
    assertThat(r.status()).as(r.body()).isIn(200, 201, 202);
    return r.json();
  }

  /** Waits for every job and returns each one's per-SKU summaries. */
  private List<JsonNode> completed(Http who, JsonNode submission) {
    List<JsonNode> skus = new ArrayList<>();
    for (JsonNode id : submission.path("job_ids")) {
      await()
          .atMost(Duration.ofSeconds(60))
          .untilAsserted(() ->
              assertThat(who.get("/api/jobs/" + id.asText()).json().path("status").asText())
                  .isEqualTo("completed"));
      who.get("/api/jobs/" + id.asText()).json().path("result").path("skus").forEach(skus::add);
    }
    return skus;
  }

  private JsonNode stats() {
    Http.Res r = alice.get("/api/cache/stats");
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.json();
  }

  private static List<Boolean> cachedFlags(List<JsonNode> skus) {
    return skus.stream().map(s -> s.path("cached").asBoolean()).toList();
  }

  private JsonNode forecasts(Http who, String dataset) {
    return who.get("/api/datasets/" + dataset + "/forecasts").json().path("forecasts");
  }

  /** Alice's first question (horizon 6): computed, and written through to both tiers. */
  private String aliceAsks() {
    JsonNode up = upload(alice, ALICE_CSV, "?optimize=true&horizon=6");
    assertThat(cachedFlags(completed(alice, up))).containsOnly(false).hasSize(3);
    return up.path("dataset_id").asText();
  }

  /** Bob's upload of the same values under his own names and dates, answered from the cache. */
  private String bobAsksTheSame() {
    JsonNode up = upload(bob, BOB_CSV, "?optimize=true&horizon=6");
    assertThat(cachedFlags(completed(bob, up))).containsOnly(true).hasSize(3);
    return up.path("dataset_id").asText();
  }

  @Test
  void firstQuestion_misses_andWritesThrough() {
    aliceAsks();
    JsonNode s = stats();
    assertThat(s.path("misses").asLong()).isEqualTo(3);
    assertThat(s.path("hits").asLong()).isZero();
    assertThat(s.path("disk").path("entries").asLong()).isEqualTo(3);
    assertThat(s.path("memory").path("entries").asLong()).isEqualTo(3);
    assertThat(s.path("disk").path("bytes").asLong()).isPositive();
  }

  @Test
  void sameValues_fromAnotherUserAndDataset_areAnsweredFromTheCache_withTheirOwnNamesAndDates() {
    String aliceDataset = aliceAsks();
    String bobDataset = bobAsksTheSame();
    assertThat(stats().path("hits").asLong()).isEqualTo(3);

    JsonNode mine = forecasts(alice, aliceDataset);
    JsonNode theirs = forecasts(bob, bobDataset);
    assertThat(theirs).hasSize(3);
    for (int i = 0; i < 3; i++) {
      JsonNode a = mine.get(i);
      JsonNode b = theirs.get(i);
      assertThat(b.path("sku").asText()).isEqualTo("ITEM-" + i);
      assertThat(b.path("forecast").path("ds").get(0).asText()).isEqualTo("2033-01-01");
      // Everything but the names and dates is the computation, bit for bit.
      ObjectNode a2 = a.deepCopy();
      ObjectNode b2 = b.deepCopy();
      a2.remove("sku");
      b2.remove("sku");
      ((ObjectNode) a2.path("forecast")).remove("ds");
      ((ObjectNode) b2.path("forecast")).remove("ds");
      assertThat(b2).isEqualTo(a2);
    }
    // Results stay owner-scoped: the cache shared the computation, not Alice's dataset.
    assertThat(bob.get("/api/datasets/" + aliceDataset + "/forecasts").status()).isEqualTo(404);
  }

  @Test
  void changedHorizon_misses() {
    String aliceDataset = aliceAsks();
    long misses = stats().path("misses").asLong();
    List<JsonNode> skus = completed(alice, submit(alice, aliceDataset, 7));
    assertThat(cachedFlags(skus)).containsOnly(false);
    assertThat(stats().path("misses").asLong()).isEqualTo(misses + 3);
  }

  @Test
  void invalidation_followsTheAccessRules() {
    String aliceDataset = aliceAsks();
    String bobDataset = bobAsksTheSame();
    completed(alice, submit(alice, aliceDataset, 7));
    Http.Res global = bob.delete("/api/cache?tag=model:theta");
    assertThat(global.status()).as(global.body()).isEqualTo(403);
    assertThat(bob.delete("/api/cache?tag=owner:someone-else").status()).isEqualTo(403);
    assertThat(bob.delete("/api/cache?tag=dataset:" + aliceDataset).status()).isEqualTo(404);
    assertThat(bob.delete("/api/cache?tag=colour:blue").status()).isEqualTo(400);
    assertThat(bob.delete("/api/cache").status()).isEqualTo(400);

    Http.Res own = bob.delete("/api/cache?tag=dataset:" + bobDataset);
    assertThat(own.status()).as(own.body()).isEqualTo(200);
    assertThat(own.json().path("invalidated").asLong()).isEqualTo(3);
    // Bob's hits had tagged the shared entries with his dataset: they are gone for Alice too.
    assertThat(cachedFlags(completed(alice, submit(alice, aliceDataset, 6)))).containsOnly(false);

    Http.Res byAdmin = admin.delete("/api/cache?tag=model:theta");
    assertThat(byAdmin.status()).as(byAdmin.body()).isEqualTo(200);
    assertThat(byAdmin.json().path("invalidated").asLong()).isEqualTo(6); // horizons 6 and 7
    assertThat(stats().path("disk").path("entries").asLong()).isZero();
  }

  @Test
  void newServerOnTheSameDatabase_answersFromTheDiskTier() {
    String aliceDataset = aliceAsks();
    server.close();
    server = TestServers.start(Role.SERVE, db, 2);
    Http again = new Http(server.url(), alice.token());
    assertThat(cachedFlags(completed(again, submit(again, aliceDataset, 6))))
        .containsOnly(true)
        .hasSize(3);
    JsonNode s = again.get("/api/cache/stats").json();
    assertThat(s.path("disk").path("hits").asLong()).isEqualTo(3);
    assertThat(s.path("misses").asLong()).isZero();
    assertThat(s.path("hit_rate").asDouble()).isEqualTo(1.0);
  }

  @Test
  void aCachedQuestion_isAnsweredWhenItsJobsAreCreated_withoutAWorker() {
    aliceAsks(); // the question is in the cache
    long hits = stats().path("hits").asLong();
    String copy = upload(alice, ALICE_CSV, "").path("dataset_id").asText();
    JsonNode again = submit(alice, copy, 6);
    assertThat(again.path("job_ids")).hasSize(3);
    for (JsonNode id : again.path("job_ids")) {
      // No await: the job was inserted completed, in the same transaction as its result row.
      JsonNode job = alice.get("/api/jobs/" + id.asText()).json();
      assertThat(job.path("status").asText()).isEqualTo("completed");
      assertThat(job.path("attempt").asInt()).as("never claimed").isZero();
      assertThat(job.path("result").path("skus").get(0).path("cached").asBoolean()).isTrue();
    }
    assertThat(stats().path("hits").asLong()).isEqualTo(hits + 3);
    // The copy's result rows exist although no worker ever ran one of its jobs.
    assertThat(forecasts(alice, copy)).hasSize(3);
  }
}
