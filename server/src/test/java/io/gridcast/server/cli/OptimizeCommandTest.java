package io.gridcast.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OptimizeCommandTest {
  @TempDir Path dir;
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return GridcastCli.run(new PrintWriter(new StringWriter()), new PrintWriter(err), args);
  }

  private Path csv(String text) throws IOException {
    return Files.writeString(dir.resolve("in.csv"), text);
  }

  @Test
  void writesOneRowPerSeriesAndStep_continuingDatesAndIndices_inInputOrder() throws IOException {
    Path in =
        csv(
            """
            unique_id,ds,y
            b,1,5
            b,2,6
            b,3,7
            a,2020-11-01,10
            a,2020-12-01,11
            a,2021-01-01,12
            a,2021-02-01,13
            """);
    Path out = dir.resolve("out.csv");
    int code =
        run(
            "optimize",
            "--input",
            in.toString(),
            "--horizon",
            "2",
            "--models",
            "naive",
            "--output",
            out.toString());

    assertThat(code).as(err.toString()).isZero();
    List<String> lines = Files.readAllLines(out);
    assertThat(lines).hasSize(5);
    assertThat(lines.get(0))
        .isEqualTo("unique_id,ds,model,y_hat,lo_80,hi_80,lo_95,hi_95,frequency,fallback");
    assertThat(lines.get(1)).startsWith("b,4,naive,7,").endsWith(",index,");
    assertThat(lines.get(3)).endsWith(",MS,");
    assertThat(lines.get(2)).startsWith("b,5,naive,7,");
    assertThat(lines.get(3)).startsWith("a,2021-03-01,naive,13,");
    assertThat(lines.get(4)).startsWith("a,2021-04-01,naive,13,");
    String[] f = lines.get(4).split(",");
    assertThat(Double.parseDouble(f[6])).isLessThan(Double.parseDouble(f[4]));
    assertThat(Double.parseDouble(f[7])).isGreaterThan(Double.parseDouble(f[5]));
    assertThat(err.toString()).contains("2 series").contains("series/s");
    assertThat(err.toString()).as("no progress bar on a pipe").doesNotContain("ETA", "%");
  }

  @Test
  void badNumber_exitsWith2_namingTheLineAndProblem() throws IOException {
    Path in = csv("unique_id,ds,y\na,1,1\na,2,x1\n");
    int code =
        run(
            "optimize",
            "--input",
            in.toString(),
            "--horizon",
            "2",
            "--output",
            dir.resolve("o.csv").toString());
    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("line 3, column y: bad number 'x1'");
  }

  @Test
  void unknownModel_exitsWith2_listingTheKnownOnes() throws IOException {
    Path in = csv("unique_id,ds,y\na,1,1\na,2,2\n");
    int code =
        run(
            "optimize",
            "--input",
            in.toString(),
            "--horizon",
            "2",
            "--models",
            "naive,prophet",
            "--output",
            dir.resolve("o.csv").toString());
    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("unknown model 'prophet'; known models: naive");
  }

  @Test
  void accuratePreset_searchesArimaAndItsCombinations_andAnUnknownPresetExitsWith2()
      throws IOException {
    StringBuilder text = new StringBuilder("unique_id,ds,y\n");
    for (int t = 0; t < 48; t++) {
      text.append("a,").append(t + 1).append(',').append(100 + t + 10 * Math.sin(t)).append('\n');
    }
    Path in = csv(text.toString());
    Path out = dir.resolve("o.csv");
    int code =
        run(
            "optimize",
            "--input",
            in.toString(),
            "--horizon",
            "3",
            "--preset",
            "accurate",
            "--output",
            out.toString());
    assertThat(code).as(err.toString()).isZero();
    assertThat(Files.readAllLines(out)).hasSize(4);

    assertThat(
            run(
                "optimize",
                "--input",
                in.toString(),
                "--horizon",
                "3",
                "--preset",
                "fastest",
                "--output",
                out.toString()))
        .isEqualTo(2);
    assertThat(err.toString())
        .contains("unknown preset 'fastest'; known presets: default, accurate");
    assertThat(
            run(
                "optimize",
                "--input",
                in.toString(),
                "--horizon",
                "3",
                "--preset",
                "accurate",
                "--models",
                "naive",
                "--output",
                out.toString()))
        .isEqualTo(2);
    assertThat(err.toString()).contains("--models and --preset exclude each other");
  }

  @Test
  void medianModels_keepTheirCommas() throws IOException {
    Path in = csv("unique_id,ds,y\na,1,1\na,2,3\na,3,2\na,4,4\na,5,5\na,6,4\n");
    Path out = dir.resolve("o.csv");
    int code =
        run(
            "optimize",
            "--input",
            in.toString(),
            "--horizon",
            "2",
            "--models",
            "median(naive,mean,drift),naive",
            "--output",
            out.toString());
    assertThat(code).as(err.toString()).isZero();
    assertThat(Files.readAllLines(out)).hasSize(3);
  }

  @Test
  void missingInputAndBadFolds_exitWith2() {
    assertThat(
            run(
                "optimize",
                "--input",
                dir.resolve("none.csv").toString(),
                "--horizon",
                "2",
                "--output",
                dir.resolve("o.csv").toString()))
        .isEqualTo(2);
    assertThat(err.toString()).contains("not found");
    assertThat(run("optimize", "--input", "x", "--horizon", "2", "--folds", "0", "--output", "o"))
        .isEqualTo(2);
    assertThat(err.toString()).contains("folds must be >= 1, got 0");
  }

  @Test
  void bundledExample_runs() throws IOException {
    Path example = Path.of("..", "examples", "demand.csv");
    Path out = dir.resolve("f.csv");
    assertThat(
            run(
                "optimize",
                "--input",
                example.toString(),
                "--horizon",
                "12",
                "--output",
                out.toString()))
        .as(err.toString())
        .isZero();
    List<String> lines = Files.readAllLines(out);
    assertThat(lines).hasSize(1 + 5 * 12);
    assertThat(lines).filteredOn(l -> l.startsWith("SKU-1005-spare-pump,2025-01-01,")).hasSize(1);
    // history is non-negative: no negative bound anywhere
    assertThat(lines.subList(1, lines.size()))
        .allSatisfy(l -> assertThat(l.split(",")[6]).doesNotStartWith("-"));
  }
}
