package io.gridcast.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridcast.server.app.GridcastServer;
import io.gridcast.server.config.Role;
import io.gridcast.server.it.Http;
import io.gridcast.server.it.TestDatabases;
import io.gridcast.server.it.TestServers;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
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
      assertThat(err.toString()).contains("3/3 jobs 100%").contains("all 3 jobs completed");
      assertThat(http.get("/api/jobs/status").json().path("summary").path("completed").asLong())
          .isEqualTo(3);
    }
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
  void submitToNoServer_exitsThree() throws Exception {
    Path file = dir.resolve("demand.csv");
    Files.writeString(file, TestServers.monthlyCsv(1, 12, 1.0));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = run(out, err, "submit", file.toString(), "--server", "http://127.0.0.1:1");
    assertThat(code).isEqualTo(3);
  }
}
