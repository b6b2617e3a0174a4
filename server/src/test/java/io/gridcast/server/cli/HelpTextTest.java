package io.gridcast.server.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Picocli formats every description with {@code String.format}: a bare {@code %} (as in "80%")
 * makes it print a warning and the raw text. Every command's and option's text must format.
 */
class HelpTextTest {
  @Test
  void everyDescription_formats_soHelpPrintsNoWarning() {
    List<String> texts = new ArrayList<>();
    collect(GridcastCli.commandLine().getCommandSpec(), texts);
    assertThat(texts).hasSizeGreaterThan(20);
    for (String t : texts) {
      assertThatCode(() -> String.format(Locale.ROOT, t)).as(t).doesNotThrowAnyException();
    }
  }

  @Test
  void optimizeHelp_saysItsIntervalsPlainly() {
    StringWriter out = new StringWriter();
    int code = GridcastCli.run(new PrintWriter(out), new PrintWriter(new StringWriter()), "--help");
    assertThat(code).isZero();
    assertThat(out.toString())
        .containsPattern("forecasts with\\s+prediction intervals")
        .doesNotContain("%%");
  }

  private static void collect(CommandSpec spec, List<String> texts) {
    texts.addAll(List.of(spec.usageMessage().description()));
    for (OptionSpec o : spec.options()) {
      texts.addAll(List.of(o.description()));
    }
    for (CommandLine sub : spec.subcommands().values()) {
      collect(sub.getCommandSpec(), texts);
    }
  }
}
