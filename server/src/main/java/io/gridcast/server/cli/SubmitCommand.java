package io.gridcast.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gridcast.server.job.JobRequest;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code gridcast submit FILE}: uploads a CSV (or JSON) file with optimization jobs, and with
 * {@code --wait} follows the live event stream with a progress bar until every job of the batch has
 * finished. Exit codes: 0 all completed, 1 some failed or were cancelled, 2 bad input or usage, 3
 * the server could not be reached.
 */
@Command(
    name = "submit",
    mixinStandardHelpOptions = true,
    description = "Upload a demand file to a running server and create optimization jobs.")
final class SubmitCommand implements Callable<Integer> {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Parameters(index = "0", description = "Long-format CSV (unique_id,ds,y) or JSON file.")
  Path file;

  @Option(
      names = "--server",
      defaultValue = "${env:GRIDCAST_SERVER:-http://127.0.0.1:8080}",
      description = "Server base URL (env GRIDCAST_SERVER, default ${DEFAULT-VALUE}).")
  String server;

  @Option(
      names = "--token",
      defaultValue = "${env:GRIDCAST_TOKEN}",
      description = "API token sent as Authorization: Bearer (env GRIDCAST_TOKEN).")
  String token;

  @Option(
      names = "--horizon",
      defaultValue = "" + JobRequest.DEFAULT_HORIZON,
      description = "Forecast horizon (default ${DEFAULT-VALUE}).")
  int horizon;

  @Option(
      names = "--models",
      split = ",",
      description = "Model names (default: automatic selection).")
  List<String> models;

  @Option(
      names = "--metric",
      description = "Selection metric: smape (default), mase, mae, rmse, mape.")
  String metric;

  @Option(
      names = "--freq",
      description =
          "Frequency (pandas names: 15min, h, D, B, W-MON..W-SUN, MS, ME, QS, QE, YS, YE, index);"
              + " default: inferred per series.")
  String frequency;

  @Option(
      names = "--fill",
      description =
          "Missing values inside a series: none (refuse them; default), zero, previous, linear.")
  String fill;

  @Option(
      names = "--seasonality",
      description =
          "Seasonal periods, comma-separated (24,168), or none; default: the frequency's.")
  String seasonality;

  @Option(
      names = "--level",
      description = "Interval levels in percent, comma-separated (default 80,95).")
  String level;

  @Option(
      names = "--date-format",
      description = "java.time pattern of ds (dd/MM/yyyy); default: ISO stamps or integers.")
  String dateFormat;

  @Option(names = "--reason", description = "Free text kept with the jobs.")
  String reason;

  @Option(names = "--wait", description = "Follow progress until every job finished.")
  boolean waitForJobs;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (!Files.isReadable(file)) {
      err.println("gridcast submit: cannot read " + file);
      return 2;
    }
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    URI base = URI.create(server.endsWith("/") ? server.substring(0, server.length() - 1) : server);
    EventFollower follower = null;
    if (waitForJobs) {
      follower = new EventFollower(http, base, bearer());
      if (!follower.connect()) {
        err.println("gridcast submit: cannot reach " + base + "/api/events");
        return 3;
      }
    }
    StringBuilder q = new StringBuilder("?optimize=true&horizon=").append(horizon);
    if (models != null && !models.isEmpty()) {
      q.append("&models=").append(enc(String.join(",", models)));
    }
    if (metric != null) {
      q.append("&metric=").append(enc(metric));
    }
    if (reason != null) {
      q.append("&reason=").append(enc(reason));
    }
    String[][] axis = {
      {"frequency", frequency},
      {"fill", fill},
      {"seasonality", seasonality},
      {"level", level},
      {"date_format", dateFormat}
    };
    for (String[] option : axis) {
      if (option[1] != null) {
        q.append('&').append(option[0]).append('=').append(enc(option[1]));
      }
    }
    q.append("&name=").append(enc(file.getFileName().toString()));
    boolean json = file.toString().toLowerCase(Locale.ROOT).endsWith(".json");
    HttpRequest upload =
        HttpRequest.newBuilder(URI.create(base + "/api/datasets" + q))
            .header("Content-Type", json ? "application/json" : "text/csv")
            .header("Authorization", bearer())
            .POST(HttpRequest.BodyPublishers.ofFile(file))
            .build();
    HttpResponse<String> res;
    try {
      res = http.send(upload, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      err.println("gridcast submit: cannot reach " + base + ": " + e.getMessage());
      return 3;
    }
    JsonNode body = JSON.readTree(res.body());
    if (res.statusCode() != 201) {
      err.println(
          "gridcast submit: "
              + res.statusCode()
              + " "
              + body.path("error").path("message").asText(res.body()));
      return 2;
    }
    String batch = body.path("batch_id").asText();
    int total = body.path("job_ids").size();
    out.println(
        "dataset "
            + body.path("dataset_id").asText()
            + ": "
            + body.path("series_count").asInt()
            + " series ("
            + body.path("frequency").asText()
            + ", "
            + body.path("filled").asLong()
            + " values filled), "
            + total
            + " jobs, batch "
            + batch);
    out.flush();
    if (!waitForJobs) {
      return 0;
    }
    Set<String> ids = new HashSet<>();
    body.path("job_ids").forEach(n -> ids.add(n.asText()));
    return follower.follow(ids, err);
  }

