package io.gridcast.server.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.gridcast.queue.ManualClock;
import io.gridcast.server.app.GridcastServer;
import io.gridcast.server.auth.UserRole;
import io.gridcast.server.auth.UserStore;
import io.gridcast.server.config.DatabaseUrl;
import io.gridcast.server.config.Role;
import io.gridcast.server.it.Http;
import io.gridcast.server.it.TestServers;
import java.net.http.HttpRequest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Schedules through the API on real processes sharing one database, run once per database. Time is
 * a manual clock shared by every process: a test moves it past a fire time, then waits (never
 * sleeps) until every scheduler has ticked at the new time before counting batches.
 */
public abstract class ScheduleContract {
  private static final Instant T0 = Instant.parse("2026-12-07T10:59:30Z");
  private static final Duration TICK = Duration.ofMillis(20);

  private final ManualClock clock = new ManualClock(T0);
  private final List<GridcastServer> servers = new ArrayList<>();
  private DatabaseUrl db;

  abstract DatabaseUrl database();

  @AfterEach
  void stop() {
    for (GridcastServer s : servers) {
      s.close();
    }
  }

  private GridcastServer start(Role role) {
    if (db == null) {
      db = database();
    }
    GridcastServer s =
        GridcastServer.create(TestServers.config(role, db, 1).build())
            .clock(clock)
            .scheduleTick(TICK)
            .start();
    servers.add(s);
    return s;
  }

  private static Http user(GridcastServer api, String name) {
    return new Http(api.url(), TestServers.addUser(api, name, UserRole.USER));
  }

  private static String upload(Http http, String name) {
    Http.Res r =
        http.post("/api/datasets?name=" + name, "text/csv", TestServers.monthlyCsv(2, 36, 1.0));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r.json().path("dataset_id").asText();
  }

  private static JsonNode createHourly(Http http, String dataset) {
    Http.Res r =
        http.postJson(
            "/api/schedules",
            """
            {"name":"hourly","cron":"0 * * * *","time_zone":"UTC","dataset_name":"%s",
             "type":"validation","options":{"horizon":6,"folds":1}}
            """
                .formatted(dataset));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r.json();
  }

  private static Http.Res patch(Http http, String path, String json) {
    return http.send(
        HttpRequest.newBuilder(http.uri(path))
            .header("Content-Type", "application/json")
            .method("PATCH", HttpRequest.BodyPublishers.ofString(json)));
  }

  /** Moves the clock, then waits until every API process has ticked twice at the new time. */
  private void advanceTo(Instant t, GridcastServer... apis) {
    clock.set(t);
    long[] before = new long[apis.length];
    for (int i = 0; i < apis.length; i++) {
      before[i] = apis[i].scheduler().ticks();
    }
    for (int i = 0; i < apis.length; i++) {
      GridcastServer api = apis[i];
      long from = before[i];
      await().atMost(Duration.ofSeconds(30)).until(() -> api.scheduler().ticks() >= from + 2);
    }
  }

