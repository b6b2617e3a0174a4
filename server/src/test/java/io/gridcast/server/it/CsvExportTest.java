package io.gridcast.server.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.gridcast.server.app.GridcastServer;
import io.gridcast.server.config.Role;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * SKUs that a spreadsheet would run as formulas come out of the CSV export as text (a leading
 * apostrophe) and out of the JSON export exactly as uploaded.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CsvExportTest {
  private static final List<String> FORMULAS =
      List.of("=1+2", "+SUM(A1:A9)", "-2+3", "@cmd", "=HYPERLINK(\"http://evil.example\",\"x\")");

  private GridcastServer server;

  @BeforeAll
  void start() {
    server = TestServers.start(Role.SERVE, TestDatabases.sqlite(), 1);
  }

  @AfterAll
  void stop() {
    server.close();
  }

  @Test
  void formulaSkus_areTextInTheCsvExport_andExactInJson() throws Exception {
    Http http = TestServers.client(server);
    StringBuilder json = new StringBuilder("{\"series\":[");
    for (int i = 0; i < FORMULAS.size(); i++) {
      json.append(i == 0 ? "" : ",")
          .append("{\"unique_id\":")
          .append(Http.JSON.writeValueAsString(FORMULAS.get(i)))
          .append(",\"ds\":[1,2,3,4,5,6,7,8],\"y\":[1,2,3,4,5,6,7,8]}");
    }
    json.append("]}");
    Http.Res up =
        http.postJson("/api/datasets?optimize=true&models=naive&horizon=2", json.toString());
    assertThat(up.status()).as(up.body()).isEqualTo(201);
    for (JsonNode id : up.json().path("job_ids")) {
      await()
          .atMost(Duration.ofSeconds(90))
          .until(
              () -> http.get("/api/jobs/" + id.asText()).json().path("status").asText(),
              s -> s.equals("completed") || s.equals("failed"));
    }
    String dataset = up.json().path("dataset_id").asText();

    List<String> lines =
        http.get("/api/datasets/" + dataset + "/forecasts?format=csv").body().lines().toList();
    List<String> cells =
        List.of(
            "'=1+2",
            "'+SUM(A1:A9)",
            "'-2+3",
            "'@cmd",
            "\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\"");
    Set<String> seen = new TreeSet<>();
    for (String line : lines.subList(1, lines.size())) {
      String cell = cells.stream().filter(c -> line.startsWith(c + ",")).findFirst().orElse(line);
      seen.add(cell);
    }
    assertThat(seen).containsExactlyInAnyOrderElementsOf(cells);
    assertThat(lines).hasSize(1 + 2 * FORMULAS.size());

    List<String> exact = new ArrayList<>();
    http.get("/api/datasets/" + dataset + "/forecasts")
        .json()
        .path("forecasts")
        .forEach(f -> exact.add(f.path("sku").asText()));
    assertThat(exact).containsExactlyInAnyOrderElementsOf(FORMULAS);
  }
}
