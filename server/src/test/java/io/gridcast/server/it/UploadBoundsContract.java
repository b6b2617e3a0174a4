package io.gridcast.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.gridcast.server.app.GridcastServer;
import io.gridcast.server.config.DatabaseUrl;
import io.gridcast.server.config.Limits;
import io.gridcast.server.config.Role;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What one upload may cost: its values once gaps are filled, its owner's stored values (quota), the
 * size of a JSON token, and a repeated idempotency key. Run once per database; an API-only server
 * so nothing else writes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class UploadBoundsContract {
  static final Limits SMALL =
      Limits.builder()
          .maxValuesPerUpload(1_000)
          .maxValuesPerUser(1_500)
          .submissionBurst(1_000)
          .build();

  /** Uploads whose gaps are filled (linear), so that they count as the values they span. */
  private static final String FILLED = "/api/datasets?fill=linear";

  private GridcastServer server;

  abstract DatabaseUrl database();

  @BeforeAll
  void start() {
    server = TestServers.start(Role.API, database(), 1, SMALL);
  }

  @AfterAll
  void stop() {
    server.close();
  }

  /** Daily series: each has three rows, its first two days and its last, {@code days} apart. */
  static String spanning(int days, String... skus) {
    StringBuilder b = new StringBuilder("unique_id,ds,y\n");
    LocalDate first = LocalDate.of(2000, 1, 1);
    for (String sku : skus) {
      b.append(sku).append(',').append(first).append(",1\n");
      b.append(sku).append(',').append(first.plusDays(1)).append(",2\n");
      b.append(sku).append(',').append(first.plusDays(days - 1)).append(",3\n");
    }
    return b.toString();
  }

  private static JsonNode datasets(Http who) {
    return who.get("/api/datasets").json().path("datasets");
  }

  @Test
  void gapsThatFillPastAnUploadsValues_areRefused413NamingTheSku_andNothingIsStored() {
    Http u = TestServers.client(server);
    Http.Res r = u.post(FILLED, "text/csv", spanning(400, "A", "B", "C"));
    assertThat(r.status()).as(r.body()).isEqualTo(413);
    JsonNode e = r.json().path("error");
    assertThat(e.path("code").asText()).isEqualTo("limit_exceeded");
    assertThat(e.path("details").path("limit").asText()).isEqualTo("max_values_per_upload");
    assertThat(e.path("details").path("sku").asText()).isEqualTo("C");
    assertThat(e.path("message").asText()).contains("'C'").contains("400 periods").contains("1000");
    assertThat(datasets(u)).isEmpty();
    assertThat(u.post(FILLED, "text/csv", spanning(400, "A", "B")).status()).isEqualTo(201);
  }

  @Test
  void theQuota_countsEveryDatasetOfItsOwner_refusingTheSkuThatPassesIt_untilOneIsDeleted() {
    Http u = TestServers.client(server);
    Http.Res first = u.post(FILLED, "text/csv", spanning(400, "A", "B"));
    assertThat(first.status()).as(first.body()).isEqualTo(201);
    Http.Res second = u.post(FILLED, "text/csv", spanning(400, "A", "B"));
    assertThat(second.status()).as(second.body()).isEqualTo(413);
    JsonNode e = second.json().path("error");
    assertThat(e.path("details").path("limit").asText()).isEqualTo("max_values_per_user");
    assertThat(e.path("details").path("sku").asText()).isEqualTo("B");
    assertThat(datasets(u)).hasSize(1);

    Http other = TestServers.client(server);
    assertThat(other.post(FILLED, "text/csv", spanning(400, "A", "B")).status()).isEqualTo(201);

    assertThat(u.delete("/api/datasets/" + first.json().path("dataset_id").asText()).status())
        .isEqualTo(204);
    assertThat(u.post(FILLED, "text/csv", spanning(400, "A", "B")).status()).isEqualTo(201);
  }

  @Test
  void aFullQuota_refusesTheNextUpload_beforeItsBodyIsParsed() {
    Http u = TestServers.client(server);
    assertThat(u.post(FILLED, "text/csv", spanning(500, "A", "B")).status()).isEqualTo(201);
    assertThat(u.post(FILLED, "text/csv", spanning(500, "C")).status()).isEqualTo(201);
    Http.Res full = u.post("/api/datasets", "text/csv", "not,a,csv,at,all");
    assertThat(full.status()).as(full.body()).isEqualTo(413);
    assertThat(full.json().path("error").path("details").path("limit").asText())
        .isEqualTo("max_values_per_user");
    assertThat(full.json().path("error").path("details").path("actual").asLong()).isEqualTo(1_500);
  }

  @Test
  void aRepeatedIdempotencyKey_getsTheFirstAnswerUnchanged_whateverTheSecondBodyHolds()
      throws Exception {
    Http u = TestServers.client(server);
    String path = "/api/datasets?optimize=true&horizon=3";
    HttpResponse<String> first = upload(u, path, "key-1", TestServers.monthlyCsv(2, 24, 1.0));
    assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
    HttpResponse<String> again = upload(u, path, "key-1", TestServers.monthlyCsv(5, 30, 1.0));
    assertThat(again.statusCode()).as(again.body()).isEqualTo(201);
    assertThat(Http.JSON.readTree(again.body())).isEqualTo(Http.JSON.readTree(first.body()));
    assertThat(Http.JSON.readTree(again.body()).path("series_count").asInt()).isEqualTo(2);
    assertThat(again.headers().firstValue("Idempotent-Replayed")).contains("true");
    assertThat(datasets(u)).hasSize(1);
    assertThat(u.get("/api/jobs/status").json().path("jobs")).hasSize(2);
  }

  private static HttpResponse<String> upload(Http u, String path, String key, String csv)
      throws Exception {
    return u.client()
        .send(
            u.authorize(HttpRequest.newBuilder(u.uri(path)))
                .header("Content-Type", "text/csv")
                .header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString(csv))
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void aJsonNameOfTwentyMillionCharacters_answers422_namingWhere() {
    GridcastServer big =
        GridcastServer.create(TestServers.config(Role.API, database(), 1).build()).start();
    try {
      Http u = TestServers.client(big);
      String body =
          "{\"name\":\""
              + "n".repeat(20_000_000)
              + "\",\"rows\":[{\"unique_id\":\"A\",\"ds\":1,\"y\":1}]}";
      Http.Res r = u.post("/api/datasets", "application/json", body);
      assertThat(r.status())
          .as(r.body().substring(0, Math.min(400, r.body().length())))
          .isEqualTo(422);
      assertThat(r.json().path("error").path("message").asText())
          .contains("a string has")
          .contains("at most 65536 allowed");
      assertThat(r.json().path("error").path("details").path("line").asInt()).isEqualTo(1);
      assertThat(datasets(u)).isEmpty();
    } finally {
      big.close();
    }
  }
}
