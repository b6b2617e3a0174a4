package io.gridcast.server.hierarchy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.gridcast.server.app.GridcastServer;
import io.gridcast.server.config.DatabaseUrl;
import io.gridcast.server.config.Role;
import io.gridcast.server.it.Http;
import io.gridcast.server.it.TestServers;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A hierarchy from upload to coherent forecasts, run once per database: the upload's batch
 * optimizes every node and holds one reconciliation job that waits for it and runs once; the
 * reconciled forecast of every aggregate is the sum of its bottom series' to 1e-9; the exports
 * carry the level; a reconciliation job submitted later runs another method on the stored
 * forecasts.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ReconciliationContract {
  static final String OPTIMIZE = "&optimize=true&horizon=6&models=snaive,theta";
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

  private static JsonNode awaitCompleted(Http http, String jobId) {
    JsonNode[] last = new JsonNode[1];
    await()
        .atMost(Duration.ofSeconds(120))
        .untilAsserted(() -> {
          last[0] = http.get("/api/jobs/" + jobId).json();
          assertThat(last[0].path("status").asText()).as(last[0].toString()).isEqualTo("completed");
        });
    return last[0];
  }

  /** Largest relative gap between an aggregate's reconciled forecast and its bottom series' sum. */
  static double incoherence(JsonNode hierarchy, JsonNode reconciliation) {
    Map<String, JsonNode> bySku = new HashMap<>();
    reconciliation.path("nodes").forEach(n -> bySku.put(n.path("sku").asText(), n));
    List<JsonNode> bottom = new ArrayList<>();
    int bottomLevel = hierarchy.path("levels").size() - 1;
    String bottomName = hierarchy.path("levels").get(bottomLevel).path("name").asText();
    hierarchy
        .path("nodes")
        .forEach(n -> {
          if (n.path("level").asText().equals(bottomName)) {
            bottom.add(n);
          }
        });
    double worst = 0;
    for (JsonNode node : hierarchy.path("nodes")) {
      JsonNode y = bySku.get(node.path("sku").asText()).path("reconciled").path("y_hat");
      for (int s = 0; s < y.size(); s++) {
        double sum = 0;
        for (JsonNode b : bottom) {
          boolean under = true;
          for (var k : node.path("keys").properties()) {
            under &= k.getValue().asText().equals(b.path("keys").path(k.getKey()).asText());
          }
          if (under) {
            sum +=
                bySku
                    .get(b.path("sku").asText())
                    .path("reconciled")
                    .path("y_hat")
                    .get(s)
                    .asDouble();
          }
        }
        worst =
            Math.max(worst, Math.abs(y.get(s).asDouble() - sum) / Math.max(1e-300, Math.abs(sum)));
      }
    }
    return worst;
  }

  @Test
  void upload_withHierarchy_optimizesEveryNode_thenReconcilesOnce_intoCoherentForecasts() {
    Http http = TestServers.client(server);
    Http.Res up =
        http.post(
            "/api/datasets" + HierarchyFixture.QUERY + OPTIMIZE,
            "text/csv",
            HierarchyFixture.csv());
    assertThat(up.status()).as(up.body()).isEqualTo(201);
    String dataset = up.json().path("dataset_id").asText();
    String batch = up.json().path("batch_id").asText();
    assertThat(up.json().path("job_ids")).hasSize(HierarchyFixture.NODES + 1);

    JsonNode page = http.get("/api/jobs/status?batch=" + batch + "&limit=100").json();
    List<JsonNode> continuations = new ArrayList<>();
    page.path("jobs")
        .forEach(j -> {
          if (j.path("type").asText().equals("reconciliation")) {
            continuations.add(j);
          }
        });
    assertThat(continuations).hasSize(1);
    JsonNode cont = continuations.get(0);
    assertThat(cont.path("after_batch").asText()).isEqualTo(batch);
    assertThat(cont.path("on_child_failure").asText()).isEqualTo("run");

    JsonNode done = awaitCompleted(http, cont.path("id").asText());
    assertThat(done.path("attempt").asInt()).isEqualTo(1);
    assertThat(done.path("runs")).isEmpty();
    JsonNode all = http.get("/api/jobs/status?batch=" + batch + "&limit=100").json();
    all.path("jobs")
        .forEach(
            j -> assertThat(j.path("status").asText()).as(j.toString()).isEqualTo("completed"));
    // the continuation started after every node's optimization had finished
    for (JsonNode j : all.path("jobs")) {
      if (!j.path("type").asText().equals("reconciliation")) {
        assertThat(Instant.parse(j.path("finished_at").asText()))
            .isBeforeOrEqualTo(Instant.parse(done.path("started_at").asText()));
      }
    }

    JsonNode hierarchy = http.get("/api/datasets/" + dataset + "/hierarchy").json();
    JsonNode rec = http.get("/api/datasets/" + dataset + "/reconciliation").json();
    assertThat(rec.path("requested").asText()).isEqualTo("mint_shrink");
    if (rec.path("used").asText().equals("mint_shrink")) {
      assertThat(rec.path("fallback_reason").isNull()).isTrue();
    } else {
      assertThat(rec.path("used").asText()).isEqualTo("wls_structural");
      assertThat(rec.path("fallback_reason").asText()).contains("mint_shrink");
    }
    assertThat(rec.path("nodes")).hasSize(HierarchyFixture.NODES);
    assertThat(incoherence(hierarchy, rec)).isLessThan(1e-9);
    JsonNode total = rec.path("nodes").get(0);
    assertThat(total.path("level").asText()).isEqualTo("total");
    assertThat(total.path("reconciled").path("y_hat")).hasSize(6);
    assertThat(total.path("base").path("y_hat")).hasSize(6);
    assertThat(total.path("reconciled").path("lo_80").get(0).asDouble())
        .isLessThan(total.path("reconciled").path("y_hat").get(0).asDouble())
        .isLessThan(total.path("reconciled").path("hi_80").get(0).asDouble());

    String csv = http.get("/api/datasets/" + dataset + "/reconciliation?format=csv").body();
    String[] lines = csv.split("\n");
    assertThat(lines[0]).isEqualTo("unique_id,level,ds,base,y_hat,lo_80,hi_80,lo_95,hi_95");
    assertThat(lines).hasSize(1 + HierarchyFixture.NODES * 6);
    assertThat(lines[1]).startsWith("total,total,2023-01-01,");
    assertThat(csv).contains("\nAAAHol,region*purpose,2023-01-01,");

    String forecasts = http.get("/api/datasets/" + dataset + "/forecasts?format=csv").body();
    assertThat(forecasts.split("\n")[0]).startsWith("unique_id,level,ds,model,y_hat");
    assertThat(forecasts).contains("\ntotal,total,2023-01-01,");
  }

  @Test
  void aReconciliationJob_reconcilesTheStoredForecasts_byTheMethodAskedFor() {
    Http http = TestServers.client(server);
    Http.Res up =
        http.post(
            "/api/datasets" + HierarchyFixture.QUERY + OPTIMIZE + "&reconciliation=none",
            "text/csv",
            HierarchyFixture.csv());
    assertThat(up.status()).as(up.body()).isEqualTo(201);
    String dataset = up.json().path("dataset_id").asText();
    assertThat(up.json().path("job_ids")).hasSize(HierarchyFixture.NODES);
    for (JsonNode id : up.json().path("job_ids")) {
      awaitCompleted(http, id.asText());
    }
    assertThat(http.get("/api/datasets/" + dataset + "/reconciliation").status()).isEqualTo(404);

    Http.Res sub =
        http.postJson(
            "/api/jobs",
            "{\"dataset_id\":\""
                + dataset
                + "\",\"type\":\"reconciliation\",\"reconciliation\":\"bottom_up\"}");
    assertThat(sub.status()).as(sub.body()).isEqualTo(201);
    JsonNode job = awaitCompleted(http, sub.json().path("job_ids").get(0).asText());
    assertThat(job.path("result").path("used").asText()).isEqualTo("bottom_up");

    JsonNode hierarchy = http.get("/api/datasets/" + dataset + "/hierarchy").json();
    JsonNode rec = http.get("/api/datasets/" + dataset + "/reconciliation").json();
    assertThat(rec.path("used").asText()).isEqualTo("bottom_up");
    assertThat(incoherence(hierarchy, rec)).isLessThan(1e-9);
    // bottom-up keeps every bottom series' own forecast
    JsonNode last = rec.path("nodes").get(HierarchyFixture.NODES - 1);
    for (int s = 0; s < 6; s++) {
      assertThat(last.path("reconciled").path("y_hat").get(s).asDouble())
          .isCloseTo(last.path("base").path("y_hat").get(s).asDouble(), within(1e-9));
    }
  }

  @Test
  void validation_ofAHierarchy_scoresEveryLevel_beforeAndAfterReconciliation() {
    Http http = TestServers.client(server);
    Http.Res up =
        http.post("/api/datasets" + HierarchyFixture.QUERY, "text/csv", HierarchyFixture.csv());
    String dataset = up.json().path("dataset_id").asText();
    Http.Res sub =
        http.postJson(
            "/api/jobs",
            "{\"dataset_id\":\""
                + dataset
                + "\",\"type\":\"validation\",\"models\":[\"theta\"],\"horizon\":6}");
    assertThat(sub.status()).as(sub.body()).isEqualTo(201);
    JsonNode report =
        awaitCompleted(http, sub.json().path("job_ids").get(0).asText()).path("result");
    JsonNode h = report.path("hierarchy");
    assertThat(h.path("hierarchy").asText()).isEqualTo(HierarchyFixture.DECLARATION);
    assertThat(h.path("levels")).hasSize(8);
    assertThat(h.path("levels").get(0).path("level").asText()).isEqualTo("total");
    assertThat(h.path("levels").get(7).path("nodes").asInt()).isEqualTo(HierarchyFixture.BOTTOM);
    double sum = 0;
    for (JsonNode l : h.path("levels")) {
      assertThat(l.path("base_mase").asDouble()).as(l.toString()).isPositive();
      assertThat(l.path("reconciled_mase").asDouble()).as(l.toString()).isPositive();
      sum += l.path("base_mase").asDouble();
    }
    assertThat(h.path("mean_base_mase").asDouble()).isCloseTo(sum / 8, within(1e-9));
    assertThat(h.path("requested").asText()).isEqualTo("mint_shrink");
  }

  @Test
  void reconciliation_ofADatasetWithoutHierarchy_isRefusedNamingTheField() {
    Http http = TestServers.client(server);
    Http.Res up = http.post("/api/datasets", "text/csv", TestServers.monthlyCsv(2, 36, 1.0));
    String dataset = up.json().path("dataset_id").asText();
    Http.Res sub =
        http.postJson(
            "/api/jobs", "{\"dataset_id\":\"" + dataset + "\",\"type\":\"reconciliation\"}");
    assertThat(sub.status()).as(sub.body()).isEqualTo(422);
    assertThat(sub.json().path("error").path("details").path("field").asText()).isEqualTo("type");
    Http.Res bad =
        http.post(
            "/api/datasets" + HierarchyFixture.QUERY + OPTIMIZE + "&reconciliation=magic",
            "text/csv",
            HierarchyFixture.csv());
    assertThat(bad.status()).as(bad.body()).isEqualTo(422);
    assertThat(bad.json().path("error").path("details").path("field").asText())
        .isEqualTo("reconciliation");
  }
}
