package io.gridcast.server.hierarchy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.gridcast.server.cli.GridcastCli;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code gridcast optimize --hierarchy}: every node forecast and reconciled, no server. */
class OptimizeHierarchyTest {
  @TempDir Path dir;

  private int run(StringWriter err, String... args) {
    CommandLine cli = GridcastCli.commandLine();
    cli.setOut(new PrintWriter(new StringWriter(), true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }

  @Test
  void optimizeWithHierarchy_writesEveryNodesReconciledForecast_withItsLevel() throws Exception {
    Path in = dir.resolve("tourism.csv");
    Files.writeString(in, HierarchyFixture.csv());
    Path out = dir.resolve("out.csv");
    StringWriter err = new StringWriter();
    int code =
        run(
            err,
            "optimize",
            "--input",
            in.toString(),
            "--output",
            out.toString(),
            "--horizon",
            "4",
            "--models",
            "snaive,theta",
            "--hierarchy",
            HierarchyFixture.DECLARATION,
            "--reconciliation",
            "wls");
    assertThat(code).as(err.toString()).isZero();
    assertThat(err.toString())
        .contains("36 nodes (10 bottom)")
        .contains("reconciled by wls_structural");
    List<String> lines = Files.readAllLines(out);
    assertThat(lines.get(0))
        .isEqualTo("unique_id,level,ds,model,base,y_hat,lo_80,hi_80,lo_95,hi_95");
    assertThat(lines).hasSize(1 + HierarchyFixture.NODES * 4);
    // the total's reconciled forecast is the sum of the bottom series' (to the 4 decimals written)
    for (int step = 0; step < 4; step++) {
      double total = Double.parseDouble(lines.get(1 + step).split(",")[5]);
      double sum = 0;
      for (String l : lines) {
        String[] f = l.split(",");
        if (f[1].equals("region*purpose") && f[2].equals(lines.get(1 + step).split(",")[2])) {
          sum += Double.parseDouble(f[5]);
        }
      }
      assertThat(total).isCloseTo(sum, within(1e-3));
    }
  }

  @Test
  void optimizeWithKeysThatContradictTheNesting_exitsTwo_namingTheLines() throws Exception {
    Path in = dir.resolve("bad.csv");
    Files.writeString(
        in,
        HierarchyFixture.edited(
            HierarchyFixture.csv(), 386, 433, l -> l.replace("BBAHol,B,", "BBAHol,A,")));
    StringWriter err = new StringWriter();
    int code =
        run(
            err,
            "optimize",
            "--input",
            in.toString(),
            "--output",
            dir.resolve("x.csv").toString(),
            "--horizon",
            "4",
            "--hierarchy",
            HierarchyFixture.DECLARATION);
    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("zone=BB").contains("lines 386 and 434");
    assertThat(dir.resolve("x.csv")).doesNotExist();
  }
}
