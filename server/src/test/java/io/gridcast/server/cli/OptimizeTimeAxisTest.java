package io.gridcast.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gridcast optimize} with the time-axis options: frequencies inferred and set, future dates
 * on the calendar, gaps refused or filled, levels, labels with commas, standard output.
 */
class OptimizeTimeAxisTest {
  @TempDir Path dir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return GridcastCli.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
  }

  /**
   * Runs optimize over {@code csv} to standard output (naive and horizon 2 unless {@code extra}
   * names models or a horizon); returns its lines.
   */
  private List<String> forecast(String csv, String... extra) throws IOException {
    Path in = Files.writeString(dir.resolve("in.csv"), csv);
    List<String> args =
        new ArrayList<>(List.of("optimize", "--input", in.toString(), "--output", "-"));
    args.addAll(Arrays.asList(extra));
    if (!args.contains("--models")) {
      args.addAll(List.of("--models", "naive"));
    }
    if (!args.contains("--horizon")) {
      args.addAll(List.of("--horizon", "2"));
    }
    out.getBuffer().setLength(0);
    assertThat(run(args.toArray(String[]::new))).as(err.toString()).isZero();
    return out.toString().lines().toList();
  }

  private static List<String> column(List<String> lines, int index) {
    return lines.stream().skip(1).map(l -> l.split(",")[index]).toList();
  }

  @Test
  void monthEnds_continueOnMonthEnds_throughALeapFebruary() throws IOException {
    List<String> lines =
        forecast("unique_id,ds,y\nA,2023-11-30,1\nA,2023-12-31,2\nA,2024-01-31,3\n");
    assertThat(column(lines, 1)).containsExactly("2024-02-29", "2024-03-31");
    assertThat(column(lines, lines.get(0).split(",").length - 2)).containsOnly("ME");
  }

  @Test
  void businessDays_skipTheWeekend() throws IOException {
    // Wednesday 2024-03-06 .. Friday 2024-03-08, after a Monday-Tuesday week start
    List<String> lines =
        forecast(
            "unique_id,ds,y\nA,2024-03-04,1\nA,2024-03-05,2\nA,2024-03-06,3\nA,2024-03-07,4\n"
                + "A,2024-03-08,5\nA,2024-03-11,6\n",
            "--horizon",
            "5");
    assertThat(column(lines, 1))
        .containsExactly("2024-03-12", "2024-03-13", "2024-03-14", "2024-03-15", "2024-03-18");
    assertThat(lines.get(1)).endsWith(",B,");
  }

  @Test
  void weeklyData_keepsItsWeekday_andAnExplicitFrequencyIsNamed() throws IOException {
    List<String> lines =
        forecast(
            "unique_id,ds,y\nA,2024-02-20,1\nA,2024-02-27,2\nA,2024-03-05,3\n", "--freq", "W-TUE");
    assertThat(column(lines, 1)).containsExactly("2024-03-12", "2024-03-19");
    assertThat(lines.get(1)).endsWith(",W-TUE,");
  }

  @Test
  void hourlyTimestamps_continueHourly_writtenBackAsTheyCame() throws IOException {
    List<String> lines =
        forecast(
            "unique_id,ds,y\nA,2024-01-01 22:00:00,1\nA,2024-01-01 23:00:00,2\n"
                + "A,2024-01-02 00:00:00,3\n");
    assertThat(column(lines, 1)).containsExactly("2024-01-02 01:00:00", "2024-01-02 02:00:00");
    assertThat(lines.get(1)).endsWith(",h,");
  }

  @Test
  void offsets_areNormalisedToUtc_withZ() throws IOException {
    List<String> lines =
        forecast(
            "unique_id,ds,y\nA,2024-01-01T10:00+02:00,1\nA,2024-01-01T11:00+02:00,2\n"
                + "A,2024-01-01T12:00+02:00,3\n");
    assertThat(column(lines, 1)).containsExactly("2024-01-01T11:00Z", "2024-01-01T12:00Z");
  }

  @Test
  void aGap_isRefusedByDefault_namingTheMissingStamp_andEachFillFillsIt() throws IOException {
    Path in =
        Files.writeString(
            dir.resolve("gap.csv"),
            "unique_id,ds,y\nA,2024-01-01,1\nA,2024-02-01,2\nA,2024-04-01,3\n");
    int code = run("optimize", "--input", in.toString(), "--horizon", "1", "--output", "-");
    assertThat(code).isEqualTo(2);
    assertThat(err.toString())
        .contains("line 4, column ds")
        .contains("series 'A' misses 1 value (2024-03-01)");
    for (String fill : List.of("zero", "previous", "linear")) {
      out.getBuffer().setLength(0);
      assertThat(
              run(
                  "optimize",
                  "--input",
                  in.toString(),
                  "--horizon",
                  "1",
                  "--models",
                  "naive",
                  "--fill",
                  fill,
                  "--output",
                  "-"))
          .as(fill + ": " + err)
          .isZero();
      assertThat(out.toString()).contains("A,2024-05-01,naive,3,");
    }
  }

  @Test
  void aDuplicateStamp_isRefused_namingBothLines() throws IOException {
    Path in =
        Files.writeString(
            dir.resolve("dup.csv"), "unique_id,ds,y\nA,2024-01-01,1\nA,2024-01-01,2\n");
    assertThat(run("optimize", "--input", in.toString(), "--horizon", "1", "--output", "-"))
        .isEqualTo(2);
    assertThat(err.toString()).contains("line 3, column ds: duplicate ds '2024-01-01'");
  }

  @Test
  void requestedLevels_giveTheirColumns_ascending() throws IOException {
    List<String> lines =
        forecast("unique_id,ds,y\nA,1,1\nA,2,3\nA,3,2\nA,4,4\n", "--level", "99,50");
    assertThat(lines.get(0))
        .isEqualTo("unique_id,ds,model,y_hat,lo_50,hi_50,lo_99,hi_99,frequency,fallback");
    String[] f = lines.get(1).split(",");
    assertThat(Double.parseDouble(f[6])).isLessThan(Double.parseDouble(f[4]));
  }

  @Test
  void aBadLevel_orFill_exitsWith2_namingTheOption() throws IOException {
    Path in = Files.writeString(dir.resolve("a.csv"), "unique_id,ds,y\nA,1,1\nA,2,2\n");
    assertThat(
            run(
                "optimize",
                "--input",
                in.toString(),
                "--horizon",
                "1",
                "--level",
                "120",
                "--output",
                "-"))
        .isEqualTo(2);
    assertThat(err.toString()).contains("levels each must be in (0, 100), got 120.0");
    assertThat(
            run(
                "optimize",
                "--input",
                in.toString(),
                "--horizon",
                "1",
                "--fill",
                "mean",
                "--output",
                "-"))
        .isEqualTo(2);
    assertThat(err.toString()).contains("--fill: unknown fill 'mean'");
  }

  @Test
  void labelsWithACommaInTheirDateFormat_areQuoted() throws IOException {
    List<String> lines =
        forecast(
            "unique_id,ds,y\nA,\"Jan 30, 2024\",1\nA,\"Jan 31, 2024\",2\n",
            "--date-format",
            "MMM d, yyyy");
    assertThat(lines.get(1)).startsWith("A,\"Feb 1, 2024\",naive,2,");
    assertThat(lines.get(2)).startsWith("A,\"Feb 2, 2024\",naive,2,");
  }

  @Test
  void aSeasonalityOverride_reachesTheModels() throws IOException {
    StringBuilder csv = new StringBuilder("unique_id,ds,y\n");
    for (int t = 0; t < 24; t++) {
      csv.append("A,").append(t + 1).append(',').append(t % 4 == 0 ? 10 : 1).append('\n');
    }
    List<String> lines =
        forecast(csv.toString(), "--seasonality", "4", "--models", "snaive", "--horizon", "4");
    assertThat(column(lines, 3)).containsExactly("10", "1", "1", "1");
    List<String> none =
        forecast(csv.toString(), "--seasonality", "none", "--models", "snaive", "--horizon", "4");
    assertThat(column(none, 3)).as("snaive without a season is naive").containsOnly("1");
  }
}
