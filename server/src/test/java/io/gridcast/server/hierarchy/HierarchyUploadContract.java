package io.gridcast.server.hierarchy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.gridcast.server.app.GridcastServer;
import io.gridcast.server.config.DatabaseUrl;
import io.gridcast.server.config.Role;
import io.gridcast.server.it.Http;
import io.gridcast.server.it.TestServers;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Hierarchy uploads through the API, run once per database: every aggregate node is stored as the
 * exact sum of its bottom series with its level, and keys that contradict the declared nesting or
 * change within a series are refused naming the lines, with nothing stored. Every test uses a user
 * of its own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class HierarchyUploadContract {
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

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  @Test
  void upload_withHierarchy_storesEveryNode_eachAggregateTheExactSumOfItsBottomSeries() {
    Http http = TestServers.client(server);
    String csv = HierarchyFixture.csv();
    Http.Res up = http.post("/api/datasets" + HierarchyFixture.QUERY, "text/csv", csv);
    assertThat(up.status()).as(up.body()).isEqualTo(201);
    String id = up.json().path("dataset_id").asText();
    assertThat(up.json().path("series_count").asInt()).isEqualTo(HierarchyFixture.NODES);

    JsonNode h = http.get("/api/datasets/" + id + "/hierarchy").json();
    assertThat(h.path("hierarchy").asText()).isEqualTo(HierarchyFixture.DECLARATION);
    assertThat(h.path("node_count").asInt()).isEqualTo(HierarchyFixture.NODES);
    assertThat(h.path("bottom_count").asInt()).isEqualTo(HierarchyFixture.BOTTOM);
    List<String> levels = new ArrayList<>();
    h.path("levels").forEach(l -> levels.add(l.path("name").asText()));
    assertThat(levels)
        .containsExactly(
            "total",
            "state",
            "zone",
            "region",
            "purpose",
            "state*purpose",
            "zone*purpose",
            "region*purpose");

    Map<String, HierarchyFixture.Bottom> bottoms = HierarchyFixture.bottoms(csv);
    for (JsonNode node : h.path("nodes")) {
      double[] expected = new double[HierarchyFixture.MONTHS];
      int members = 0;
      for (HierarchyFixture.Bottom b : bottoms.values()) {
        boolean under = true;
        for (var k : node.path("keys").properties()) {
          under &= k.getValue().asText().equals(b.keys().get(k.getKey()));
        }
        if (under) {
          members++;
          for (int t = 0; t < expected.length; t++) {
            expected[t] += b.values().get(t);
          }
        }
      }
      assertThat(node.path("bottom_count").asInt()).as(node.toString()).isEqualTo(members);
      JsonNode series =
          http.get("/api/datasets/" + id + "/series?sku=" + enc(node.path("sku").asText())).json();
      assertThat(series.path("y")).as(node.path("name").asText()).hasSize(expected.length);
      for (int t = 0; t < expected.length; t++) {
        assertThat(series.path("y").get(t).asDouble())
            .as(node.path("name").asText() + " at " + t)
            .isCloseTo(expected[t], within(1e-9 * Math.abs(expected[t])));
      }
    }
    JsonNode total = h.path("nodes").get(0);
    assertThat(total.path("name").asText()).isEqualTo("total");
    assertThat(total.path("bottom_count").asInt()).isEqualTo(HierarchyFixture.BOTTOM);
  }

  @Test
  void keysThatContradictTheNesting_areRefusedNamingTheRows_andNothingIsStored() {
    Http http = TestServers.client(server);
    // BBAHol (lines 386..433) claims state A for zone BB, which BBABus places under state B
    String csv =
        HierarchyFixture.edited(
            HierarchyFixture.csv(), 386, 433, l -> l.replace("BBAHol,B,", "BBAHol,A,"));
    Http.Res r = http.post("/api/datasets" + HierarchyFixture.QUERY, "text/csv", csv);
    assertThat(r.status()).as(r.body()).isEqualTo(422);
    JsonNode error = r.json().path("error");
    assertThat(error.path("message").asText()).contains("zone=BB").contains("386").contains("434");
    JsonNode conflict = error.path("details").path("conflicts").get(0);
    assertThat(conflict.path("column").asText()).isEqualTo("zone");
    assertThat(conflict.path("value").asText()).isEqualTo("BB");
    assertThat(List.of(conflict.path("first_line").asLong(), conflict.path("second_line").asLong()))
        .containsExactlyInAnyOrder(386L, 434L);
    assertThat(error.path("details").path("field").asText()).isEqualTo("hierarchy");
    assertThat(http.get("/api/datasets").json().path("datasets")).isEmpty();
  }

  @Test
  void aSeriesWhoseKeysChangeBetweenRows_isRefusedNamingBothLines() {
    Http http = TestServers.client(server);
    String csv =
        HierarchyFixture.edited(
            HierarchyFixture.csv(),
            10,
            10,
            l -> l.replace("AAAHol,A,AA,AAA,Hol", "AAAHol,A,AA,AAA,Bus"));
    Http.Res r = http.post("/api/datasets" + HierarchyFixture.QUERY, "text/csv", csv);
    assertThat(r.status()).as(r.body()).isEqualTo(422);
    JsonNode d = r.json().path("error").path("details");
    assertThat(d.path("line").asLong()).isEqualTo(10);
    assertThat(d.path("first_line").asLong()).isEqualTo(2);
    assertThat(d.path("sku").asText()).isEqualTo("AAAHol");
    assertThat(http.get("/api/datasets").json().path("datasets")).isEmpty();
  }

  @Test
  void actualsAppendedToAHierarchy_areRefusedNamingIt_andTheDatasetStaysAsItWas() {
    Http http = TestServers.client(server);
    Http.Res up =
        http.post(
            "/api/datasets" + HierarchyFixture.QUERY + "&name=tourism",
            "text/csv",
            HierarchyFixture.csv());
    assertThat(up.status()).as(up.body()).isEqualTo(201);
    Http.Res r =
        http.post(
            "/api/datasets/tourism/actuals", "text/csv", "unique_id,ds,y\nAAAHol,2023-01-01,150\n");
    assertThat(r.status()).as(r.body()).isEqualTo(422);
    assertThat(r.json().path("error").path("message").asText()).contains("has a hierarchy");
    assertThat(http.get("/api/datasets").json().path("datasets")).hasSize(1);
  }

  @Test
  void aMissingKeyColumn_orABadDeclaration_isRefusedNamingIt() {
    Http http = TestServers.client(server);
    Http.Res missing =
        http.post(
            "/api/datasets?hierarchy=state/zone/region*channel",
            "text/csv",
            HierarchyFixture.csv());
    assertThat(missing.status()).as(missing.body()).isEqualTo(422);
    assertThat(missing.json().path("error").path("details").path("column").asText())
        .isEqualTo("channel");
    Http.Res bad =
        http.post("/api/datasets?hierarchy=state//zone", "text/csv", HierarchyFixture.csv());
    assertThat(bad.status()).as(bad.body()).isEqualTo(400);
    assertThat(bad.json().path("error").path("details").path("field").asText())
        .isEqualTo("hierarchy");
    assertThat(http.get("/api/datasets").json().path("datasets")).isEmpty();
  }
}
