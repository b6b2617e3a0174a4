package io.gridcast.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.gridcast.server.app.GridcastServer;
import io.gridcast.server.config.DatabaseUrl;
import io.gridcast.server.config.Role;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Clearing the queue, deleting and listing datasets, JSON uploads: on an API without workers. */
class QueueAndDatasetManagementTest {
  private GridcastServer server;
  private Http http;
  private DatabaseUrl database;

  @BeforeEach
  void start() {
    database = TestDatabases.sqlite();
    server = TestServers.start(Role.API, database, 1);
    http = TestServers.client(server);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void clearingByStatus_cancelsPendingJobs_thenDeletesTheFinishedOnes() {
    Http.Res up =
        http.post(
            "/api/datasets?optimize=true&horizon=3",
            "text/csv",
            TestServers.monthlyCsv(3, 24, 1.0));
    assertThat(up.status()).isEqualTo(201);
    JsonNode cancel = http.delete("/api/jobs?status=pending").json();
    assertThat(cancel.path("cancelled").asInt()).isEqualTo(3);
    JsonNode summary = http.get("/api/jobs/status").json().path("summary");
    assertThat(summary.path("pending").asLong()).isZero();
    assertThat(summary.path("cancelled").asLong()).isEqualTo(3);
    JsonNode deleted = http.delete("/api/jobs?status=cancelled").json();
    assertThat(deleted.path("deleted").asInt()).isEqualTo(3);
    assertThat(http.get("/api/jobs/status").json().path("jobs")).isEmpty();
  }

  @Test
  void cancellingOnePendingJob_leavesTheOthersPending() {
    Http.Res up =
        http.post(
            "/api/datasets?optimize=true&horizon=3",
            "text/csv",
            TestServers.monthlyCsv(2, 24, 1.0));
    String first = up.json().path("job_ids").get(0).asText();
    Http.Res res = http.post("/api/jobs/" + first + "/cancel", null, "");
    assertThat(res.status()).isEqualTo(202);
    assertThat(res.json().path("status").asText()).isEqualTo("cancelled");
    JsonNode summary = http.get("/api/jobs/status").json().path("summary");
    assertThat(summary.path("pending").asLong()).isEqualTo(1);
    assertThat(
            http.get("/api/jobs/status?status=cancelled")
                .json()
                .path("jobs")
                .get(0)
                .path("id")
                .asText())
        .isEqualTo(first);
  }

  @Test
  void statusPages_followTheCursor_withoutRepeatsOrGaps() {
    http.post(
        "/api/datasets?optimize=true&horizon=3", "text/csv", TestServers.monthlyCsv(7, 24, 1.0));
    List<String> seen = new ArrayList<>();
    String cursor = null;
    do {
      JsonNode page =
          http.get("/api/jobs/status?limit=3" + (cursor == null ? "" : "&cursor=" + cursor)).json();
      page.path("jobs").forEach(j -> seen.add(j.path("id").asText()));
      cursor = page.path("next_cursor").isNull() ? null : page.path("next_cursor").asText();
    } while (cursor != null);
    assertThat(seen).hasSize(7).doesNotHaveDuplicates();
    assertThat(http.get("/api/jobs/status?sku=SKU4").json().path("jobs")).hasSize(1);
  }

  @Test
  void jsonUploads_ofSeriesAndOfRows_storeTheSameHistory() {
    Http.Res series =
        http.postJson(
            "/api/datasets?name=j1&fill=linear",
            "{\"series\":[{\"unique_id\":\"A\",\"ds\":[\"2024-01-01\",\"2024-02-01\",\"2024-03-01\"],\"y\":[1,null,3]}]}");
    Http.Res rows =
        http.postJson(
            "/api/datasets?frequency=monthly&fill=linear",
            "{\"name\":\"j2\",\"rows\":[{\"unique_id\":\"A\",\"ds\":\"2024-03-01\",\"y\":3},{\"unique_id\":\"A\",\"ds\":\"2024-01-01\",\"y\":1}]}");
    assertThat(series.status()).as(series.body()).isEqualTo(201);
    assertThat(rows.status()).as(rows.body()).isEqualTo(201);
    for (Http.Res r : List.of(series, rows)) {
      JsonNode h =
          http.get("/api/datasets/" + r.json().path("dataset_id").asText() + "/series/A").json();
      assertThat(h.path("ds").toString())
          .isEqualTo("[\"2024-01-01\",\"2024-02-01\",\"2024-03-01\"]");
      assertThat(h.path("y").toString()).isEqualTo("[1.0,2.0,3.0]");
      assertThat(h.path("filled").asInt()).isEqualTo(1);
    }
    JsonNode list = http.get("/api/datasets?limit=1").json();
    assertThat(list.path("datasets")).hasSize(1);
    assertThat(list.path("datasets").get(0).path("name").asText()).isEqualTo("j2");
    JsonNode next =
        http.get("/api/datasets?limit=1&cursor=" + list.path("next_cursor").asText()).json();
    assertThat(next.path("datasets").get(0).path("name").asText()).isEqualTo("j1");
  }

  @Test
  void deletingADataset_removesItsSeries_andLaterCallsAnswer404() {
    Http.Res up = http.post("/api/datasets", "text/csv", TestServers.monthlyCsv(2, 24, 1.0));
    String id = up.json().path("dataset_id").asText();
    assertThat(http.get("/api/datasets/" + id).json().path("skus")).hasSize(2);
    assertThat(http.delete("/api/datasets/" + id).status()).isEqualTo(204);
    assertThat(http.get("/api/datasets/" + id).status()).isEqualTo(404);
    assertThat(http.get("/api/datasets/" + id + "/series/SKU0").status()).isEqualTo(404);
  }

  @Test
  void jobsOfADeletedDataset_endCancelled_whenAWorkerReachesThem() {
    Http.Res up =
        http.post(
            "/api/datasets?optimize=true&horizon=3",
            "text/csv",
            TestServers.monthlyCsv(2, 24, 1.0));
    String id = up.json().path("dataset_id").asText();
    List<String> jobs = new ArrayList<>();
    up.json().path("job_ids").forEach(j -> jobs.add(j.asText()));
    assertThat(jobs).hasSize(2);
    assertThat(http.delete("/api/datasets/" + id).status()).isEqualTo(204);
    try (GridcastServer worker = TestServers.start(Role.WORKER, database, 1)) {
      Awaitility.await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(() -> {
            for (String job : jobs) {
              assertThat(http.get("/api/jobs/" + job).json().path("status").asText())
                  .isEqualTo("cancelled");
            }
          });
    }
  }
}
