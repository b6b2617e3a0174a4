package io.gridcast.server.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.gridcast.server.app.GridcastServer;
import io.gridcast.server.config.Role;
import io.gridcast.server.it.Http;
import io.gridcast.server.it.TestDatabases;
import io.gridcast.server.it.TestServers;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class SubmitCommandTest {
  @TempDir Path dir;

  private int run(StringWriter out, StringWriter err, String... args) {
    CommandLine cl = GridcastCli.commandLine();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    return cl.execute(args);
  }

  @Test
  void submitWithWait_uploadsFollowsTheStream_andExitsZeroWhenAllCompleted() throws Exception {
    try (GridcastServer server = TestServers.start(Role.SERVE, TestDatabases.sqlite(), 2)) {
      Http http = TestServers.client(server);
      Path file = dir.resolve("demand.csv");
      Files.writeString(file, TestServers.monthlyCsv(3, 30, 1.0));
      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();
      int code =
          run(
              out,
              err,
              "submit",
              file.toString(),
              "--server",
              server.url(),
              "--token",
              http.token(),
              "--horizon",
              "4",
              "--wait");
      assertThat(code).as(err.toString()).isZero();
      assertThat(out.toString()).contains("3 series (MS, 0 values filled), 3 jobs");
      assertThat(err.toString()).contains("all 3 jobs completed");
      assertThat(http.get("/api/jobs/status").json().path("summary").path("completed").asLong())
          .isEqualTo(3);
    }
  }

  @Test
  void submitWithWaitAndOutput_writesTheBatchsForecastsCsv_toAFileOrStandardOutput()
      throws Exception {
    try (GridcastServer server = TestServers.start(Role.SERVE, TestDatabases.sqlite(), 2)) {
      Http http = TestServers.client(server);
      Path file = dir.resolve("demand.csv");
      Files.writeString(file, TestServers.monthlyCsv(3, 30, 1.0));
      Path csv = dir.resolve("out").resolve("forecasts.csv");
      Files.createDirectories(csv.getParent());
      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();
      String[] common = {
        "submit",
        file.toString(),
        "--server",
        server.url(),
        "--token",
        http.token(),
        "--horizon",
        "4",
        "--wait",
        "--output"
      };
      int code = run(out, err, concat(common, csv.toString()));
      assertThat(code).as(err.toString()).isZero();
      assertThat(err.toString()).contains("all 3 jobs completed; forecasts written to " + csv);
      List<String> lines = Files.readAllLines(csv);
      assertThat(lines.get(0)).startsWith("unique_id,ds,model,y_hat,lo_80,hi_80,lo_95,hi_95");
      assertThat(lines).hasSize(1 + 3 * 4);
      assertThat(lines.subList(1, lines.size()))
          .extracting(l -> l.split(",")[0])
          .containsOnly("SKU0", "SKU1", "SKU2");
      assertThat(Files.list(csv.getParent())).containsExactly(csv);

      StringWriter stdout = new StringWriter();
      StringWriter stderr = new StringWriter();
      assertThat(run(stdout, stderr, concat(common, "-"))).as(stderr.toString()).isZero();
      assertThat(stdout.toString().lines().toList())
          .as("standard output holds the CSV and nothing else")
          .hasSize(1 + 3 * 4)
          .first()
          .isEqualTo(lines.get(0));
      assertThat(stderr.toString()).contains(", 3 jobs, batch ").contains("all 3 jobs completed");
    }
  }

  @Test
  void submitWithWait_whenJobsDoNotComplete_exitsOne_sayingHowManyAndWhereToLook()
      throws Exception {
    try (GridcastServer server = TestServers.start(Role.API, TestDatabases.sqlite(), 1)) {
      Http http = TestServers.client(server);
      Path file = dir.resolve("demand.csv");
      Files.writeString(file, TestServers.monthlyCsv(2, 30, 1.0));
      Path csv = dir.resolve("forecasts.csv");
      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();
      CompletableFuture<Integer> exit =
          CompletableFuture.supplyAsync(() ->
              run(
                  out,
                  err,
                  "submit",
                  file.toString(),
                  "--server",
                  server.url(),
                  "--token",
                  http.token(),
                  "--wait",
                  "--output",
                  csv.toString()));
      // no worker runs in an API process: the jobs wait until the test cancels them
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () -> http.get("/api/jobs/status").json().path("summary").path("pending").asLong(),
              n -> n == 2);
      String batch =
          http.get("/api/jobs/status").json().path("jobs").get(0).path("batch_id").asText();
      assertThat(http.delete("/api/jobs?status=pending").status()).isEqualTo(200);

      assertThat(exit.get(30, TimeUnit.SECONDS)).as(err.toString()).isEqualTo(1);
      assertThat(err.toString())
          .contains("2 of 2 jobs did not complete (0 failed, 2 cancelled)")
          .contains("/api/jobs/status?batch=" + batch + "&status=failed,cancelled")
          .contains("POST " + server.url() + "/api/jobs/retry?batch=" + batch);
      assertThat(Files.readAllLines(csv)).as("the header, no forecasts").hasSize(1);
    }
  }

  @Test
  void submitWithOutput_withoutWait_isAUsageError() throws Exception {
    Path file = dir.resolve("demand.csv");
    Files.writeString(file, TestServers.monthlyCsv(1, 12, 1.0));
    StringWriter err = new StringWriter();
    int code = run(new StringWriter(), err, "submit", file.toString(), "--output", "x.csv");
    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("--output needs --wait");
  }

  private static String[] concat(String[] head, String last) {
    String[] all = Arrays.copyOf(head, head.length + 1);
    all[head.length] = last;
    return all;
  }

  @Test
  void submitOfABadFile_exitsTwo_withTheServersMessage() throws Exception {
    try (GridcastServer server = TestServers.start(Role.API, TestDatabases.sqlite(), 1)) {
      Path file = dir.resolve("bad.csv");
      Files.writeString(file, "unique_id,ds,y\nA,1,abc\n");
      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();
      int code =
          run(
              out,
              err,
              "submit",
              file.toString(),
              "--server",
              server.url(),
              "--token",
              TestServers.client(server).token());
      assertThat(code).isEqualTo(2);
      assertThat(err.toString()).contains("422").contains("line 2").contains("abc");
    }
  }

  @Test
  void submitWithAnUnknownPreset_exitsTwo_withTheServersMessageNamingTheKnownOnes()
      throws Exception {
    try (GridcastServer server = TestServers.start(Role.API, TestDatabases.sqlite(), 1)) {
      Path file = dir.resolve("demand.csv");
      Files.writeString(file, TestServers.monthlyCsv(1, 24, 1.0));
      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();
      int code =
          run(
              out,
              err,
              "submit",
              file.toString(),
              "--server",
              server.url(),
              "--token",
              TestServers.client(server).token(),
              "--preset",
              "fastest");
      assertThat(code).isEqualTo(2);
      assertThat(err.toString())
          .contains("422")
          .contains("unknown preset 'fastest'; known presets: default, accurate");
    }
  }

  @Test
  void submitToNoServer_exitsThree() throws Exception {
    Path file = dir.resolve("demand.csv");
    Files.writeString(file, TestServers.monthlyCsv(1, 12, 1.0));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = run(out, err, "submit", file.toString(), "--server", "http://127.0.0.1:1");
    assertThat(code).isEqualTo(3);
  }
}
