package io.gridcast.server.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.gridcast.server.app.GridcastServer;
import io.gridcast.server.config.DatabaseUrl;
import io.gridcast.server.config.Role;
import io.gridcast.server.it.Http;
import io.gridcast.server.it.TestServers;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Covariates through the API and the database, run once per database: extra numeric and 0/1 columns
 * are stored with their series and named in the answer, {@code covariates=none} names them as
 * ignored, text is refused, future files are checked against the series' time axes, and actuals
 * carry the covariates into the next version. Every refusal stores nothing. Every test uses a user
 * of its own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class CovariateUploadContract {
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

  /** Monthly rows from 2020-01 of SKU0..SKU(skus-1) with a price and a promotion flag. */
  public static String history(int skus, int months) {
    StringBuilder sb = new StringBuilder("unique_id,ds,y,price,promo,country\n");
    for (int s = 0; s < skus; s++) {
      for (int m = 0; m < months; m++) {
        double price = 10 + (m % 5);
        boolean promo = m % 6 == 0;
        double y = 200 - 5 * price + (promo ? 30 : 0) + s;
        sb.append(
            String.format(
                Locale.ROOT,
                "SKU%d,%s,%.1f,%.1f,%s,US\n",
                s,
                month(m),
                y,
                price,
                promo ? "true" : "0"));
      }
    }
    return sb.toString();
  }

  /** {@code 2020-01-01} plus {@code m} months. */
  public static String month(int m) {
    return String.format(Locale.ROOT, "%d-%02d-01", 2020 + m / 12, m % 12 + 1);
  }

  /** Future rows {@code from..to-1} (months after 2020-01) of the SKUs. */
  public static String future(int skus, int from, int to) {
    StringBuilder sb = new StringBuilder("unique_id,ds,price,promo\n");
    for (int s = 0; s < skus; s++) {
      for (int m = from; m < to; m++) {
        sb.append(String.format(Locale.ROOT, "SKU%d,%s,%d,%d\n", s, month(m), 12, m % 2));
      }
    }
    return sb.toString();
  }

  private static JsonNode upload(Http http, String query, String csv) {
    Http.Res r = http.post("/api/datasets" + query, "text/csv", csv);
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r.json();
  }

  private static int datasets(Http http) {
    return http.get("/api/datasets?limit=1000").json().path("datasets").size();
  }

  private static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  @Test
  void extraNumericAndFlagColumns_areStoredAsCovariates_namedInTheAnswer_andServedWithTheSeries() {
    Http http = TestServers.client(server);
    JsonNode up = upload(http, "?name=cov", history(2, 24));
    assertThat(texts(up.path("covariates"))).containsExactly("price", "promo");
    assertThat(up.path("ignored_columns")).isEmpty();
    String id = up.path("dataset_id").asText();

    JsonNode detail = http.get("/api/datasets/" + id).json();
    assertThat(texts(detail.path("covariates"))).containsExactly("price", "promo");
    assertThat(detail.path("future_horizon").asInt()).isZero();

    JsonNode s = http.get("/api/datasets/" + id + "/series/SKU1").json();
    assertThat(s.path("country").asText()).isEqualTo("US");
    assertThat(s.path("covariates").path("price")).hasSize(24);
    assertThat(s.path("covariates").path("price").get(3).asDouble()).isEqualTo(13.0);
    // true is 1, 0 is 0
    assertThat(s.path("covariates").path("promo").get(0).asDouble()).isEqualTo(1.0);
    assertThat(s.path("covariates").path("promo").get(1).asDouble()).isEqualTo(0.0);
  }

  @Test
  void jsonRowsAndSeries_carryCovariatesAsCsvDoes() {
    Http http = TestServers.client(server);
    Http.Res rows =
        http.post(
            "/api/datasets",
            "application/json",
            "{\"rows\":["
                + "{\"unique_id\":\"A\",\"ds\":\"2024-01-01\",\"y\":1,\"temp\":3.5,\"event\":true},"
                + "{\"unique_id\":\"A\",\"ds\":\"2024-01-02\",\"y\":2,\"temp\":4,\"event\":false},"
                + "{\"unique_id\":\"A\",\"ds\":\"2024-01-03\",\"y\":3,\"temp\":5,\"event\":0}]}");
    assertThat(rows.status()).as(rows.body()).isEqualTo(201);
    assertThat(texts(rows.json().path("covariates"))).containsExactly("temp", "event");
    JsonNode a =
        http.get("/api/datasets/" + rows.json().path("dataset_id").asText() + "/series/A").json();
    assertThat(a.path("covariates").path("temp").get(2).asDouble()).isEqualTo(5.0);
    assertThat(a.path("covariates").path("event").get(0).asDouble()).isEqualTo(1.0);

    Http.Res series =
        http.post(
            "/api/datasets",
            "application/json",
            "{\"series\":[{\"unique_id\":\"B\",\"ds\":[\"2024-01-01\",\"2024-01-02\"],"
                + "\"y\":[1,2],\"temp\":[7,8]}]}");
    assertThat(series.status()).as(series.body()).isEqualTo(201);
    assertThat(texts(series.json().path("covariates"))).containsExactly("temp");
  }

  @Test
  void covariatesNone_namesTheExtraColumnsAsIgnored_andStoresNone() {
    Http http = TestServers.client(server);
    JsonNode up = upload(http, "?covariates=none", history(1, 24).replace(",US\n", ",north\n"));
    assertThat(up.path("covariates")).isEmpty();
    assertThat(texts(up.path("ignored_columns"))).containsExactly("price", "promo", "country");
    JsonNode detail = http.get("/api/datasets/" + up.path("dataset_id").asText()).json();
    assertThat(detail.path("covariates")).isEmpty();
    assertThat(detail.path("future_horizon").isNull()).isTrue();

    Http.Res json =
        http.post(
            "/api/datasets?covariates=none",
            "application/json",
            "{\"rows\":[{\"unique_id\":\"A\",\"ds\":\"2024-01-01\",\"y\":1,\"region\":\"x\"},"
                + "{\"unique_id\":\"A\",\"ds\":\"2024-01-02\",\"y\":2,\"region\":\"x\"}]}");
    assertThat(json.status()).as(json.body()).isEqualTo(201);
    assertThat(texts(json.json().path("ignored_columns"))).containsExactly("region");
  }

  @Test
  void aTextColumn_isRefused_namingColumnSkuAndLine_andNothingIsStored() {
    Http http = TestServers.client(server);
    String csv = history(2, 24);
    int at = csv.indexOf("SKU1," + month(4));
    String bad = csv.substring(0, at) + csv.substring(at).replaceFirst(",14\\.0,", ",cheap,");
    Http.Res r = http.post("/api/datasets", "text/csv", bad);
    assertThat(r.status()).as(r.body()).isEqualTo(422);
    JsonNode d = r.json().path("error").path("details");
    assertThat(d.path("column").asText()).isEqualTo("price");
    assertThat(d.path("sku").asText()).isEqualTo("SKU1");
    assertThat(d.path("line").asLong()).isEqualTo(2 + 24 + 4);
    assertThat(r.json().path("error").path("message").asText()).contains("cheap", "price");

    Http.Res json =
        http.post(
            "/api/datasets",
            "application/json",
            "{\"rows\":[{\"unique_id\":\"A\",\"ds\":\"2024-01-01\",\"y\":1,\"region\":\"x\"}]}");
    assertThat(json.status()).as(json.body()).isEqualTo(422);
    assertThat(json.json().path("error").path("details").path("field").asText())
        .isEqualTo("region");
    assertThat(json.json().path("error").path("details").path("row").asLong()).isEqualTo(1);
    assertThat(datasets(http)).isZero();
  }

  @Test
  void aCovariateMissingAtAStamp_isRefused_namingColumnSkuAndStamp() {
    Http http = TestServers.client(server);
    String bad = history(1, 24).replaceFirst("(" + month(0) + ",[0-9.]+),[0-9.]+,", "$1,,");
    Http.Res r = http.post("/api/datasets", "text/csv", bad);
    assertThat(r.status()).as(r.body()).isEqualTo(422);
    JsonNode d = r.json().path("error").path("details");
    assertThat(d.path("column").asText()).isEqualTo("price");
    assertThat(d.path("sku").asText()).isEqualTo("SKU0");
    assertThat(d.path("ds").asText()).isEqualTo(month(0));
    assertThat(datasets(http)).isZero();
  }

  @Test
  void aFutureFile_isStored_andAnsweredWithTheHorizonItCovers() {
    Http http = TestServers.client(server);
    String id = upload(http, "", history(2, 24)).path("dataset_id").asText();
    Http.Res r =
        http.post("/api/datasets/" + id + "/future?horizon=6", "text/csv", future(2, 24, 30));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    assertThat(r.json().path("skus").asInt()).isEqualTo(2);
    assertThat(r.json().path("rows").asLong()).isEqualTo(12);
    assertThat(r.json().path("horizon").asInt()).isEqualTo(6);
    assertThat(http.get("/api/datasets/" + id).json().path("future_horizon").asInt()).isEqualTo(6);

    // JSON rows replace the CSV's
    Http.Res json =
        http.post(
            "/api/datasets/" + id + "/future",
            "application/json",
            "{\"rows\":[{\"unique_id\":\"SKU0\",\"ds\":\""
                + month(24)
                + "\",\"price\":9,"
                + "\"promo\":true},{\"unique_id\":\"SKU1\",\"ds\":\""
                + month(24)
                + "\","
                + "\"price\":9,\"promo\":false}]}");
    assertThat(json.status()).as(json.body()).isEqualTo(201);
    assertThat(json.json().path("horizon").asInt()).isEqualTo(1);
  }

  /** Asserts a 4xx naming the column, SKU and stamp, and that the stored future is unchanged. */
  private static void refused(
      Http http, String id, String body, int status, String column, String sku, String ds) {
    Http.Res r = http.post("/api/datasets/" + id + "/future?horizon=3", "text/csv", body);
    assertThat(r.status()).as(r.body()).isEqualTo(status);
    JsonNode d = r.json().path("error").path("details");
    assertThat(d.path("column").asText()).as(r.body()).isEqualTo(column);
    if (sku != null) {
      assertThat(d.path("sku").asText()).as(r.body()).isEqualTo(sku);
    }
    if (ds != null) {
      assertThat(d.path("ds").asText()).as(r.body()).isEqualTo(ds);
    }
    assertThat(http.get("/api/datasets/" + id).json().path("future_horizon").asInt())
        .as("the earlier future file stays")
        .isEqualTo(4);
  }

  @Test
  void badFutureFiles_areRefused_namingColumnSkuAndStamp_andTheStoredFutureStays() {
    Http http = TestServers.client(server);
    String id = upload(http, "", history(2, 24)).path("dataset_id").asText();
    assertThat(http.post("/api/datasets/" + id + "/future", "text/csv", future(2, 24, 28)).status())
        .isEqualTo(201);
    String good = future(2, 24, 27);

    // text covariate
    refused(
        http,
        id,
        good.replace("SKU1," + month(25) + ",12,", "SKU1," + month(25) + ",dear,"),
        422,
        "price",
        "SKU1",
        month(25));
    // a covariate of the history absent from the future file
    refused(
        http,
        id,
        good.replace(",promo\n", "\n").replaceAll(",[01]\n", "\n"),
        422,
        "promo",
        null,
        null);
    // a stamp the horizon needs is missing
    Http.Res gap =
        http.post(
            "/api/datasets/" + id + "/future?horizon=3",
            "text/csv",
            future(2, 24, 26) + future(1, 26, 27).substring("unique_id,ds,price,promo\n".length()));
    assertThat(gap.status()).as(gap.body()).isEqualTo(422);
    assertThat(gap.json().path("error").path("code").asText())
        .isEqualTo("missing_future_covariates");
    assertThat(gap.json().path("error").path("details").path("sku").asText()).isEqualTo("SKU1");
    assertThat(gap.json().path("error").path("details").path("ds").asText()).isEqualTo(month(26));
    // stamps that do not continue the series: a month skipped
    refused(
        http,
        id,
        good.replace("SKU0," + month(25), "SKU0," + month(29)),
        422,
        "ds",
        "SKU0",
        month(29));
    // a stamp inside the history
    refused(
        http,
        id,
        good.replace("SKU0," + month(24), "SKU0," + month(20)),
        422,
        "ds",
        "SKU0",
        month(20));
    // an empty value
    refused(
        http,
        id,
        good.replace("SKU0," + month(26) + ",12,", "SKU0," + month(26) + ",,"),
        422,
        "price",
        "SKU0",
        month(26));
    assertThat(http.get("/api/datasets/" + id).json().path("future_horizon").asInt()).isEqualTo(4);
  }

  @Test
  void jobsWithCovariates_needFutureValuesForTheHorizon_unlessCovariatesAreNone() {
    Http http = TestServers.client(server);
    String id = upload(http, "", history(1, 24)).path("dataset_id").asText();
    Http.Res refused =
        http.post(
            "/api/jobs",
            "application/json",
            "{\"dataset_id\":\"" + id + "\",\"models\":[\"naive\"],\"horizon\":3}");
    assertThat(refused.status()).as(refused.body()).isEqualTo(422);
    JsonNode d = refused.json().path("error").path("details");
    assertThat(refused.json().path("error").path("code").asText())
        .isEqualTo("missing_future_covariates");
    assertThat(d.path("sku").asText()).isEqualTo("SKU0");
    assertThat(texts(d.path("stamps"))).containsExactly(month(24), month(25), month(26));

    Http.Res none =
        http.post(
            "/api/jobs",
            "application/json",
            "{\"dataset_id\":\""
                + id
                + "\",\"models\":[\"naive\"],\"horizon\":3,\"covariates\":\"none\"}");
    assertThat(none.status()).as(none.body()).isBetween(200, 202);
  }

  @Test
  void anUploadWithCovariatesAndOptimize_isRefusedUntilItsFutureIsKnown_andNothingIsStored() {
    Http http = TestServers.client(server);
    Http.Res r = http.post("/api/datasets?optimize=true&horizon=3", "text/csv", history(1, 24));
    assertThat(r.status()).as(r.body()).isEqualTo(422);
    assertThat(r.json().path("error").path("code").asText()).isEqualTo("missing_future_covariates");
    assertThat(r.json().path("error").path("details").path("column").asText()).isEqualTo("price");
    assertThat(datasets(http)).isZero();
  }

  @Test
  void actuals_carryTheCovariatesIntoTheNextVersion_andAreRefusedWithoutThem() {
    Http http = TestServers.client(server);
    upload(http, "?name=act", history(1, 24));
    Http.Res ok =
        http.post(
            "/api/datasets/act/actuals",
            "text/csv",
            "unique_id,ds,y,price,promo\nSKU0," + month(24) + ",150,11,1\n");
    assertThat(ok.status()).as(ok.body()).isEqualTo(201);
    String v2 = ok.json().path("id").asText();
    JsonNode s = http.get("/api/datasets/" + v2 + "/series/SKU0").json();
    assertThat(s.path("covariates").path("price")).hasSize(25);
    assertThat(s.path("covariates").path("price").get(24).asDouble()).isEqualTo(11.0);
    assertThat(s.path("country").asText()).isEqualTo("US");

    Http.Res lacking =
        http.post(
            "/api/datasets/act/actuals",
            "text/csv",
            "unique_id,ds,y,price\nSKU0," + month(25) + ",150,11\n");
    assertThat(lacking.status()).as(lacking.body()).isEqualTo(422);
    assertThat(lacking.json().path("error").path("details").path("column").asText())
        .isEqualTo("promo");
    assertThat(datasets(http)).isEqualTo(2);
  }
}
