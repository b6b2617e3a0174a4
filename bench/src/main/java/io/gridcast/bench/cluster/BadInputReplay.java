package io.gridcast.bench.cluster;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Bad requests replayed against a running cluster: a selection of the server issue's suite ({@code
 * server/src/test/java/io/gridcast/server/it/BadInputContract.java}, same bodies and expected
 * answers), sent to every API process while jobs run. Each must be refused with its status (never
 * 5xx, never accepted); the cluster run then checks that nothing of the real work was lost and that
 * no stray job or dataset appeared.
 */
final class BadInputReplay {
  private static final String CSV = "text/csv";
  private static final String JSON = "application/json";
  private static final String H = "unique_id,ds,y\n";

  record Case(String name, String method, String path, String type, String body, int status) {}

  private BadInputReplay() {}

  static List<Case> cases(String ds) {
    String u = "00000000-0000-7000-8000-000000000000";
    List<Case> l = new ArrayList<>();
    l.add(new Case("csv empty body", "POST", "/api/datasets", CSV, "", 422));
    l.add(new Case("csv header only", "POST", "/api/datasets", CSV, H, 422));
    l.add(new Case("csv missing y", "POST", "/api/datasets", CSV, "unique_id,ds\nA,1\n", 422));
    l.add(new Case("csv bad number", "POST", "/api/datasets", CSV, H + "A,1,1\nA,2,abc\n", 422));
    l.add(new Case("csv NaN", "POST", "/api/datasets", CSV, H + "A,1,1\nA,2,NaN\n", 422));
    l.add(new Case("csv Inf", "POST", "/api/datasets", CSV, H + "A,1,Inf\n", 422));
    l.add(new Case("csv 1e999", "POST", "/api/datasets", CSV, H + "A,1,1e999\n", 422));
    l.add(
        new Case("csv duplicates", "POST", "/api/datasets", CSV, H + "A,1,1\nA,2,2\nA,1,3\n", 422));
    l.add(
        new Case("csv mixed ds", "POST", "/api/datasets", CSV, H + "A,1,1\nA,2024-01-01,2\n", 422));
    l.add(new Case("csv bad date", "POST", "/api/datasets", CSV, H + "A,2024-13-01,1\n", 422));
    l.add(new Case("csv too few fields", "POST", "/api/datasets", CSV, H + "A,1\n", 422));
    l.add(new Case("csv empty id", "POST", "/api/datasets", CSV, H + ",1,1\n", 422));
    l.add(new Case("csv open quote", "POST", "/api/datasets", CSV, H + "\"A,1,1\n", 422));
    l.add(new Case("csv no y at all", "POST", "/api/datasets", CSV, H + "A,1,\nA,2,\n", 422));
    String ok = H + "A,1,1\n";
    l.add(new Case("horizon 0", "POST", "/api/datasets?optimize=true&horizon=0", CSV, ok, 422));
    l.add(
        new Case(
            "horizon huge",
            "POST",
            "/api/datasets?optimize=true&horizon=1000000000",
            CSV,
            ok,
            422));
    l.add(
        new Case(
            "unknown model", "POST", "/api/datasets?optimize=true&models=prophet", CSV, ok, 422));
    l.add(
        new Case("unknown metric", "POST", "/api/datasets?optimize=true&metric=r2", CSV, ok, 422));
    l.add(new Case("folds 0", "POST", "/api/datasets?optimize=true&folds=0", CSV, ok, 422));
    l.add(new Case("json broken", "POST", "/api/datasets", JSON, "{\"series\": [", 400));
    l.add(new Case("json array", "POST", "/api/datasets", JSON, "[1,2]", 422));
    l.add(new Case("jobs empty body", "POST", "/api/jobs", JSON, "", 400));
    l.add(new Case("jobs null", "POST", "/api/jobs", JSON, "null", 400));
    l.add(new Case("jobs array", "POST", "/api/jobs", JSON, "[]", 400));
    l.add(
        new Case(
            "jobs unknown dataset", "POST", "/api/jobs", JSON, "{\"dataset_id\":\"nope\"}", 404));
    l.add(
        new Case(
            "jobs unknown sku",
            "POST",
            "/api/jobs",
            JSON,
            "{\"dataset_id\":\"" + ds + "\",\"skus\":[\"NOPE\"]}",
            422));
    l.add(
        new Case(
            "jobs horizon 0",
            "POST",
            "/api/jobs",
            JSON,
            "{\"dataset_id\":\"" + ds + "\",\"horizon\":0}",
            422));
    l.add(new Case("job id not a UUID", "GET", "/api/jobs/not-a-uuid", null, null, 404));
    l.add(new Case("unknown job", "GET", "/api/jobs/" + u, null, null, 404));
    l.add(new Case("cancel unknown job", "POST", "/api/jobs/" + u + "/cancel", null, "", 404));
    l.add(new Case("unknown dataset", "GET", "/api/datasets/nope", null, null, 404));
    l.add(
        new Case("status filter unknown", "GET", "/api/jobs/status?status=done", null, null, 400));
    l.add(new Case("status limit 0", "GET", "/api/jobs/status?limit=0", null, null, 422));
    l.add(
        new Case(
            "status cursor garbage", "GET", "/api/jobs/status?cursor=garbage", null, null, 400));
    l.add(new Case("clear without status", "DELETE", "/api/jobs", null, null, 400));
    l.add(
        new Case(
            "events bad Last-Event-ID", "GET", "/api/events?last_event_id=abc", null, null, 400));
    return l;
  }

  /** Sends every case to every API; returns one line per answer that was not the expected one. */
  static List<String> replay(Cluster c, String datasetId) throws InterruptedException {
    List<String> wrong = new ArrayList<>();
    for (Node api : c.apis) {
      for (Case k : cases(datasetId)) {
        HttpRequest.Builder b =
            c.client.request(api.url() + k.path()).timeout(Duration.ofSeconds(30));
        HttpRequest.BodyPublisher body =
            k.body() == null
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(k.body(), StandardCharsets.UTF_8);
        if (k.type() != null) {
          b.header("Content-Type", k.type());
        }
        b.method(k.method(), body);
        try {
          HttpResponse<String> r =
              c.client.http().send(b.build(), HttpResponse.BodyHandlers.ofString());
          if (r.statusCode() != k.status()) {
            wrong.add(
                api.name()
                    + " "
                    + k.name()
                    + ": expected "
                    + k.status()
                    + ", got "
                    + r.statusCode()
                    + " "
                    + r.body());
          }
        } catch (IOException e) {
          wrong.add(api.name() + " " + k.name() + ": " + e);
        }
      }
    }
    return wrong;
  }
}