  /** The batches of jobs an owner has, counted in the queue's own table. */
  private long batches(GridcastServer server, String ownerName) throws SQLException {
    try (Connection c = server.database().dataSource().getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT COUNT(DISTINCT j.batch_id) FROM job j JOIN app_user u ON u.id = j.owner_id"
                    + " WHERE u.name = ?")) {
      ps.setString(1, ownerName);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  @Test
  void schedule_firesExactlyOncePerFireTime_withTwoApiAndTwoWorkerProcesses() throws Exception {
    GridcastServer api1 = start(Role.API);
    GridcastServer api2 = start(Role.API);
    GridcastServer worker1 = start(Role.WORKER);
    GridcastServer worker2 = start(Role.WORKER);
    assertThat(worker1.scheduler()).isNull();
    assertThat(worker2.scheduler()).isNull();
    Http http = user(api1, "once");
    upload(http, "sales");
    JsonNode s = createHourly(http, "sales");
    assertThat(s.path("next_fire_at").asText()).isEqualTo("2026-12-07T11:00:00Z");

    advanceTo(Instant.parse("2026-12-07T10:59:59.999Z"), api1, api2);
    assertThat(batches(api1, "once")).isZero();

    int created = raceFires(Instant.parse("2026-12-07T11:00:00.250Z"), api1, api2);
    advanceTo(Instant.parse("2026-12-07T11:00:00.250Z"), api1, api2);
    assertThat(created).isLessThanOrEqualTo(1);
    assertThat(batches(api1, "once")).isEqualTo(1);

    advanceTo(Instant.parse("2026-12-07T12:00:00.100Z"), api1, api2);
    assertThat(batches(api2, "once")).isEqualTo(2);

    JsonNode detail = http.get("/api/schedules/" + s.path("id").asText()).json();
    assertThat(detail.path("fires")).hasSize(2);
    assertThat(detail.path("fires").get(0).path("fire_at").asText())
        .isEqualTo("2026-12-07T12:00:00Z");
    assertThat(detail.path("fires").get(1).path("fire_at").asText())
        .isEqualTo("2026-12-07T11:00:00Z");
    assertThat(detail.path("schedule").path("next_fire_at").asText())
        .isEqualTo("2026-12-07T13:00:00Z");
    assertThat(detail.path("schedule").path("last_batch_id").asText())
        .isEqualTo(detail.path("fires").get(0).path("batch_id").asText())
        .isNotEmpty();
  }

  /**
   * Moves the clock past a fire time and fires from four threads on both API processes at once,
   * beside their tick threads; returns how many batches those calls created.
   */
  private int raceFires(Instant t, GridcastServer... apis) throws Exception {
    CountDownLatch go = new CountDownLatch(1);
    List<Callable<Integer>> calls = new ArrayList<>();
    for (GridcastServer api : apis) {
      for (int k = 0; k < 2; k++) {
        calls.add(() -> {
          go.await();
          return api.scheduler().runDueOnce();
        });
      }
    }
    ExecutorService pool = Executors.newFixedThreadPool(calls.size());
    try {
      List<Future<Integer>> results = new ArrayList<>();
      for (Callable<Integer> c : calls) {
        results.add(pool.submit(c));
      }
      clock.set(t);
      go.countDown();
      int created = 0;
      for (Future<Integer> f : results) {
        created += f.get();
      }
      return created;
    } finally {
      pool.shutdown();
    }
  }

  @Test
  void schedule_firesOnce_afterAStopSpanningSeveralFireTimes() throws Exception {
    GridcastServer api = start(Role.API);
    Http http = user(api, "catchup");
    upload(http, "sales");
    String id = createHourly(http, "sales").path("id").asText();
    api.close();
    servers.remove(api);

    clock.set(Instant.parse("2026-12-07T15:30:00Z")); // 11:00 .. 15:00 passed while stopped
    GridcastServer again = start(Role.API);
    advanceTo(Instant.parse("2026-12-07T15:30:00Z"), again);
    assertThat(batches(again, "catchup")).isEqualTo(1);
    Http http2 = new Http(again.url(), http.token());
    JsonNode detail = http2.get("/api/schedules/" + id).json();
    assertThat(detail.path("fires")).hasSize(1);
    assertThat(detail.path("schedule").path("last_fire_at").asText())
        .isEqualTo("2026-12-07T11:00:00Z");
    assertThat(detail.path("schedule").path("next_fire_at").asText())
        .isEqualTo("2026-12-07T16:00:00Z");

    advanceTo(Instant.parse("2026-12-07T16:00:01Z"), again);
    assertThat(batches(again, "catchup")).isEqualTo(2);
  }

  @Test
  void pausedSchedule_doesNotFire_andResumesFromTheNextFireTimeAfterNow() throws Exception {
    GridcastServer api = start(Role.API);
    Http http = user(api, "pauser");
    upload(http, "sales");
    String id = createHourly(http, "sales").path("id").asText();

    Http.Res paused = patch(http, "/api/schedules/" + id, "{\"paused\":true}");
    assertThat(paused.status()).as(paused.body()).isEqualTo(200);
    assertThat(paused.json().path("paused").asBoolean()).isTrue();
    assertThat(paused.json().path("next_fire_at").isNull()).isTrue();

    advanceTo(Instant.parse("2026-12-07T12:30:00Z"), api);
    assertThat(batches(api, "pauser")).isZero();

    Http.Res resumed = patch(http, "/api/schedules/" + id, "{\"paused\":false}");
    assertThat(resumed.json().path("paused").asBoolean()).isFalse();
    assertThat(resumed.json().path("next_fire_at").asText()).isEqualTo("2026-12-07T13:00:00Z");
    advanceTo(Instant.parse("2026-12-07T12:59:00Z"), api);
    assertThat(batches(api, "pauser")).isZero();

    advanceTo(Instant.parse("2026-12-07T13:00:00.500Z"), api);
    assertThat(batches(api, "pauser")).isEqualTo(1);
  }

  @Test
  void aRevokedUsersSchedule_doesNotFire() throws Exception {
    GridcastServer api = start(Role.API);
    Http http = user(api, "leaver");
    upload(http, "sales");
    createHourly(http, "sales");
    new UserStore(api.database().jdbc(), InstantSource.system()).revoke("leaver");

    advanceTo(Instant.parse("2026-12-07T13:00:00.500Z"), api);
    assertThat(batches(api, "leaver")).isZero();
  }

  @Test
  void fire_runsOnTheNewestDatasetOfTheName() throws Exception {
    GridcastServer api = start(Role.API);
    Http http = user(api, "newest");
    upload(http, "sales");
    String id = createHourly(http, "sales").path("id").asText();
    String newer = upload(http, "sales");
    upload(http, "other");

    advanceTo(Instant.parse("2026-12-07T11:00:01Z"), api);
    JsonNode fire = http.get("/api/schedules/" + id).json().path("fires").get(0);
    assertThat(fire.path("dataset_id").asText()).isEqualTo(newer);
    JsonNode jobs = http.get("/api/jobs/status?batch=" + fire.path("batch_id").asText()).json();
    assertThat(jobs.path("jobs")).isNotEmpty();
    String job = jobs.path("jobs").get(0).path("id").asText();
    assertThat(http.get("/api/jobs/" + job).json().path("payload").path("dataset_id").asText())
        .isEqualTo(newer);
  }

  @Test
  void create_refusesBadFields_with422NamingTheField() {
    GridcastServer api = start(Role.API);
    Http http = user(api, "refused");
    upload(http, "sales");
    String ok =
        "\"name\":\"n\",\"dataset_name\":\"sales\",\"cron\":\"0 * * * *\",\"time_zone\":\"UTC\"";
    assertRefused(http, "{" + ok.replace("0 * * * *", "0 * *") + "}", "cron");
    assertRefused(http, "{" + ok.replace("UTC", "Nowhere/Else") + "}", "time_zone");
    assertRefused(http, "{" + ok + ",\"type\":\"benchmark\"}", "type");
    assertRefused(http, "{" + ok.replace("sales", "missing") + "}", "dataset_name");
    assertRefused(http, "{" + ok + ",\"options\":{\"horizon\":0}}", "options.horizon");
    assertRefused(http, "{" + ok + ",\"options\":{\"dataset_id\":\"x\"}}", "options.dataset_id");
    assertRefused(http, "{" + ok + ",\"options\":{\"colour\":1}}", "options.colour");
    assertRefused(http, "{" + ok.replace("\"name\":\"n\",", "") + "}", "name");
    assertThat(http.get("/api/schedules").json().path("schedules")).isEmpty();
  }

  private static void assertRefused(Http http, String body, String field) {
    Http.Res r = http.postJson("/api/schedules", body);
    assertThat(r.status()).as(body + " -> " + r.body()).isEqualTo(422);
    assertThat(r.json().path("error").path("details").path("field").asText())
        .as(r.body())
        .isEqualTo(field);
  }

  @Test
  void schedules_areScopedToTheirOwner_andDeletable() {
    GridcastServer api = start(Role.API);
    Http alice = user(api, "alice");
    Http bob = user(api, "bob");
    upload(alice, "sales");
    String id = createHourly(alice, "sales").path("id").asText();

    assertThat(bob.get("/api/schedules").json().path("schedules")).isEmpty();
    assertThat(bob.get("/api/schedules/" + id).status()).isEqualTo(404);
    assertThat(patch(bob, "/api/schedules/" + id, "{\"paused\":true}").status()).isEqualTo(404);
    assertThat(bob.delete("/api/schedules/" + id).status()).isEqualTo(404);
    // bob has no dataset of that name: a schedule never reaches another owner's data
    assertThat(bob.postJson("/api/schedules", createBody("sales")).status()).isEqualTo(422);

    assertThat(alice.postJson("/api/schedules", createBody("sales")).status()).isEqualTo(201);
    assertThat(alice.postJson("/api/schedules", createBody("sales")).status()).isEqualTo(409);
    assertThat(alice.get("/api/schedules").json().path("schedules")).hasSize(2);
    assertThat(alice.delete("/api/schedules/" + id).status()).isEqualTo(204);
    assertThat(alice.get("/api/schedules/" + id).status()).isEqualTo(404);
    assertThat(alice.get("/api/schedules").json().path("schedules")).hasSize(1);
  }

  private static String createBody(String dataset) {
    return "{\"name\":\"daily\",\"cron\":\"0 6 * * *\",\"time_zone\":\"Europe/Berlin\","
        + "\"dataset_name\":\""
        + dataset
        + "\"}";
  }

  @Test
  void patch_changesTheCron_andRecomputesTheNextFireTime() {
    GridcastServer api = start(Role.API);
    Http http = user(api, "editor");
    upload(http, "sales");
    String id = createHourly(http, "sales").path("id").asText();
    Http.Res r =
        patch(
            http, "/api/schedules/" + id, "{\"cron\":\"15 9 * * *\",\"options\":{\"horizon\":3}}");
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    assertThat(r.json().path("next_fire_at").asText()).isEqualTo("2026-12-08T09:15:00Z");
    assertThat(r.json().path("options").path("horizon").asInt()).isEqualTo(3);
    Http.Res bad = patch(http, "/api/schedules/" + id, "{\"cron\":\"every day\"}");
    assertThat(bad.status()).isEqualTo(422);
    assertThat(bad.json().path("error").path("details").path("field").asText()).isEqualTo("cron");
  }
}
