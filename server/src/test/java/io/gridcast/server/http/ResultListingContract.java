package io.gridcast.server.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.gridcast.server.app.GridcastServer;
import io.gridcast.server.config.DatabaseUrl;
import io.gridcast.server.config.Role;
import io.gridcast.server.it.Http;
import io.gridcast.server.it.TestServers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * {@code GET /api/datasets/{id}/results} (sorted, keyset-paged) and one SKU's forecast, on each
 * database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ResultListingContract {
  private static final int SKUS = 7;

  private GridcastServer server;
  private Http owner;
  private String dataset;

  abstract DatabaseUrl database();

  @BeforeAll
  void start() {
    server = TestServers.start(Role.SERVE, database(), 2);
    owner = TestServers.client(server);
    JsonNode up =
        owner
            .post(
                "/api/datasets?optimize=true&horizon=3",
                "text/csv",
                TestServers.monthlyCsv(SKUS, 36, 1.5))
            .json();
    dataset = up.path("dataset_id").asText();
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() ->
            owner.get("/api/jobs/status").json().path("summary").path("completed").asInt() == SKUS);
  }

  @AfterAll
  void stop() {
    server.close();
  }

  private record Row(String sku, String model, double score) {}

  private List<Row> all(String sort, String order, int limit) {
    List<Row> rows = new ArrayList<>();
    String cursor = null;
    int pages = 0;
    do {
      String path =
          "/api/datasets/"
              + dataset
              + "/results?sort="
              + sort
              + "&order="
              + order
              + "&limit="
              + limit
              + (cursor == null ? "" : "&cursor=" + cursor);
      Http.Res res = owner.get(path);
      assertThat(res.status()).as(res.body()).isEqualTo(200);
      JsonNode page = res.json();
      page.path("results")
          .forEach(r ->
              rows.add(
                  new Row(
                      r.path("sku").asText(),
                      r.path("model").asText(),
                      r.path("score").asDouble())));
      cursor = page.path("next_cursor").isNull() ? null : page.path("next_cursor").asText();
      pages++;
    } while (cursor != null);
    assertThat(pages).isEqualTo((SKUS + limit - 1) / limit);
    return rows;
  }

  @Test
  void results_sortedByScore_comeInScoreOrder_acrossPages_eachSkuOnce() {
    List<Row> asc = all("score", "asc", 2);
    assertThat(asc).hasSize(SKUS);
    assertThat(asc).extracting(Row::sku).doesNotHaveDuplicates();
    assertThat(asc).isSortedAccordingTo(Comparator.comparingDouble(Row::score));
    List<Row> desc = all("score", "desc", 3);
    assertThat(desc).isSortedAccordingTo(Comparator.comparingDouble(Row::score).reversed());
    assertThat(desc)
        .extracting(Row::sku)
        .containsExactlyInAnyOrderElementsOf(asc.stream().map(Row::sku).toList());
  }

  @Test
  void results_sortedBySkuOrModel_followTheNameThenTheSku() {
    List<Row> bySku = all("sku", "desc", 4);
    assertThat(bySku).extracting(Row::sku).isSortedAccordingTo(Comparator.reverseOrder());
    List<Row> byModel = all("model", "asc", 5);
    assertThat(byModel)
        .isSortedAccordingTo(Comparator.comparing(Row::model).thenComparing(Row::sku));
  }

  @Test
  void oneSkusForecast_isItsStoredResult_andAnUnknownSkuOrDatasetIsNotFound() {
    Row first = all("sku", "asc", 10).get(0);
    JsonNode r = owner.get("/api/datasets/" + dataset + "/forecasts/" + first.sku()).json();
    assertThat(r.path("sku").asText()).isEqualTo(first.sku());
    assertThat(r.path("model").asText()).isEqualTo(first.model());
    assertThat(r.path("forecast").path("y_hat")).hasSize(3);
    assertThat(r.path("forecast").path("lo_95")).hasSize(3);

    Http.Res missing = owner.get("/api/datasets/" + dataset + "/forecasts/NOPE");
    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.body()).contains("NOPE");
    Http stranger = TestServers.client(server);
    assertThat(stranger.get("/api/datasets/" + dataset + "/forecasts/" + first.sku()).status())
        .isEqualTo(404);
    assertThat(stranger.get("/api/datasets/" + dataset + "/results").status()).isEqualTo(404);
  }

  @Test
  void badSortOrderLimitOrCursor_isRefused_namingTheParameter() {
    String base = "/api/datasets/" + dataset + "/results";
    for (String[] c :
        new String[][] {
          {"?sort=price", "sort", "400"},
          {"?order=up", "order", "400"},
          {"?limit=0", "limit", "422"},
          {"?cursor=bm90LWpzb24", "cursor", "400"},
          {
            "?sort=score&cursor="
                + Base64.getUrlEncoder().encodeToString("[\"x\",\"y\"]".getBytes()),
            "cursor",
            "400"
          }
        }) {
      Http.Res res = owner.get(base + c[0]);
      assertThat(res.status()).as(c[0]).isEqualTo(Integer.parseInt(c[2]));
      assertThat(res.json().path("error").path("details").path("field").asText())
          .as(c[0])
          .isEqualTo(c[1]);
    }
  }
}
