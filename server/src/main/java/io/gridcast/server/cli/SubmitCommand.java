package io.gridcast.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gridcast.forecast.registry.ModelRegistry;
import io.gridcast.server.error.ServerException;
import io.gridcast.server.job.JobRequest;
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
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code gridcast submit FILE}: uploads a CSV (or JSON) file with optimization jobs, and with
 * {@code --wait} follows the live event stream (a progress bar on a terminal) until every job of
 * the batch has finished; {@code --output FILE} then downloads the dataset's forecasts CSV to FILE
 * ({@code -}: standard output). Exit codes: 0 all completed, 1 some failed or were cancelled (the
 * message says how many and where to look), 2 bad input or usage, 3 the server could not be
 * reached.
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
      description =
          "Model names, comma-separated (a+b = their mean, median(a,b,c) their median); default:"
              + " the preset's selection.")
  List<String> models;

  @Option(
      names = "--preset",
      description =
          "Candidate preset when --models is not given: default or accurate (GET /api/models"
              + " lists them); the server checks the name.")
  String preset;

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

  @Option(
      names = "--hierarchy",
      paramLabel = "DECL",
      description =
          "Key columns and how they nest (/) or cross (*), e.g. state/zone/region*purpose: the"
              + " CSV has these columns beside unique_id, ds and y; every aggregate is optimized"
              + " too, then reconciled once the batch has finished.")
  String hierarchy;

  @Option(
      names = "--reconciliation",
      paramLabel = "METHOD",
      description =
          "With --hierarchy: mint_shrink (default), bottom_up, top_down, ols, wls, wls_variance"
              + " or none.")
  String reconciliation;

  @Option(names = "--reason", description = "Free text kept with the jobs.")
  String reason;

  @Option(
      names = "--future",
      paramLabel = "FILE",
      description =
          "The future values of the file's covariate columns (CSV or JSON: unique_id, ds and each"
              + " covariate, for the stamps after each series' history, at least --horizon of"
              + " them); uploaded before the jobs are created.")
  Path future;

  @Option(
      names = "--covariates",
      description =
          "auto (default: extra numeric or 0/1 columns are covariates) or none (they are ignored"
              + " and named as ignored).")
  String covariates;

  @Option(
      names = "--holidays",
      description =
          "Public holidays as covariates: a country (US), a country and region (DE-BY), or country"
              + " (each series' own country column).")
  String holidays;

  @Option(names = "--wait", description = "Follow progress until every job finished.")
  boolean waitForJobs;

  @Option(
      names = "--output",
      paramLabel = "FILE",
      description =
          "With --wait: write the forecasts CSV to FILE once the jobs finished (- = stdout).")
  String output;

  @Spec CommandSpec spec;

  /** An answer other than the one expected: the server's status and message. */
  private static final class Refused extends ServerException {
    Refused(int status, String where, JsonNode body, String raw) {
      super(
          status >= 400 && status <= 599 ? status : 502,
          body.path("error").path("code").asText("unexpected_answer"),
          status + " " + where + body.path("error").path("message").asText(raw),
          Map.of());
    }
  }

  /** Posts a file (CSV or JSON by its name) and reads the 201 or 202 answer. */
  private JsonNode post(HttpClient http, URI base, String path, Path body)
      throws IOException, InterruptedException {
    boolean json = body.toString().toLowerCase(Locale.ROOT).endsWith(".json");
    HttpRequest req =
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Content-Type", json ? "application/json" : "text/csv")
            .header("Authorization", bearer())
            .POST(HttpRequest.BodyPublishers.ofFile(body))
            .build();
    HttpResponse<String> res = http.send(req, HttpResponse.BodyHandlers.ofString());
    JsonNode answer = JSON.readTree(res.body());
    if (res.statusCode() != 201 && res.statusCode() != 202) {
      throw new Refused(
          res.statusCode(),
          path.equals("/api/jobs") ? "" : body.getFileName() + ": ",
          answer,
          res.body());
    }
    return answer;
  }

  /**
   * Uploads the file without jobs, then its future covariates, then creates the jobs: the upload's
   * answer with the batch and job ids of the jobs.
   */
  private JsonNode withFuture(HttpClient http, URI base, StringBuilder q)
      throws IOException, InterruptedException {
    String uploadQuery =
        q.toString()
            .replaceAll(
                "[?&](optimize|horizon|models|preset|metric|reason|level|holidays)=[^&]*", "")
            .replaceFirst("^&", "?");
    ObjectNode up = (ObjectNode) post(http, base, "/api/datasets" + uploadQuery, file);
    String dataset = up.path("dataset_id").asText();
    post(http, base, "/api/datasets/" + dataset + "/future?horizon=" + horizon, future);
    ObjectNode job = JSON.createObjectNode();
    job.put("dataset_id", dataset);
    job.put("horizon", horizon);
    if (models != null && !models.isEmpty()) {
      ArrayNode m = job.putArray("models");
      models.stream().flatMap(n -> ModelRegistry.splitNames(n).stream()).forEach(m::add);
    }
    for (String[] f :
        new String[][] {
          {"preset", preset}, {"metric", metric}, {"reason", reason}, {"holidays", holidays}
        }) {
      if (f[1] != null) {
        job.put(f[0], f[1]);
      }
    }
    if (level != null) {
      ArrayNode l = job.putArray("level");
      for (String v : level.split(",")) {
        l.add(Double.parseDouble(v.strip()));
      }
    }
    HttpRequest req =
        HttpRequest.newBuilder(URI.create(base + "/api/jobs"))
            .header("Content-Type", "application/json")
            .header("Authorization", bearer())
            .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(job)))
            .build();
    HttpResponse<String> res = http.send(req, HttpResponse.BodyHandlers.ofString());
    JsonNode created = JSON.readTree(res.body());
    if (res.statusCode() != 201 && res.statusCode() != 202) {
      throw new Refused(res.statusCode(), "", created, res.body());
    }
    up.set("batch_id", created.path("batch_id"));
    up.set("job_ids", created.path("job_ids"));
    return up;
  }

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (!Files.isReadable(file)) {
      err.println("gridcast submit: cannot read " + file);
      return 2;
    }
    if (output != null && !waitForJobs) {
      err.println(
          "gridcast submit: --output needs --wait (forecasts exist once the jobs finished)");
      return 2;
    }
    // with the CSV on standard output, every other line goes to standard error
    PrintWriter info = "-".equals(output) ? err : out;
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    URI base = URI.create(server.endsWith("/") ? server.substring(0, server.length() - 1) : server);
    BatchEvents follower = null;
    if (waitForJobs) {
      follower = new BatchEvents(http, base, bearer());
      if (!follower.connect()) {
        err.println("gridcast submit: cannot reach " + base + "/api/events");
        return 3;
      }
    }
    if (future != null && !Files.isReadable(future)) {
      err.println("gridcast submit: cannot read " + future);
      return 2;
    }
    StringBuilder q = new StringBuilder("?optimize=true&horizon=").append(horizon);
    if (models != null && !models.isEmpty()) {
      q.append("&models=").append(enc(String.join(",", models)));
    }
    if (preset != null) {
      q.append("&preset=").append(enc(preset));
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
      {"date_format", dateFormat},
      {"hierarchy", hierarchy},
      {"reconciliation", reconciliation}
    };
    for (String[] option : axis) {
      if (option[1] != null) {
        q.append('&').append(option[0]).append('=').append(enc(option[1]));
      }
    }
    q.append("&name=").append(enc(file.getFileName().toString()));
    if (covariates != null) {
      q.append("&covariates=").append(enc(covariates));
    }
    if (holidays != null) {
      q.append("&holidays=").append(enc(holidays));
    }
    JsonNode body;
    try {
      body =
          future == null ? post(http, base, "/api/datasets" + q, file) : withFuture(http, base, q);
    } catch (IOException e) {
      err.println("gridcast submit: cannot reach " + base + ": " + e.getMessage());
      return 3;
    } catch (Refused r) {
      err.println("gridcast submit: " + r.getMessage());
      return 2;
    }
    String batch = body.path("batch_id").asText();
    int total = body.path("job_ids").size();
    String dataset = body.path("dataset_id").asText();
    info.println(
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
    info.flush();
    if (!waitForJobs) {
      return 0;
    }
    Set<String> ids = new HashSet<>();
    body.path("job_ids").forEach(n -> ids.add(n.asText()));
    BatchEvents.Tally t;
    try (ProgressDisplay progress = ProgressDisplay.forJobs(total, System.err)) {
      t = follower.await(ids, progress);
    }
    if (output != null) {
      try {
        download(http, base, dataset, out, hierarchy != null && !"none".equals(reconciliation));
      } catch (IOException e) {
        err.println(
            "gridcast submit: cannot write the forecasts to " + output + ": " + e.getMessage());
        return 3;
      }
    }
    int bad = t.failed() + t.cancelled();
    if (bad == 0) {
      err.println(
          "all "
              + total
              + " jobs completed"
              + (output == null || output.equals("-") ? "" : "; forecasts written to " + output));
      err.flush();
      return 0;
    }
    err.println(
        "gridcast submit: "
            + bad
            + " of "
            + total
            + " jobs did not complete ("
            + t.failed()
            + " failed, "
            + t.cancelled()
            + " cancelled)"
            + (output == null ? "" : "; the forecasts of the others are in " + output)
            + ". Why: GET "
            + base
            + "/api/jobs/status?batch="
            + batch
            + "&status=failed,cancelled (each job's error); run them again: POST "
            + base
            + "/api/jobs/retry?batch="
            + batch);
    err.flush();
    return 1;
  }

  /**
   * The dataset's forecasts CSV to {@link #output}, streamed: with a hierarchy its reconciliation
   * ({@code unique_id,level,ds,base,y_hat,...}).
   */
  private void download(
      HttpClient http, URI base, String dataset, PrintWriter out, boolean reconciled)
      throws IOException, InterruptedException {
    String what = reconciled ? "/reconciliation?format=csv" : "/forecasts?format=csv";
    HttpRequest get =
        HttpRequest.newBuilder(URI.create(base + "/api/datasets/" + dataset + what))
            .header("Accept", "text/csv")
            .header("Authorization", bearer())
            .GET()
            .build();
    HttpResponse<InputStream> res = http.send(get, HttpResponse.BodyHandlers.ofInputStream());
    try (InputStream in = res.body()) {
      if (res.statusCode() != 200) {
        throw new IOException(
            "the server answered "
                + res.statusCode()
                + ": "
                + new String(in.readAllBytes(), StandardCharsets.UTF_8));
      }
      if (output.equals("-")) {
        new InputStreamReader(in, StandardCharsets.UTF_8).transferTo(out);
        out.flush();
      } else {
        Path target = Path.of(output);
        Path part = target.resolveSibling(target.getFileName() + ".part");
        Files.copy(in, part, StandardCopyOption.REPLACE_EXISTING);
        Files.move(part, target, StandardCopyOption.REPLACE_EXISTING);
      }
    }
  }

  private String bearer() {
    return "Bearer " + (token == null ? "" : token.strip());
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
