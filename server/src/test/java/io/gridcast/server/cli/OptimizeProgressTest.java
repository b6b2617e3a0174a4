package io.gridcast.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gridcast optimize}'s progress bar in a real process: on a terminal (a pseudo-terminal made
 * by util-linux {@code script}) it draws done/total and the elapsed and remaining time; with its
 * standard output on a pipe it draws nothing.
 */
class OptimizeProgressTest {
  /** A bar's times: {@code (0:00:01 / 0:00:03)}, elapsed and then the time left. */
  private static final String TIMES = "\\(\\d+:\\d{2}:\\d{2} / \\d+:\\d{2}:\\d{2}\\)";

  @TempDir Path dir;

  private Path input() throws IOException {
    StringBuilder csv = new StringBuilder("unique_id,ds,y\n");
    for (int s = 0; s < 40; s++) {
      for (int t = 0; t < 36; t++) {
        csv.append("S").append(s).append(',').append(t + 1).append(',');
        csv.append(100 + s + 10 * Math.sin(t / 2.0)).append('\n');
      }
    }
    return Files.writeString(dir.resolve("in.csv"), csv);
  }

  private String java(Path in, Path out) {
    String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return String.join(
        " ",
        List.of(
            javaBin,
            "-cp",
            "'" + System.getProperty("java.class.path") + "'",
            GridcastCli.class.getName(),
            "optimize",
            "--input",
            in.toString(),
            "--horizon",
            "3",
            "--output",
            out.toString()));
  }

  private static String runShell(List<String> command, Path log) throws Exception {
    Process p =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
            .start();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("finished in time").isTrue();
    String text = Files.readString(log, StandardCharsets.UTF_8);
    assertThat(p.exitValue()).as(text).isZero();
    return text;
  }

  @Test
  void onATerminal_optimizeDrawsABarWithTheTimeLeft() throws Exception {
    Path in = input();
    Path out = dir.resolve("out.csv");
    String screen =
        runShell(
            List.of("script", "-qec", java(in, out), "/dev/null"), dir.resolve("terminal.log"));
    assertThat(screen).containsPattern("optimize +\\d+%").contains("40/40").containsPattern(TIMES);
    assertThat(Files.readAllLines(out)).hasSize(1 + 40 * 3);
  }

  @Test
  void onAPipe_optimizeDrawsNoBar() throws Exception {
    Path in = input();
    Path out = dir.resolve("out.csv");
    String text = runShell(List.of("sh", "-c", java(in, out) + " | cat"), dir.resolve("pipe.log"));
    assertThat(text).doesNotContainPattern(TIMES).doesNotContain("40/40");
    assertThat(text).contains("gridcast optimize: 40 series");
    assertThat(Files.readAllLines(out)).hasSize(1 + 40 * 3);
  }
}
