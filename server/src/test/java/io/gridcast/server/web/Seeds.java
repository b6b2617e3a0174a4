package io.gridcast.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.gridcast.server.app.GridcastServer;
import io.gridcast.server.auth.UserRole;
import io.gridcast.server.it.Http;
import io.gridcast.server.it.TestServers;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What a page test sets up through the API before it opens the page: a fresh user (so counts and
 * stream slots are the test's own), datasets, finished forecasts.
 */
final class Seeds {
  static final int HORIZON = 6;
  private static final AtomicInteger USERS = new AtomicInteger();

  private Seeds() {}

  /** A client for a new user of {@code server} with the given role. */
  static Http user(GridcastServer server, UserRole role) {
    String name = role.name().toLowerCase(Locale.ROOT) + "-" + USERS.incrementAndGet();
    return new Http(server.url(), TestServers.addUser(server, name, role));
  }

  /**
   * Monthly series from 2020-01 with trend, season and seeded noise around {@code level} (so the
   * intervals have width): one per SKU name, in order.
   */
  static String monthlyCsv(List<String> skus, int months, long seed, double level) {
    Random rnd = new Random(seed);
    double scale = level / 200;
    StringBuilder sb = new StringBuilder("unique_id,ds,y\n");
    for (int s = 0; s < skus.size(); s++) {
      for (int m = 0; m < months; m++) {
        double y =
            scale
                * (200
                    + 15 * s
                    + 30 * Math.sin(2 * Math.PI * m / 12)
                    + m
                    + 12 * rnd.nextGaussian());
        sb.append('"')
            .append(skus.get(s).replace("\"", "\"\""))
            .append("\",")
            .append(String.format(Locale.ROOT, "%d-%02d-01,%.3f\n", 2020 + m / 12, m % 12 + 1, y));
      }
    }
    return sb.toString();
  }

  static String monthlyCsv(List<String> skus) {
    return monthlyCsv(skus, 48, 7, 200);
  }

  /** Uploads a CSV under a dataset name without creating jobs; returns the dataset id. */
  static String dataset(Http who, String name, String csv) {
    Http.Res r = who.post("/api/datasets?name=" + encode(name), "text/csv", csv);
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r.json().path("dataset_id").asText();
  }

  /** Uploads a CSV with one optimization job per SKU and waits for all; returns the dataset id. */
  static String forecasts(Http who, String name, String csv) {
    Http.Res r =
        who.post(
            "/api/datasets?optimize=true&horizon=" + HORIZON + "&name=" + encode(name),
            "text/csv",
            csv);
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    completed(who, r.json());
    return r.json().path("dataset_id").asText();
  }

  /** Submits a job request ({@code POST /api/jobs}) and waits for its jobs to complete. */
  static JsonNode job(Http who, String body) {
    Http.Res r = who.postJson("/api/jobs", body);
    assertThat(r.status()).as(r.body()).isIn(200, 201, 202);
    completed(who, r.json());
    return r.json();
  }

  /** Waits until every job of an upload's or submission's answer has completed. */
  static void completed(Http who, JsonNode answer) {
    for (JsonNode id : answer.path("job_ids")) {
      await()
          .atMost(Duration.ofSeconds(90))
          .until(
              () -> who.get("/api/jobs/" + id.asText()).json().path("status").asText(),
              "completed"::equals);
    }
  }

  static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
