package io.gridcast.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.gridcast.server.app.GridcastServer;
import io.gridcast.server.config.Role;
import io.gridcast.server.dataset.CovariateJobContract;
import io.gridcast.server.dataset.CovariateUploadContract;
import io.gridcast.server.it.Http;
import io.gridcast.server.it.TestDatabases;
import io.gridcast.server.it.TestServers;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --future FILE} of {@code optimize} (local) and {@code submit} (a running server): the
 * covariates of the input's extra columns are used with their future values, and a missing or bad
 * future file is a usage error naming what is wrong.
 */
class CovariateCommandsTest {
  private static final int HORIZON = 6;

  @TempDir Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return GridcastCli.run(new PrintWriter(out), new PrintWriter(err), args);
  }

  private Path history() throws IOException {
    return Files.writeString(dir.resolve("history.csv"), CovariateJobContract.history());
  }

  private Path future(int months) throws IOException {
    return Files.writeString(
        dir.resolve("future.csv"),
        CovariateUploadContract.future(1, 48, 48 + months).replace("SKU0,", "A,"));
  }

  @Test
  void optimizeWithFuture_forecastsWithTheCovariates() throws IOException {
    Path outFile = dir.resolve("out.csv");
    int code =
        run(
            "optimize",
            "--input",
            history().toString(),
            "--future",
            future(HORIZON).toString(),
            "--horizon",
            "" + HORIZON,
            "--models",
            "arima_x",
            "--output",
            outFile.toString());
    assertThat(code).as(err.toString()).isZero();
    List<String> lines = Files.readAllLines(outFile);
    assertThat(lines).hasSize(1 + HORIZON);
    assertThat(lines.get(1)).startsWith("A," + CovariateUploadContract.month(48) + ",arima_x,");
    // the promotion in the second future month lifts it by about its coefficient (25)
    double first = Double.parseDouble(lines.get(1).split(",")[3]);
    double second = Double.parseDouble(lines.get(2).split(",")[3]);
    assertThat(second - first).isBetween(15.0, 35.0);
  }

  @Test
  void optimizeWithCovariatesButNoFuture_exitsTwo_namingThemAndTheWayOut() throws IOException {
    int code =
        run(
            "optimize",
            "--input",
            history().toString(),
            "--horizon",
            "3",
            "--output",
            dir.resolve("out.csv").toString());
    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("[price, promo]", "--future", "--covariates none");
  }

  @Test
  void optimizeWithAShortFuture_exitsTwo_namingTheSkuAndTheMissingStamps() throws IOException {
    int code =
        run(
            "optimize",
            "--input",
            history().toString(),
            "--future",
            future(2).toString(),
            "--horizon",
            "3",
            "--output",
            dir.resolve("out.csv").toString());
    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("'A'", CovariateUploadContract.month(50));
  }

  @Test
  void submitWithFuture_uploadsBoth_andTheJobsReportTheCoefficients() throws Exception {
    try (GridcastServer server = TestServers.start(Role.SERVE, TestDatabases.sqlite(), 2)) {
      Http http = TestServers.client(server);
      int code =
          run(
              "submit",
              history().toString(),
              "--future",
              future(HORIZON).toString(),
              "--server",
              server.url(),
              "--token",
              http.token(),
              "--horizon",
              "" + HORIZON,
              "--models",
              "arima_x",
              "--wait");
      assertThat(code).as(err.toString()).isZero();
      assertThat(err.toString()).contains("all 1 jobs completed");
      JsonNode datasets = http.get("/api/datasets").json().path("datasets");
      String id = datasets.get(0).path("id").asText();
      assertThat(http.get("/api/datasets/" + id).json().path("future_horizon").asInt())
          .isEqualTo(HORIZON);
      JsonNode f = http.get("/api/datasets/" + id + "/forecasts?sku=A").json();
      assertThat(f.path("forecasts").get(0).path("covariates").path("price").asDouble())
          .isBetween(-4.5, -3.5);
    }
  }

  @Test
  void submitWithAFutureMissingAStamp_exitsTwo_withTheServersMessage() throws Exception {
    try (GridcastServer server = TestServers.start(Role.API, TestDatabases.sqlite(), 1)) {
      Http http = TestServers.client(server);
      int code =
          run(
              "submit",
              history().toString(),
              "--future",
              future(2).toString(),
              "--server",
              server.url(),
              "--token",
              http.token(),
              "--horizon",
              "3");
      assertThat(code).isEqualTo(2);
      assertThat(err.toString()).contains("future.csv", "'A'", CovariateUploadContract.month(50));
    }
  }
}
