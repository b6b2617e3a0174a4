package io.gridcast.server.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.gridcast.server.app.GridcastServer;
import io.gridcast.server.config.DatabaseUrl;
import io.gridcast.server.config.Role;
import io.gridcast.server.it.Http;
import io.gridcast.server.it.TestServers;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Named datasets and their versions through the API, run once per database: an upload under a used
 * name is the name's next version, actuals append later stamps as a new version, a stamp the
 * dataset holds is refused unless replaced, and results stay with the version they came from. Every
 * test uses a user of its own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class DatasetVersionContract {
  private GridcastServer server;

  abstract DatabaseUrl database();

  @BeforeAll
  void start() {
    server = TestServers.start(Role.SERVE, database(), 1);
  }

  @AfterAll
  void stop() {
    server.close();
  }

  private JsonNode upload(Http http, String query, String csv) {
    Http.Res r = http.post("/api/datasets" + query, "text/csv", csv);
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r.json();
  }

  private static Http.Res actuals(Http http, String name, String query, String csv) {
    return http.post("/api/datasets/" + name + "/actuals" + query, "text/csv", csv);
  }

  private static JsonNode series(Http http, String datasetId, String sku) {
    Http.Res r = http.get("/api/datasets/" + datasetId + "/series/" + sku);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.json();
  }

  @Test
  void upload_underAUsedName_isItsNextVersion_andTheOlderStaysReadable() {
    Http http = TestServers.client(server);
    JsonNode v1 = upload(http, "?name=sales", TestServers.monthlyCsv(2, 36, 1.0));
    JsonNode v2 = upload(http, "?name=sales", TestServers.monthlyCsv(3, 36, 1.0));
    JsonNode other = upload(http, "?name=returns", TestServers.monthlyCsv(1, 36, 1.0));
    assertThat(v1.path("name").asText()).isEqualTo("sales");
    assertThat(v1.path("version").asInt()).isEqualTo(1);
    assertThat(v2.path("version").asInt()).isEqualTo(2);
    assertThat(other.path("version").asInt()).isEqualTo(1);

    JsonNode old = http.get("/api/datasets/" + v1.path("dataset_id").asText()).json();
    assertThat(old.path("dataset").path("version").asInt()).isEqualTo(1);
    assertThat(old.path("skus")).hasSize(2);
    // another owner's "sales" starts at version 1
    Http stranger = TestServers.client(server);
    assertThat(
            upload(stranger, "?name=sales", TestServers.monthlyCsv(1, 36, 1.0))
                .path("version")
                .asInt())
        .isEqualTo(1);
  }

  @Test
  void actuals_appendLaterStamps_asTheNextVersion() {
    Http http = TestServers.client(server);
    JsonNode v1 = upload(http, "?name=sales", TestServers.monthlyCsv(2, 36, 1.0));
    Http.Res r =
        actuals(
            http,
            "sales",
            "",
            "unique_id,ds,y\nSKU0,2023-01-01,150\nSKU1,2023-01-01,160\n"
                + "SKU0,2023-02-01,151\nSKU9,2023-02-01,7\n");
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    JsonNode v2 = r.json();
    assertThat(v2.path("name").asText()).isEqualTo("sales");
    assertThat(v2.path("version").asInt()).isEqualTo(2);
    assertThat(v2.path("series_count").asInt()).isEqualTo(3);
    assertThat(v2.path("row_count").asLong()).isEqualTo(v1.path("row_count").asLong() + 4);

    JsonNode sku0 = series(http, v2.path("id").asText(), "SKU0");
    assertThat(sku0.path("ds")).hasSize(38);
    assertThat(sku0.path("ds").get(37).asText()).isEqualTo("2023-02-01");
    assertThat(sku0.path("y").get(36).asDouble()).isEqualTo(150.0);
    assertThat(series(http, v2.path("id").asText(), "SKU9").path("y").get(0).asDouble())
        .isEqualTo(7.0);
    // the first version is untouched
    assertThat(series(http, v1.path("dataset_id").asText(), "SKU0").path("ds")).hasSize(36);
  }

  @Test
  void actuals_atAStampTheDatasetHolds_areRefusedNamingSkuAndStamp_unlessReplaced() {
    Http http = TestServers.client(server);
    JsonNode v1 = upload(http, "?name=sales", TestServers.monthlyCsv(2, 36, 1.0));
    String csv = "unique_id,ds,y\nSKU1,2022-12-01,999\n";
    Http.Res refused = actuals(http, "sales", "", csv);
    assertThat(refused.status()).as(refused.body()).isEqualTo(409);
    JsonNode details = refused.json().path("error").path("details");
    assertThat(details.path("sku").asText()).isEqualTo("SKU1");
    assertThat(details.path("ds").asText()).isEqualTo("2022-12-01");
    assertThat(http.get("/api/datasets").json().path("datasets")).hasSize(1);

    Http.Res replaced = actuals(http, "sales", "?replace=true", csv);
    assertThat(replaced.status()).as(replaced.body()).isEqualTo(201);
    JsonNode v2 = replaced.json();
    assertThat(v2.path("version").asInt()).isEqualTo(2);
    assertThat(v2.path("row_count").asLong()).isEqualTo(v1.path("row_count").asLong());
    JsonNode sku1 = series(http, v2.path("id").asText(), "SKU1");
    assertThat(sku1.path("y").get(35).asDouble()).isEqualTo(999.0);
    assertThat(series(http, v1.path("dataset_id").asText(), "SKU1").path("y").get(35).asDouble())
        .isNotEqualTo(999.0);
  }

  @Test
  void actuals_refuseAGapAndAnUnknownName() {
    Http http = TestServers.client(server);
    upload(http, "?name=sales", TestServers.monthlyCsv(1, 36, 1.0));
    Http.Res gap = actuals(http, "sales", "", "unique_id,ds,y\nSKU0,2023-03-01,5\n");
    assertThat(gap.status()).as(gap.body()).isEqualTo(422);
    assertThat(gap.json().path("error").path("message").asText()).contains("SKU0");
    assertThat(actuals(http, "nothing", "", "unique_id,ds,y\nSKU0,2023-01-01,5\n").status())
        .isEqualTo(404);
    assertThat(http.get("/api/datasets").json().path("datasets")).hasSize(1);
  }

  @Test
  void results_stayWithTheVersionTheyCameFrom() {
    Http http = TestServers.client(server);
    JsonNode v1 =
        upload(
            http,
            "?name=sales&optimize=true&horizon=3&models=naive",
            TestServers.monthlyCsv(1, 36, 1.0));
    for (JsonNode id : v1.path("job_ids")) {
      await()
          .atMost(Duration.ofSeconds(90))
          .until(
              () -> http.get("/api/jobs/" + id.asText()).json().path("status").asText(),
              s -> s.equals("completed") || s.equals("failed"));
    }
    Http.Res r = actuals(http, "sales", "", "unique_id,ds,y\nSKU0,2023-01-01,150\n");
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    String v1Id = v1.path("dataset_id").asText();
    JsonNode kept = http.get("/api/datasets/" + v1Id + "/forecasts").json().path("forecasts");
    assertThat(kept).hasSize(1);
    JsonNode none =
        http.get("/api/datasets/" + r.json().path("id").asText() + "/forecasts")
            .json()
            .path("forecasts");
    assertThat(none).isEmpty();
  }
}