  private String bearer() {
    return "Bearer " + (token == null ? "" : token.strip());
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  /** Reads {@code /api/events} on a background thread and counts finished jobs of one batch. */
  private static final class EventFollower {
    private final HttpClient http;
    private final URI base;
    private final String authorization;
    private final CountDownLatch connected = new CountDownLatch(1);
    private final ConcurrentHashMap<String, String> finished = new ConcurrentHashMap<>();
    private volatile long lastSeq = -1;

    EventFollower(HttpClient http, URI base, String authorization) {
      this.http = http;
      this.base = base;
      this.authorization = authorization;
    }

    boolean connect() throws InterruptedException {
      Thread.ofVirtual().name("gridcast-submit-events").start(this::readLoop);
      return connected.await(10, TimeUnit.SECONDS);
    }

    private void readLoop() {
      while (true) {
        try {
          HttpRequest.Builder b =
              HttpRequest.newBuilder(URI.create(base + "/api/events"))
                  .header("Accept", "text/event-stream")
                  .header("Authorization", authorization);
          if (lastSeq >= 0) {
            b.header("Last-Event-ID", Long.toString(lastSeq));
          }
          HttpResponse<InputStream> res =
              http.send(b.GET().build(), HttpResponse.BodyHandlers.ofInputStream());
          try (BufferedReader in =
              new BufferedReader(new InputStreamReader(res.body(), StandardCharsets.UTF_8))) {
            String line;
            String event = null;
            while ((line = in.readLine()) != null) {
              if (line.startsWith("event: ")) {
                event = line.substring(7);
              } else if (line.startsWith("id: ")) {
                lastSeq = Long.parseLong(line.substring(4).strip());
              } else if (line.startsWith("data: ")) {
                if ("summary".equals(event)) {
                  connected.countDown();
                } else if ("job".equals(event)) {
                  JsonNode e = JSON.readTree(line.substring(6));
                  String status = e.path("status").asText();
                  if (status.equals("completed")
                      || status.equals("failed")
                      || status.equals("cancelled")) {
                    finished.put(e.path("job_id").asText(), status);
                  }
                }
              } else if (line.isEmpty()) {
                event = null;
              }
            }
          }
        } catch (IOException e) {
          // reconnect below, resuming from lastSeq
        } catch (InterruptedException e) {
          return;
        }
        try {
          Thread.sleep(1000); // server gone for a moment: retry like an EventSource would
        } catch (InterruptedException e) {
          return;
        }
      }
    }

    int follow(Set<String> ids, PrintWriter err) throws InterruptedException {
      int total = ids.size();
      while (true) {
        int done = 0;
        int bad = 0;
        for (String id : ids) {
          String s = finished.get(id);
          if (s != null) {
            done++;
            if (!s.equals("completed")) {
              bad++;
            }
          }
        }
        bar(err, done, total, bad);
        if (done == total) {
          err.println();
          err.println(
              bad == 0
                  ? "all " + total + " jobs completed"
                  : bad + " of " + total + " jobs failed or were cancelled");
          err.flush();
          return bad == 0 ? 0 : 1;
        }
        Thread.sleep(200);
      }
    }

    private static void bar(PrintWriter err, int done, int total, int bad) {
      int width = 30;
      int filled = total == 0 ? width : (int) ((long) done * width / total);
      String pct = total == 0 ? "100" : Long.toString(100L * done / total);
      err.print(
          "\r["
              + "#".repeat(filled)
              + "-".repeat(width - filled)
              + "] "
              + done
              + "/"
              + total
              + " jobs "
              + pct
              + "%"
              + (bad > 0 ? " (" + bad + " not completed)" : ""));
      err.flush();
    }
  }
}
