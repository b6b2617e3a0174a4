package io.gridcast.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.gridcast.server.app.GridcastServer;
import io.gridcast.server.config.DatabaseUrl;
import io.gridcast.server.config.Limits;
import io.gridcast.server.config.Role;
import io.gridcast.server.config.ServerConfig;
import io.gridcast.server.dataset.CovariateUploadContract;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad input, case by case: each gets its 4xx, the one JSON error shape naming the problem, and the
 * database holds exactly what it held before. An API-only server (no workers, no maintenance) so
 * nothing else writes meanwhile; a small upload limit so the oversized cases stay cheap.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class BadInputContract {
  static final long LIMIT = 64 * 1024;
  private GridcastServer server;
  private Http http;
  private DatabaseUrl db;
  private String dataset;
  private String covariateDataset;

  abstract DatabaseUrl database();

  /**
   * One bad request: what to send (with extra headers, name and value pairs) and what must come
   * back.
   *
   * @param details entries the error's details must hold (the row or line, the column or field, the
   *     SKU, the stamp), beside whatever else they say
   */
  record Case(
      String name,
      String method,
      String path,
      String contentType,
      byte[] body,
      int status,
      String code,
      Map<String, Object> details,
      List<String> headers) {
    Case with(String header, String value) {
      List<String> h = new ArrayList<>(headers);
      h.add(header);
      h.add(value);
      return new Case(name, method, path, contentType, body, status, code, details, List.copyOf(h));
    }

    @Override
    public String toString() {
      return name;
    }
  }

  /** The default limits but a bucket large enough for every case of this suite. */
  private static final Limits MANY_SUBMISSIONS = Limits.builder().submissionBurst(100_000).build();

  @BeforeAll
  void start() {
    db = database();
    ServerConfig cfg =
        ServerConfig.builder(Role.API)
            .port(0)
            .dataDir(Path.of("."))
            .database(db)
            .workers(1)
            .maxUploadBytes(LIMIT)
            .lease(Duration.ofSeconds(10))
            .limits(MANY_SUBMISSIONS)
            .build();
    server = GridcastServer.create(cfg).start();
    http = TestServers.client(server);
    Http.Res up =
        http.post(
            "/api/datasets?optimize=true&horizon=3",
            "text/csv",
            TestServers.monthlyCsv(2, 24, 1.0));
    assertThat(up.status()).as(up.body()).isEqualTo(201);
    dataset = up.json().path("dataset_id").asText();
    Http.Res withCovariates =
        http.post("/api/datasets", "text/csv", CovariateUploadContract.history(2, 24));
    assertThat(withCovariates.status()).as(withCovariates.body()).isEqualTo(201);
    covariateDataset = withCovariates.json().path("dataset_id").asText();
  }

  @AfterAll
  void stop() {
    server.close();
  }

  static Case c(
      String name, String method, String path, String type, String body, int status, String code) {
    return c(name, method, path, type, body, status, code, Map.of());
  }

  static Case c(
      String name,
      String method,
      String path,
      String type,
      String body,
      int status,
      String code,
      Map<String, Object> details) {
    return new Case(
        name,
        method,
        path,
        type,
        body == null ? null : body.getBytes(StandardCharsets.UTF_8),
        status,
        code,
        details,
        List.of());
  }

  static final String CSV = "text/csv";
  static final String JSON = "application/json";
  static final String H = "unique_id,ds,y\n";

  Stream<Case> cases() {
    String ds = "{DS}";
    String big = H + "A,2024-01-01,1\n".repeat((int) (LIMIT / 14) + 10);
    List<Case> l = new ArrayList<>();
    // --- CSV uploads
    l.add(c("csv empty body", "POST", "/api/datasets", CSV, "", 422, "invalid_upload"));
    l.add(c("csv header only", "POST", "/api/datasets", CSV, H, 422, "invalid_upload"));
    l.add(
        c(
            "csv missing y column",
            "POST",
            "/api/datasets",
            CSV,
            "unique_id,ds\nA,1\n",
            422,
            "invalid_upload"));
    l.add(
        c(
            "csv missing ds column",
            "POST",
            "/api/datasets",
            CSV,
            "unique_id,y\nA,1\n",
            422,
            "invalid_upload"));
    l.add(
        c(
            "csv bad number",
            "POST",
            "/api/datasets",
            CSV,
            H + "A,1,1\nA,2,abc\n",
            422,
            "invalid_upload"));
    l.add(
        c("csv NaN", "POST", "/api/datasets", CSV, H + "A,1,1\nA,2,NaN\n", 422, "invalid_upload"));
    l.add(c("csv Inf", "POST", "/api/datasets", CSV, H + "A,1,Inf\n", 422, "invalid_upload"));
    l.add(
        c(
            "csv -Infinity",
            "POST",
            "/api/datasets",
            CSV,
            H + "A,1,-Infinity\n",
            422,
            "invalid_upload"));
    l.add(
        c(
            "csv huge exponent overflows to infinity",
            "POST",
            "/api/datasets",
            CSV,
            H + "A,1,1e999\n",
            422,
            "invalid_upload"));
    l.add(
        c(
            "csv duplicate rows",
            "POST",
            "/api/datasets",
            CSV,
            H + "A,1,1\nA,2,2\nA,1,3\n",
            422,
            "invalid_upload"));
    l.add(
        c(
            "csv mixed ds kinds",
            "POST",
            "/api/datasets",
            CSV,
            H + "A,1,1\nA,2024-01-01,2\n",
            422,
            "invalid_upload"));
    l.add(
        c(
            "csv bad date",
            "POST",
            "/api/datasets",
            CSV,
            H + "A,2024-13-01,1\n",
            422,
            "invalid_upload"));
    l.add(
        c(
            "csv ds neither date nor integer",
            "POST",
            "/api/datasets",
            CSV,
            H + "A,yesterday,1\n",
            422,
            "invalid_upload"));
    l.add(
        c("csv too few fields", "POST", "/api/datasets", CSV, H + "A,1\n", 422, "invalid_upload"));
    l.add(c("csv empty id", "POST", "/api/datasets", CSV, H + ",1,1\n", 422, "invalid_upload"));
    l.add(
        c(
            "csv unterminated quote",
            "POST",
            "/api/datasets",
            CSV,
            H + "\"A,1,1\n",
            422,
            "invalid_upload"));
    l.add(
        c(
            "csv empty series (no y at all)",
            "POST",
            "/api/datasets",
            CSV,
            H + "A,1,\nA,2,\n",
            422,
            "invalid_upload"));
    l.add(
        c(
            "csv dates off any known frequency",
            "POST",
            "/api/datasets",
            CSV,
            H + "A,2024-01-01,1\nA,2024-01-10,2\n",
            422,
            "invalid_upload"));
    l.add(
        new Case(
            "csv invalid UTF-8",
            "POST",
            "/api/datasets",
            CSV,
            new byte[] {
              'u',
              'n',
              'i',
              'q',
              'u',
              'e',
              '_',
              'i',
              'd',
              ',',
              'd',
              's',
              ',',
              'y',
              '\n',
              (byte) 0xC3,
              (byte) 0x28,
              ',',
              '1',
              ',',
              '1',
              '\n'
            },
            422,
            "invalid_upload",
            Map.of(),
            List.of()));
    l.add(
        c(
            "csv mapped id column missing",
            "POST",
            "/api/datasets?id_column=sku",
            CSV,
            H + "A,1,1\n",
            422,
            "invalid_upload"));
    l.add(
        c(
            "csv oversized body, streamed without a length",
            "POST",
            "/api/datasets",
            CSV,
            big,
            413,
            "payload_too_large"));
    l.add(
        c(
            "csv body over the declared Content-Length limit",
            "POST",
            "/api/datasets",
            CSV,
            big,
            413,
            "payload_too_large"));
    l.add(
        c(
            "json oversized body, streamed without a length",
            "POST",
            "/api/datasets",
            JSON,
            "{\"rows\":["
                + "{\"unique_id\":\"A\",\"ds\":1,\"y\":1},".repeat((int) (LIMIT / 30))
                + "]}",
            413,
            "payload_too_large"));
    // --- content types and parameters of uploads
    l.add(
        c(
            "upload xml content type",
            "POST",
            "/api/datasets",
            "application/xml",
            "<a/>",
            415,
            "unsupported_media_type"));
    l.add(
        c(
            "upload no content type",
            "POST",
            "/api/datasets",
            null,
            H + "A,1,1\n",
            415,
            "unsupported_media_type"));
    l.add(
        c(
            "upload multipart",
            "POST",
            "/api/datasets",
            "multipart/form-data; boundary=x",
            "--x--",
            415,
            "unsupported_media_type"));
    l.add(
        c(
            "upload unknown frequency",
            "POST",
            "/api/datasets?frequency=fortnightly",
            CSV,
            H + "A,1,1\n",
            400,
            "invalid_parameter"));
    l.add(
        c(
            "upload negative period",
            "POST",
            "/api/datasets?period=-1",
            CSV,
            H + "A,1,1\n",
            422,
            "out_of_range"));
    l.add(
        c(
            "upload period not a number",
            "POST",
            "/api/datasets?period=abc",
            CSV,
            H + "A,1,1\n",
            400,
            "invalid_parameter"));
    l.add(
        c(
            "upload same column twice",
            "POST",
            "/api/datasets?id_column=ds",
            CSV,
            H + "A,1,1\n",
            400,
            "invalid_parameter"));
    l.add(
        c(
            "upload horizon 0",
            "POST",
            "/api/datasets?optimize=true&horizon=0",
            CSV,
            H + "A,1,1\n",
            422,
            "invalid_job_request"));
    l.add(
        c(
            "upload horizon 10^9",
            "POST",
            "/api/datasets?optimize=true&horizon=1000000000",
            CSV,
            H + "A,1,1\n",
            422,
            "invalid_job_request"));
    l.add(
        c(
            "upload horizon not a number",
            "POST",
            "/api/datasets?optimize=true&horizon=abc",
            CSV,
            H + "A,1,1\n",
            400,
            "invalid_parameter"));
    l.add(
        c(
            "upload unknown model",
            "POST",
            "/api/datasets?optimize=true&models=prophet",
            CSV,
            H + "A,1,1\n",
            422,
            "unknown_model"));
    l.add(
        c(
            "upload priority at the int minimum",
            "POST",
            "/api/datasets?optimize=true&priority=-2147483648",
            CSV,
            H + "A,1,1\n",
            422,
            "invalid_job_request"));
    l.add(
        c(
            "upload unknown preset",
            "POST",
            "/api/datasets?optimize=true&preset=fastest",
            CSV,
            H + "A,1,1\n",
            422,
            "invalid_job_request",
            Map.of("field", "preset")));
    l.add(
        c(
            "upload preset beside models",
            "POST",
            "/api/datasets?optimize=true&preset=accurate&models=naive",
            CSV,
            H + "A,1,1\n",
            422,
            "invalid_job_request",
            Map.of("field", "preset")));
    l.add(
        c(
            "upload preset without optimize",
            "POST",
            "/api/datasets?preset=accurate",
            CSV,
            H + "A,1,1\n",
            400,
            "invalid_parameter",
            Map.of("field", "preset")));
    l.add(
        c(
            "upload unknown metric",
            "POST",
            "/api/datasets?optimize=true&metric=r2",
            CSV,
            H + "A,1,1\n",
            422,
            "invalid_job_request"));
    l.add(
        c(
            "upload folds 0",
            "POST",
            "/api/datasets?optimize=true&folds=0",
            CSV,
            H + "A,1,1\n",
            422,
            "invalid_job_request"));
    l.add(
        c(
            "upload optimize not boolean",
            "POST",
            "/api/datasets?optimize=maybe",
            CSV,
            H + "A,1,1\n",
            400,
            "invalid_parameter"));
    l.add(
        c(
            "upload horizon without optimize",
            "POST",
            "/api/datasets?horizon=12",
            CSV,
            H + "A,1,1\n",
            400,
            "invalid_parameter"));
    l.add(
        c(
            "upload reason too long",
            "POST",
            "/api/datasets?optimize=true&reason=" + "x".repeat(600),
            CSV,
            H + "A,1,1\n",
            422,
            "invalid_job_request"));
    // --- JSON uploads
    l.add(c("json broken", "POST", "/api/datasets", JSON, "{\"series\": [", 400, "malformed_body"));
    l.add(c("json top-level array", "POST", "/api/datasets", JSON, "[1,2]", 422, "invalid_upload"));
    l.add(
        c(
            "json y as string",
            "POST",
            "/api/datasets",
            JSON,
            "{\"series\":[{\"unique_id\":\"A\",\"y\":[1,\"two\"]}]}",
            422,
            "invalid_upload"));
    l.add(
        c(
            "json NaN token",
            "POST",
            "/api/datasets",
            JSON,
            "{\"series\":[{\"unique_id\":\"A\",\"y\":[1,NaN]}]}",
            400,
            "malformed_body"));
    l.add(
        c(
            "json unknown field",
            "POST",
            "/api/datasets",
            JSON,
            "{\"series\":[{\"unique_id\":\"A\",\"values\":[1]}]}",
            422,
            "invalid_upload"));
    l.add(
        c(
            "json series without id",
            "POST",
            "/api/datasets",
            JSON,
            "{\"series\":[{\"y\":[1,2]}]}",
            422,
            "invalid_upload"));
    l.add(
        c(
            "json empty series",
            "POST",
            "/api/datasets",
            JSON,
            "{\"series\":[{\"unique_id\":\"A\",\"y\":[]}]}",
            422,
            "invalid_upload"));
    l.add(
        c(
            "json ds and y lengths differ",
            "POST",
            "/api/datasets",
            JSON,
            "{\"series\":[{\"unique_id\":\"A\",\"ds\":[1,2],\"y\":[1]}]}",
            422,
            "invalid_upload"));
    l.add(
        c(
            "json row without y",
            "POST",
            "/api/datasets",
            JSON,
            "{\"rows\":[{\"unique_id\":\"A\",\"ds\":1}]}",
            422,
            "invalid_upload"));
    l.add(
        c(
            "json duplicate ds",
            "POST",
            "/api/datasets",
            JSON,
            "{\"rows\":[{\"unique_id\":\"A\",\"ds\":1,\"y\":1},{\"unique_id\":\"A\",\"ds\":1,\"y\":2}]}",
            422,
            "invalid_upload"));
    l.add(
        c(
            "json neither series nor rows",
            "POST",
            "/api/datasets",
            JSON,
            "{\"name\":\"x\"}",
            422,
            "invalid_upload"));
    l.add(
        c(
            "json y boolean",
            "POST",
            "/api/datasets",
            JSON,
            "{\"rows\":[{\"unique_id\":\"A\",\"ds\":1,\"y\":true}]}",
            422,
            "invalid_upload"));
    // --- POST /api/jobs
    l.add(
        c(
            "jobs broken JSON",
            "POST",
            "/api/jobs",
            JSON,
            "{\"dataset_id\":",
            400,
            "malformed_json"));
    l.add(
        c(
            "jobs text/plain",
            "POST",
            "/api/jobs",
            "text/plain",
            "{}",
            415,
            "unsupported_media_type"));
    l.add(c("jobs empty body", "POST", "/api/jobs", JSON, "", 400, "invalid_parameter"));
    l.add(c("jobs JSON null", "POST", "/api/jobs", JSON, "null", 400, "invalid_parameter"));
    l.add(
        c(
            "jobs unknown field",
            "POST",
            "/api/jobs",
            JSON,
            "{\"dataset_id\":\"" + ds + "\",\"horizn\":3}",
            400,
            "unknown_field"));
    l.add(
        c(
            "jobs horizon as string",
            "POST",
            "/api/jobs",
            JSON,
            "{\"dataset_id\":\"" + ds + "\",\"horizon\":\"x\"}",
            400,
            "invalid_field"));
    l.add(
        c(
            "jobs missing dataset_id",
            "POST",
            "/api/jobs",
            JSON,
            "{\"horizon\":3}",
            422,
            "invalid_job_request"));
    l.add(
        c(
            "jobs unknown dataset",
            "POST",
            "/api/jobs",
            JSON,
            "{\"dataset_id\":\"nope\"}",
            404,
            "not_found"));
    l.add(
        c(
            "jobs unknown type",
            "POST",
            "/api/jobs",
            JSON,
            "{\"dataset_id\":\"" + ds + "\",\"type\":\"training\"}",
            422,
            "invalid_job_request"));
    l.add(
        c(
            "jobs horizon 0",
            "POST",
            "/api/jobs",
            JSON,
            "{\"dataset_id\":\"" + ds + "\",\"horizon\":0}",
            422,
            "invalid_job_request"));
    l.add(
        c(
            "jobs horizon 10^9",
            "POST",
            "/api/jobs",
            JSON,
            "{\"dataset_id\":\"" + ds + "\",\"horizon\":1000000000}",
            422,
            "invalid_job_request"));
    l.add(
        c(
            "jobs folds 21",
            "POST",
            "/api/jobs",
            JSON,
            "{\"dataset_id\":\"" + ds + "\",\"folds\":21}",
            422,
            "invalid_job_request"));
    l.add(
        c(
            "jobs unknown model",
            "POST",
            "/api/jobs",
            JSON,
            "{\"dataset_id\":\"" + ds + "\",\"models\":[\"naive\",\"prophet\"]}",
            422,
            "unknown_model"));
    l.add(
        c(
            "jobs unknown preset",
            "POST",
            "/api/jobs",
            JSON,
            "{\"dataset_id\":\"" + ds + "\",\"preset\":\"Accurate\"}",
            422,
            "invalid_job_request",
            Map.of("field", "preset")));
    l.add(
        c(
            "jobs unknown SKU",
            "POST",
            "/api/jobs",
            JSON,
            "{\"dataset_id\":\"" + ds + "\",\"skus\":[\"SKU0\",\"NOPE\"]}",
            422,
            "invalid_job_request"));
    l.add(
        c(
            "jobs priority out of range",
            "POST",
            "/api/jobs",
            JSON,
            "{\"dataset_id\":\"" + ds + "\",\"priority\":5000}",
            422,
            "invalid_job_request"));
    l.add(
        c(
            "jobs priority at the int minimum",
            "POST",
            "/api/jobs",
            JSON,
            "{\"dataset_id\":\"" + ds + "\",\"priority\":-2147483648}",
            422,
            "invalid_job_request"));
    l.add(
        c(
            "jobs source on optimization",
            "POST",
            "/api/jobs",
            JSON,
            "{\"dataset_id\":\"" + ds + "\",\"source_dataset_id\":\"" + ds + "\"}",
            422,
            "invalid_job_request"));
    l.add(
        c(
            "jobs negative threshold",
            "POST",
            "/api/jobs",
            JSON,
            "{\"dataset_id\":\"" + ds + "\",\"type\":\"rescoring\",\"threshold\":-1}",
            422,
            "invalid_job_request"));
    l.add(
        c(
            "jobs unknown metric",
            "POST",
            "/api/jobs",
            JSON,
            "{\"dataset_id\":\"" + ds + "\",\"metric\":\"r2\"}",
            422,
            "invalid_job_request"));
    l.add(
        c(
            "jobs blank idempotency key",
            "POST",
            "/api/jobs",
            JSON,
            "{\"dataset_id\":\"" + ds + "\",\"idempotency_key\":\" \"}",
            422,
            "invalid_job_request"));
    l.add(
        c(
            "jobs rescoring of unknown source",
            "POST",
            "/api/jobs",
            JSON,
            "{\"dataset_id\":\"" + ds + "\",\"type\":\"rescoring\",\"source_dataset_id\":\"nope\"}",
            404,
            "not_found"));
    l.add(c("jobs body is an array", "POST", "/api/jobs", JSON, "[]", 400, "invalid_field"));
    l.add(
        c(
            "jobs body over 4 MiB",
            "POST",
            "/api/jobs",
            JSON,
            "{\"dataset_id\":\"" + ds + "\",\"reason\":\"" + "x".repeat(4 * 1024 * 1024) + "\"}",
            413,
            "payload_too_large"));
    // --- unknown ids and bad query parameters
    String u = UUID.randomUUID().toString();
    l.add(c("job id not a UUID", "GET", "/api/jobs/not-a-uuid", null, null, 404, "not_found"));
    l.add(c("unknown job", "GET", "/api/jobs/" + u, null, null, 404, "not_found"));
    l.add(
        c(
            "progress of unknown job",
            "GET",
            "/api/jobs/" + u + "/progress",
            null,
            null,
            404,
            "not_found"));
    l.add(
        c("cancel unknown job", "POST", "/api/jobs/" + u + "/cancel", null, "", 404, "not_found"));
    l.add(c("unknown dataset", "GET", "/api/datasets/nope", null, null, 404, "not_found"));
    l.add(
        c("delete unknown dataset", "DELETE", "/api/datasets/nope", null, null, 404, "not_found"));
    l.add(
        c(
            "unknown SKU history",
            "GET",
            "/api/datasets/" + ds + "/series/NOPE",
            null,
            null,
            404,
            "not_found"));
    l.add(
        c(
            "forecasts of unknown dataset",
            "GET",
            "/api/datasets/nope/forecasts",
            null,
            null,
            404,
            "not_found"));
    l.add(
        c(
            "forecasts in xml",
            "GET",
            "/api/datasets/" + ds + "/forecasts?format=xml",
            null,
            null,
            400,
            "invalid_parameter"));
    l.add(
        c(
            "status filter unknown",
            "GET",
            "/api/jobs/status?status=done",
            null,
            null,
            400,
            "invalid_parameter"));
    l.add(c("status limit 0", "GET", "/api/jobs/status?limit=0", null, null, 422, "out_of_range"));
    l.add(
        c(
            "status batch not a UUID",
            "GET",
            "/api/jobs/status?batch=xyz",
            null,
            null,
            400,
            "invalid_parameter"));
    l.add(
        c(
            "status type unknown",
            "GET",
            "/api/jobs/status?type=training",
            null,
            null,
            400,
            "invalid_parameter"));
    l.add(
        c(
            "status cursor garbage",
            "GET",
            "/api/jobs/status?cursor=garbage",
            null,
            null,
            400,
            "invalid_parameter"));
    l.add(c("clear without status", "DELETE", "/api/jobs", null, null, 400, "invalid_parameter"));
    l.add(
        c(
            "clear unknown status",
            "DELETE",
            "/api/jobs?status=done",
            null,
            null,
            400,
            "invalid_parameter"));
    l.add(
        c(
            "datasets limit too large",
            "GET",
            "/api/datasets?limit=5000",
            null,
            null,
            422,
            "out_of_range"));
    l.add(
        c(
            "events with bad Last-Event-ID",
            "GET",
            "/api/events?last_event_id=abc",
            null,
            null,
            400,
            "invalid_parameter"));
    l.add(c("unknown route", "GET", "/api/nope", null, null, 404, "not_found"));
    l.addAll(TimeAxisRefusals.cases());
    l.addAll(hardeningCases(ds));
    return l.stream();
  }

  /** What a hostile client sends to exhaust the server or act from another site. */
  private static List<Case> hardeningCases(String ds) {
    List<Case> l = new ArrayList<>();
    StringBuilder farApart = new StringBuilder(H);
    for (int i = 0; i < 101; i++) {
      // 101 daily series of 99,999 days each once filled: more than an upload's 10 million values
      farApart.append("S").append(i).append(",1900-01-01,1\n");
      farApart.append("S").append(i).append(",1900-01-02,2\n");
      farApart.append("S").append(i).append(",2173-10-14,3\n");
    }
    l.add(
        c(
            "csv gaps that fill past the values of an upload",
            "POST",
            "/api/datasets?fill=linear&frequency=daily",
            CSV,
            farApart.toString(),
            413,
            "limit_exceeded"));
    l.add(
        c(
            "csv text/plain",
            "POST",
            "/api/datasets",
            "text/plain",
            H + "A,2024-01-01,1\n",
            415,
            "unsupported_media_type"));
    String longSku = "S".repeat(Limits.DEFAULT_MAX_NAME_LENGTH + 1);
    l.add(
        c(
            "csv SKU name too long",
            "POST",
            "/api/datasets",
            CSV,
            H + longSku + ",2024-01-01,1\n" + longSku + ",2024-02-01,2\n",
            422,
            "invalid_upload",
            Map.of("field", "unique_id", "max_length", Limits.DEFAULT_MAX_NAME_LENGTH)));
    l.add(
        c(
            "dataset name too long",
            "POST",
            "/api/datasets?name=" + "n".repeat(Limits.DEFAULT_MAX_NAME_LENGTH + 1),
            CSV,
            H + "A,2024-01-01,1\nA,2024-02-01,2\n",
            422,
            "invalid_upload",
            Map.of("field", "name", "max_length", Limits.DEFAULT_MAX_NAME_LENGTH)));
    l.add(
        c(
            "csv SKU with a right-to-left override",
            "POST",
            "/api/datasets",
            CSV,
            H + "SKU\u202Egnp.exe,2024-01-01,1\nSKU\u202Egnp.exe,2024-02-01,2\n",
            422,
            "invalid_upload",
            Map.of("field", "unique_id", "position", 4)));
    l.add(
        c(
            "json SKU with a left-to-right mark",
            "POST",
            "/api/datasets",
            JSON,
            "{\"series\":[{\"unique_id\":\"A\u200E\",\"ds\":[1,2],\"y\":[1,2]}]}",
            422,
            "invalid_upload",
            Map.of("field", "unique_id", "position", 2)));
    l.add(
        c(
            "dataset name with a first-strong isolate",
            "POST",
            "/api/datasets?name=report%E2%81%A8x",
            CSV,
            H + "A,2024-01-01,1\nA,2024-02-01,2\n",
            422,
            "invalid_upload",
            Map.of("field", "name", "position", 7)));
    l.add(
        c(
            "json dataset name with a pop directional formatting",
            "POST",
            "/api/datasets",
            JSON,
            "{\"name\":\"n\u202C\",\"series\":[{\"unique_id\":\"A\",\"ds\":[1,2],\"y\":[1,2]}]}",
            422,
            "invalid_upload",
            Map.of("field", "name", "position", 2)));
    l.add(
        c(
            "json number of 1101 digits",
            "POST",
            "/api/datasets",
            JSON,
            "{\"rows\":[{\"unique_id\":\"A\",\"ds\":1,\"y\":" + "9".repeat(1101) + "}]}",
            422,
            "invalid_upload"));
    l.add(
        c(
            "jobs number of 1101 digits",
            "POST",
            "/api/jobs",
            JSON,
            "{\"dataset_id\":\"" + ds + "\",\"horizon\":" + "9".repeat(1101) + "}",
            422,
            "value_too_large"));
    l.add(
        c(
            "sign-in text/plain",
            "POST",
            "/auth/session",
            "text/plain",
            "{\"token\":\"gc_x\"}",
            415,
            "unsupported_media_type"));
    l.add(
        c(
            "sign-in form",
            "POST",
            "/auth/session",
            "application/x-www-form-urlencoded",
            "token=gc_x",
            415,
            "unsupported_media_type"));
    l.add(
        c(
            "sign-in body of 64 KiB",
            "POST",
            "/auth/session",
            JSON,
            "{\"token\":\"" + "x".repeat(64 * 1024) + "\"}",
            413,
            "payload_too_large"));
    l.add(
        c(
                "upload from another origin",
                "POST",
                "/api/datasets",
                CSV,
                H + "A,2024-01-01,1\nA,2024-02-01,2\n",
                403,
                "cross_site_request")
            .with("Origin", "http://evil.example"));
    l.add(
        c(
                "cancel from another site",
                "POST",
                "/api/jobs/" + UUID.randomUUID() + "/cancel",
                null,
                "",
                403,
                "cross_site_request")
            .with("Sec-Fetch-Site", "cross-site"));
    l.add(
        c(
            "benchmark of more values than allowed",
            "POST",
            "/api/performance/benchmark",
            JSON,
            "{\"generate\":{\"series\":1000,\"length\":100000}}",
            400,
            "invalid_parameter"));
    l.add(
        c(
            "benchmark text/plain",
            "POST",
            "/api/performance/benchmark",
            "text/plain",
            "{\"generate\":{}}",
            415,
            "unsupported_media_type"));
    l.addAll(covariateCases());
    return l;
  }

  /** Covariates refused in uploads, future files and jobs ({@code {CDS}}: a dataset with some). */
  static List<Case> covariateCases() {
    String m24 = CovariateUploadContract.month(24);
    String m25 = CovariateUploadContract.month(25);
    String future = CovariateUploadContract.future(2, 24, 27);
    List<Case> l = new ArrayList<>();
    l.add(
        c(
            "csv text covariate",
            "POST",
            "/api/datasets",
            CSV,
            "unique_id,ds,y,region\nA,2024-01-01,1,2\nA,2024-02-01,2,north\n",
            422,
            "invalid_upload",
            Map.of("column", "region", "sku", "A", "line", 3)));
    l.add(
        c(
            "json text covariate",
            "POST",
            "/api/datasets",
            JSON,
            "{\"rows\":[{\"unique_id\":\"A\",\"ds\":\"2024-01-01\",\"y\":1,\"region\":3},"
                + "{\"unique_id\":\"A\",\"ds\":\"2024-02-01\",\"y\":2,\"region\":\"north\"}]}",
            422,
            "invalid_upload",
            Map.of("field", "region", "sku", "A", "row", 2)));
    l.add(
        c(
            "csv covariate missing at a stamp",
            "POST",
            "/api/datasets",
            CSV,
            "unique_id,ds,y,price\nA,2024-01-01,1,2\nA,2024-02-01,2,\nA,2024-03-01,2,3\n",
            422,
            "invalid_upload",
            Map.of("column", "price", "sku", "A")));
    l.add(
        c(
            "upload with covariates and optimize",
            "POST",
            "/api/datasets?optimize=true&horizon=3",
            CSV,
            CovariateUploadContract.history(1, 24),
            422,
            "missing_future_covariates",
            Map.of("column", "price")));
    l.add(
        c(
            "future text covariate",
            "POST",
            "/api/datasets/{CDS}/future",
            CSV,
            future.replace("SKU1," + m25 + ",12,", "SKU1," + m25 + ",dear,"),
            422,
            "invalid_upload",
            Map.of("column", "price", "sku", "SKU1", "ds", m25)));
    l.add(
        c(
            "future rows missing for the horizon",
            "POST",
            "/api/datasets/{CDS}/future?horizon=4",
            CSV,
            future,
            422,
            "missing_future_covariates",
            Map.of("sku", "SKU0", "ds", CovariateUploadContract.month(27))));
    l.add(
        c(
            "future without a covariate of the history",
            "POST",
            "/api/datasets/{CDS}/future",
            CSV,
            "unique_id,ds,price\nSKU0," + m24 + ",12\n",
            422,
            "invalid_upload",
            Map.of("column", "promo")));
    l.add(
        c(
            "future stamps not continuing the series",
            "POST",
            "/api/datasets/{CDS}/future",
            CSV,
            future.replace("SKU0," + m24, "SKU0," + CovariateUploadContract.month(30)),
            422,
            "invalid_upload",
            Map.of("column", "ds", "sku", "SKU0", "ds", CovariateUploadContract.month(30))));
    l.add(
        c(
            "future for a dataset without covariates",
            "POST",
            "/api/datasets/{DS}/future",
            CSV,
            "unique_id,ds,price\nSKU0,2022-01-01,12\n",
            422,
            "invalid_upload"));
    l.add(
        c(
            "job needing future covariates",
            "POST",
            "/api/jobs",
            JSON,
            "{\"dataset_id\":\"{CDS}\",\"horizon\":2}",
            422,
            "missing_future_covariates",
            Map.of("sku", "SKU0", "ds", m24)));
    l.add(
        c(
            "job with an unknown covariates option",
            "POST",
            "/api/jobs",
            JSON,
            "{\"dataset_id\":\"{CDS}\",\"covariates\":\"some\"}",
            422,
            "invalid_job_request"));
    l.add(
        c(
            "job with a malformed holiday region",
            "POST",
            "/api/jobs",
            JSON,
            "{\"dataset_id\":\"{DS}\",\"holidays\":\"United States\"}",
            422,
            "invalid_job_request"));
    return l;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void badInput_getsItsStatusAndJsonError_andChangesNothing(Case k) throws Exception {
    Map<String, String> before = DatabaseSnapshot.take(db);
    String path = k.path().replace("{DS}", dataset).replace("{CDS}", covariateDataset);
    HttpRequest.Builder b = HttpRequest.newBuilder(http.uri(path));
    if (k.contentType() != null) {
      b.header("Content-Type", k.contentType());
    }
    for (int i = 0; i < k.headers().size(); i += 2) {
      b.header(k.headers().get(i), k.headers().get(i + 1));
    }
    byte[] bytes =
        k.body() == null
            ? null
            : new String(k.body(), StandardCharsets.ISO_8859_1)
                .replace("{DS}", dataset)
                .replace("{CDS}", covariateDataset)
                .getBytes(StandardCharsets.ISO_8859_1);
    HttpRequest.BodyPublisher body =
        bytes == null
            ? HttpRequest.BodyPublishers.noBody()
            : k.name().contains("oversized")
                ? HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes))
                : HttpRequest.BodyPublishers.ofByteArray(bytes);
    b.method(k.method(), body);
    if (bytes != null && bytes.length > LIMIT) {
      // A server that rejects a body over its limit before reading it may close the connection
      // while the client is still writing, and the client then never sees the 413: announce the
      // body and wait for the server's go-ahead, as large uploads should.
      b.expectContinue(true);
    }
    Http.Res res = http.send(b);
    assertThat(res.status()).as(res.body()).isEqualTo(k.status());
    assertThat(res.contentType()).startsWith("application/json");
    JsonNode error = res.json().path("error");
    assertThat(error.path("code").asText()).as(res.body()).isEqualTo(k.code());
    assertThat(error.path("message").asText())
        .isNotBlank()
        .doesNotContain("Exception")
        .doesNotContainPattern("\\b(java|javax|io\\.gridcast|com|org)\\.[a-z.]+\\.[A-Z]")
        .doesNotContain("Source:")
        .doesNotContain("\tat ");
    assertThat(error.path("details").isObject()).isTrue();
    k.details()
        .forEach((key, value) ->
            assertThat(error.path("details").path(key).asText())
                .as("details." + key + " of " + res.body())
                .isEqualTo(String.valueOf(value)));
    assertThat(DatabaseSnapshot.take(db)).isEqualTo(before);
  }
}
