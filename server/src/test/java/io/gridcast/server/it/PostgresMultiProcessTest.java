package io.gridcast.server.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.gridcast.server.auth.UserRole;
import io.gridcast.server.config.DatabaseUrl;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Two API and two worker processes (separate JVMs) on one PostgreSQL: a job created on one API is
 * visible, cancellable and streamed on the other, and the workers of other processes run the rest.
 * One API and one worker run on the fewest connections {@code --db-pool-size} allows.
 */
class PostgresMultiProcessTest {

  @Test
  void jobCreatedOnOneApi_isVisibleCancellableAndStreamedOnTheOther() throws Exception {
    DatabaseUrl db = TestDatabases.postgres();
    String token = TestServers.addUser(db, "multi", UserRole.USER);
    try (GridcastProcess apiA =
            new GridcastProcess("api", db.jdbcUrl(), db.user(), db.password(), "--port", "0");
        GridcastProcess apiB =
            new GridcastProcess(
                "api",
                db.jdbcUrl(),
                db.user(),
                db.password(),
                "--port",
                "0",
                "--db-pool-size",
                "4")) {
      Http a = new Http(apiA.awaitReady(), token);
      Http b = new Http(apiB.awaitReady(), token);

      try (SseReader streamOnB = new SseReader(b, "/api/events", 0L)) {
        Http.Res up =
            a.post(
                "/api/datasets?optimize=true&horizon=3",
                "text/csv",
                TestServers.monthlyCsv(4, 24, 1.0));
        assertThat(up.status()).as(up.body()).isEqualTo(201);
        List<String> jobs = EndToEndContract.ids(up.json().path("job_ids"));
        assertThat(jobs).hasSize(4);

        // visible on the other API, still pending: no worker runs yet
        JsonNode onB = b.get("/api/jobs/" + jobs.get(0)).json();
        assertThat(onB.path("status").asText()).isEqualTo("pending");
        assertThat(
                b.get("/api/jobs/status?batch=" + up.json().path("batch_id").asText())
                    .json()
                    .path("jobs"))
            .hasSize(4);

        // cancelled through B, seen as cancelled on A
        Http.Res cancel = b.post("/api/jobs/" + jobs.get(0) + "/cancel", null, "");
        assertThat(cancel.status()).isEqualTo(202);
        assertThat(a.get("/api/jobs/" + jobs.get(0)).json().path("status").asText())
            .isEqualTo("cancelled");

        try (GridcastProcess w1 =
                new GridcastProcess(
                    "worker", db.jdbcUrl(), db.user(), db.password(), "--workers", "1");
            GridcastProcess w2 =
                new GridcastProcess(
                    "worker",
                    db.jdbcUrl(),
                    db.user(),
                    db.password(),
                    "--workers",
                    "1",
                    "--db-pool-size",
                    "5")) {
          w1.awaitReady();
          w2.awaitReady();
          assertThat(String.join("\n", w2.output())).contains("db_pool_size=5");
          assertThat(String.join("\n", apiB.output())).contains("db_pool_size=4");
          await()
              .atMost(Duration.ofSeconds(60))
              .untilAsserted(() -> {
                for (String id : jobs.subList(1, 4)) {
                  assertThat(a.get("/api/jobs/" + id).json().path("status").asText())
                      .isEqualTo("completed");
                }
              });
        }
        // B streamed every change made by A (enqueue), by itself (cancel) and by the workers
        await()
            .atMost(Duration.ofSeconds(20))
            .untilAsserted(() -> {
              Set<String> kinds =
                  streamOnB.jobEvents().stream()
                      .filter(e -> jobs.contains(e.data().path("job_id").asText()))
                      .map(e ->
                          e.data().path("kind").asText() + ":" + e.data().path("job_id").asText())
                      .collect(Collectors.toSet());
              for (String id : jobs) {
                assertThat(kinds).contains("enqueued:" + id);
              }
              assertThat(kinds).contains("cancelled:" + jobs.get(0));
              for (String id : jobs.subList(1, 4)) {
                assertThat(kinds).contains("started:" + id, "completed:" + id);
              }
            });
        JsonNode forecasts =
            b.get("/api/datasets/" + up.json().path("dataset_id").asText() + "/forecasts").json();
        assertThat(forecasts.path("forecasts")).hasSize(3);
      }
    }
  }
}
