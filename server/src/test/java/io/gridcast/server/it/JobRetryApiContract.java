package io.gridcast.server.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.gridcast.server.app.GridcastServer;
import io.gridcast.server.auth.UserRole;
import io.gridcast.server.config.DatabaseUrl;
import io.gridcast.server.config.Role;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Retrying jobs through the API on a real server with workers, once per database. The failure is a
 * real one: rescoring a dataset that has no optimized models yet fails on every attempt, and
 * succeeds once the dataset was optimized.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class JobRetryApiContract {
  private GridcastServer server;

  abstract DatabaseUrl database();

  @BeforeAll
  void start() {
    server = TestServers.start(Role.SERVE, database(), 2);
  }

  @AfterAll
  void stop() {
    server.close();
  }

  private static String dataset(Http who) {
    Http.Res r = who.post("/api/datasets", "text/csv", TestServers.monthlyCsv(1, 24, 1.0));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r.json().path("dataset_id").asText();
  }

  private static JsonNode submit(Http who, String body) {
    Http.Res r = who.postJson("/api/jobs", body);
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r.json();
  }

  private static JsonNode rescoring(Http who, String dataset) {
    return submit(who, "{\"dataset_id\":\"" + dataset + "\",\"type\":\"rescoring\",\"horizon\":3}");
  }

  private static JsonNode awaitStatus(Http who, String job, String status) {
    return await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () -> who.get("/api/jobs/" + job).json(),
            j -> j.path("status").asText().equals(status));
  }

  @Test
  void retryingAFailedJob_runsItAgainAsANewAttempt_andKeepsTheFailedRunReadable() {
    Http alice = TestServers.client(server);
    String dataset = dataset(alice);
    String job = rescoring(alice, dataset).path("job_ids").get(0).asText();
    JsonNode failed = awaitStatus(alice, job, "failed");
    String why = "no stored best model for SKU 'SKU0' in dataset " + dataset + "; optimize first";
    assertThat(failed.path("error").asText()).isEqualTo(why);
    int attempts = failed.path("attempt").asInt();

    JsonNode optimize = submit(alice, "{\"dataset_id\":\"" + dataset + "\",\"horizon\":3}");
    for (JsonNode id : optimize.path("job_ids")) {
      awaitStatus(alice, id.asText(), "completed");
    }
    Http.Res retried = alice.post("/api/jobs/" + job + "/retry", null, "");
    assertThat(retried.status()).as(retried.body()).isEqualTo(202);
    assertThat(retried.json().path("previous_status").asText()).isEqualTo("failed");

    JsonNode done = awaitStatus(alice, job, "completed");
    assertThat(done.path("error").isNull()).isTrue();
    assertThat(done.path("attempt").asInt()).isEqualTo(attempts + 1);
    JsonNode runs = done.path("runs");
    assertThat(runs).hasSize(1);
    assertThat(runs.get(0).path("status").asText()).isEqualTo("failed");
    assertThat(runs.get(0).path("error").asText()).isEqualTo(why);
    assertThat(runs.get(0).path("attempt").asInt()).isEqualTo(attempts);
    assertThat(runs.get(0).path("finished_at").asText())
        .isEqualTo(failed.path("finished_at").asText());

    Http.Res again = alice.post("/api/jobs/" + job + "/retry", null, "");
    assertThat(again.status()).isEqualTo(409);
    JsonNode error = again.json().path("error");
    assertThat(error.path("code").asText()).isEqualTo("job_not_retryable");
    assertThat(error.path("message").asText()).contains(job).contains("completed");
    assertThat(error.path("details").path("job_id").asText()).isEqualTo(job);
    assertThat(error.path("details").path("status").asText()).isEqualTo("completed");
  }

  @Test
  void retry_isScopedToTheOwner_theAdminRetriesAnyones_andAPendingJobIsRefused() {
    Http alice = TestServers.client(server);
    Http bob = TestServers.client(server);
    Http root =
        new Http(
            server.url(), TestServers.addUser(server, "root-" + System.nanoTime(), UserRole.ADMIN));
    String dataset = dataset(alice);
    String job = rescoring(alice, dataset).path("job_ids").get(0).asText();
    awaitStatus(alice, job, "failed");

    Http.Res other = bob.post("/api/jobs/" + job + "/retry", null, "");
    assertThat(other.status()).isEqualTo(404);
    assertThat(alice.get("/api/jobs/" + job).json().path("status").asText()).isEqualTo("failed");
    assertThat(bob.post("/api/jobs/retry", null, "").json().path("retried").asInt()).isZero();
    assertThat(alice.get("/api/jobs/" + job).json().path("status").asText()).isEqualTo("failed");

    assertThat(root.post("/api/jobs/" + job + "/retry", null, "").status()).isEqualTo(202);
    Http.Res pending = alice.post("/api/jobs/" + job + "/retry", null, "");
    assertThat(pending.status()).as(pending.body()).isEqualTo(409);
    assertThat(pending.json().path("error").path("details").path("status").asText())
        .isIn("pending", "running");
    awaitStatus(alice, job, "failed");
    assertThat(alice.get("/api/jobs/" + job).json().path("runs")).hasSize(1);
  }

  @Test
  void retryByFilter_retriesTheBatchsFailedJobs_only_andRefusesOtherStatuses() {
    Http alice = TestServers.client(server);
    String failing = dataset(alice);
    String batch = rescoring(alice, failing).path("batch_id").asText();
    String otherJob = rescoring(alice, dataset(alice)).path("job_ids").get(0).asText();
    String job =
        alice.get("/api/jobs/status?batch=" + batch).json().path("jobs").get(0).path("id").asText();
    awaitStatus(alice, job, "failed");
    awaitStatus(alice, otherJob, "failed");

    Http.Res refused = alice.post("/api/jobs/retry?status=completed&batch=" + batch, null, "");
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.json().path("error").path("details").path("field").asText())
        .isEqualTo("status");

    Http.Res r = alice.post("/api/jobs/retry?status=failed&batch=" + batch, null, "");
    assertThat(r.status()).as(r.body()).isEqualTo(202);
    assertThat(r.json().path("retried").asInt()).isEqualTo(1);
    assertThat(alice.get("/api/jobs/" + otherJob).json().path("status").asText())
        .isEqualTo("failed");
    assertThat(alice.get("/api/jobs/" + otherJob).json().path("runs")).isEmpty();
    awaitStatus(alice, job, "failed");
    assertThat(alice.get("/api/jobs/" + job).json().path("runs")).hasSize(1);
  }
}
