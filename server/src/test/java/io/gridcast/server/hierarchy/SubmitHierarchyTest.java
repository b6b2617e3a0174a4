package io.gridcast.server.hierarchy;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridcast.server.app.GridcastServer;
import io.gridcast.server.cli.GridcastCli;
import io.gridcast.server.config.Role;
import io.gridcast.server.it.Http;
import io.gridcast.server.it.TestDatabases;
import io.gridcast.server.it.TestServers;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code gridcast submit --hierarchy} against a real server. */
class SubmitHierarchyTest {
  @TempDir Path dir;

  @Test
  void submitWithHierarchy_waitsForTheReconciliation_andWritesItsCsvWithTheLevel()
      throws Exception {
    try (GridcastServer server = TestServers.start(Role.SERVE, TestDatabases.sqlite(), 2)) {
      Http http = TestServers.client(server);
      Path file = dir.resolve("tourism.csv");
      Files.writeString(file, HierarchyFixture.csv());
      Path csv = dir.resolve("reconciled.csv");
      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();
      CommandLine cli = GridcastCli.commandLine();
      cli.setOut(new PrintWriter(out, true));
      cli.setErr(new PrintWriter(err, true));
      int code =
          cli.execute(
              "submit",
              file.toString(),
              "--server",
              server.url(),
              "--token",
              http.token(),
              "--horizon",
              "3",
              "--models",
              "snaive,theta",
              "--hierarchy",
              HierarchyFixture.DECLARATION,
              "--reconciliation",
              "ols",
              "--wait",
              "--output",
              csv.toString());
      assertThat(code).as(err.toString()).isZero();
      assertThat(out.toString())
          .contains(HierarchyFixture.NODES + " series")
          .contains((HierarchyFixture.NODES + 1) + " jobs");
      List<String> lines = Files.readAllLines(csv);
      assertThat(lines.get(0)).isEqualTo("unique_id,level,ds,base,y_hat,lo_80,hi_80,lo_95,hi_95");
      assertThat(lines).hasSize(1 + HierarchyFixture.NODES * 3);
      assertThat(lines.get(1)).startsWith("total,total,2023-01-01,");
    }
  }
}
