package io.gridcast.bench.cluster;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The harness's HTTP client: bearer token, uploads with an {@code Idempotency-Key} retried across
 * API processes until one answers, status and readiness calls.
 */
final class Client {
  private static final Pattern JOB_IDS = Pattern.compile("\"job_ids\":\\[([^\\]]*)\\]");
  private static final Pattern DATASET = Pattern.compile("\"dataset_id\":\"([^\"]+)\"");

  private final HttpClient http;
  private final String token;

  Client(String token) {
    this.token = token;
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1)
            .build();
  }

  String token() {
    return token;
  }

  HttpClient http() {
    return http;
  }

  HttpRequest.Builder request(String url) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return b;
  }

  /** One accepted upload: the dataset, its job ids, which API took it, how many tries it took. */
  record Upload(String datasetId, List<String> jobIds, String api, int tries) {}

  /**
   * Uploads a CSV with {@code optimize=true} under an idempotency key; connection errors and 5xx
   * are retried (next API from {@code apis}) until {@code deadline}; a 429 waits as told.
   */
  Upload upload(Supplier<String> apis, String query, String csv, String key, long deadlineNanos)
      throws InterruptedException {
    int tries = 0;
    String last = "";
    while (System.nanoTime() < deadlineNanos) {
      String base = apis.get();
      tries++;
      try {
        HttpResponse<String> r =
            http.send(
                request(base + "/api/datasets?" + query)
                    .header("Content-Type", "text/csv")
                    .header("Idempotency-Key", key)
                    .timeout(Duration.ofSeconds(60))
                    .POST(HttpRequest.BodyPublishers.ofString(csv))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 201 || r.statusCode() == 200) {
          Matcher d = DATASET.matcher(r.body());
          Matcher j = JOB_IDS.matcher(r.body());
          if (!d.find() || !j.find()) {
            throw new IllegalStateException("upload answer without ids: " + r.body());
          }
          List<String> ids = new ArrayList<>();
          for (String s : j.group(1).split(",")) {
            if (!s.isBlank()) {
              ids.add(s.strip().replace("\"", ""));
            }
          }
          return new Upload(d.group(1), ids, base, tries);
        }
        last = r.statusCode() + " " + r.body();
        if (r.statusCode() == 429) {
          Thread.sleep(1000);
          continue;
        }
        if (r.statusCode() < 500) {
          throw new IllegalStateException("upload refused: " + last);
        }
      } catch (IOException e) {
        last = e.toString();
      }
      Thread.sleep(250);
    }
    throw new IllegalStateException("upload " + key + " not accepted before the deadline: " + last);
  }

  /** GET returning status code and body; -1 on a connection error. */
  Reply get(String url, Duration timeout) throws InterruptedException {
    try {
      HttpResponse<String> r =
          http.send(
              request(url).timeout(timeout).GET().build(), HttpResponse.BodyHandlers.ofString());
      return new Reply(r.statusCode(), r.body());
    } catch (IOException e) {
      return new Reply(-1, e.toString());
    }
  }

  record Reply(int status, String body) {}

  /** Waits until {@code GET /readyz} answers 200; returns false at the deadline. */
  boolean awaitReady(String base, Duration max) throws InterruptedException {
    long end = System.nanoTime() + max.toNanos();
    while (System.nanoTime() < end) {
      if (get(base + "/readyz", Duration.ofSeconds(2)).status() == 200) {
        return true;
      }
      Thread.sleep(50);
    }
    return false;
  }
}
