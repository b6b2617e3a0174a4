package io.gridcast.server.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridcast.server.config.AlertThresholds;
import io.gridcast.server.config.ConfigException;
import io.gridcast.server.config.DatabaseUrl;
import io.gridcast.server.config.MonitorConfig;
import io.gridcast.server.config.Role;
import io.gridcast.server.config.ServerConfig;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/** How flags, {@code GRIDCAST_*} variables and defaults become one {@link ServerConfig}. */
class ServerOptionsTest {

  private static ServerConfig parse(Map<String, String> env, String... args) {
    ServeCommand command = new ServeCommand();
    new CommandLine(command).setDefaultValueProvider(new EnvironmentDefaults(env)).parseArgs(args);
    return command.options.toConfig(Role.SERVE);
  }

  @Test
  void noFlagsAndNoVariables_giveTheConfigurationsOwnDefaults() {
    ServerConfig c = parse(Map.of());
    assertThat(c)
        .isEqualTo(
            ServerConfig.builder(Role.SERVE)
                .database(DatabaseUrl.sqliteIn(Path.of(ServerConfig.DEFAULT_DATA_DIR)))
                .workers(Runtime.getRuntime().availableProcessors())
                .build());
    assertThat(c.monitor()).isEqualTo(MonitorConfig.DEFAULTS);
  }

  @Test
  void environmentVariables_setTheMonitoringSettings() {
    ServerConfig c =
        parse(
            Map.ofEntries(
                Map.entry("GRIDCAST_MONITOR_INTERVAL_SECONDS", "0.5"),
                Map.entry("GRIDCAST_METRICS_ACCESS", "admin"),
                Map.entry("GRIDCAST_METRICS_PORT", "9101"),
                Map.entry("GRIDCAST_ALERT_CPU_PERCENT", "90"),
                Map.entry("GRIDCAST_ALERT_MEMORY_MB", "512"),
                Map.entry("GRIDCAST_ALERT_OPERATION_MS", "250"),
                Map.entry("GRIDCAST_ALERT_QUEUE_WAIT_MS", "40"),
                Map.entry("GRIDCAST_ALERT_ERROR_RATE_PERCENT", "2.5"),
                Map.entry("GRIDCAST_ALERT_CACHE_HIT_RATE_PERCENT", "70"),
                Map.entry("GRIDCAST_ALERT_CACHE_MIN_LOOKUPS", "300"),
                Map.entry("GRIDCAST_ALERT_CACHE_WINDOW_MINUTES", "15")));
    assertThat(c.monitor())
        .isEqualTo(
            new MonitorConfig(
                Duration.ofMillis(500),
                new AlertThresholds(
                    90,
                    512L * 1024 * 1024,
                    Duration.ofMillis(250),
                    Duration.ofMillis(40),
                    2.5,
                    70,
                    300,
                    Duration.ofMinutes(15)),
                MonitorConfig.MetricsAccess.ADMIN,
                9101));
  }

  @Test
  void aFlag_winsOverItsVariable_andIntervalZeroMeansSamplingOff() {
    ServerConfig c =
        parse(
            Map.of("GRIDCAST_MONITOR_INTERVAL_SECONDS", "2", "GRIDCAST_LEASE_SECONDS", "40"),
            "--monitor-interval-seconds",
            "0",
            "--lease-seconds",
            "12");
    assertThat(c.monitor().sampleInterval()).isZero();
    assertThat(c.lease()).isEqualTo(Duration.ofSeconds(12));
  }

  @Test
  void badValues_areRefused_namingTheFlagTheVariableAndTheValue() {
    assertThatThrownBy(() -> parse(Map.of("GRIDCAST_ALERT_CPU_PERCENT", "150")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("--alert-cpu-percent / GRIDCAST_ALERT_CPU_PERCENT")
        .hasMessageContaining("150");
    assertThatThrownBy(() -> parse(Map.of("GRIDCAST_ALERT_MEMORY_MB", "lots")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("GRIDCAST_ALERT_MEMORY_MB")
        .hasMessageContaining("'lots'");
    assertThatThrownBy(() -> parse(Map.of(), "--metrics-access", "world"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("--metrics-access")
        .hasMessageContaining("'world'");
    assertThatThrownBy(() -> parse(Map.of("GRIDCAST_MONITOR_INTERVAL_SECONDS", "0.01")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("GRIDCAST_MONITOR_INTERVAL_SECONDS")
        .hasMessageContaining("0.01");
    assertThatThrownBy(() -> parse(Map.of(), "--metrics-port", "70000"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("--metrics-port / GRIDCAST_METRICS_PORT")
        .hasMessageContaining("70000");
    assertThatThrownBy(() -> parse(Map.of("GRIDCAST_ALERT_CACHE_MIN_LOOKUPS", "0")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("--alert-cache-min-lookups / GRIDCAST_ALERT_CACHE_MIN_LOOKUPS");
    assertThatThrownBy(() -> parse(Map.of("GRIDCAST_ALERT_CACHE_WINDOW_MINUTES", "1.5")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("must be a whole number, got '1.5'");
    assertThatThrownBy(() -> parse(Map.of(), "--alert-queue-wait-ms", "0"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("--alert-queue-wait-ms / GRIDCAST_ALERT_QUEUE_WAIT_MS");
  }

  @Test
  void help_showsTheDefaultsOfTheConfiguration() {
    StringWriter out = new StringWriter();
    GridcastCli.run(new PrintWriter(out), new PrintWriter(new StringWriter()), "serve", "--help");
    assertThat(out.toString().replaceAll("\\s+", " "))
        .contains("(env GRIDCAST_LEASE_SECONDS, default 30)")
        .contains("(env GRIDCAST_CACHE_TTL, default 7d)")
        .contains("(env GRIDCAST_ALERT_MEMORY_MB, default 1024)");
  }

  @Test
  void everyProcessOption_hasAVariable_namedInItsHelp() {
    List<String> missing = new ArrayList<>();
    for (OptionSpec o : new CommandLine(new ServeCommand()).getCommandSpec().options()) {
      if (o.usageHelp() || o.versionHelp() || o.longestName().equals("--no-auth")) {
        continue;
      }
      EnvironmentDefaults.Setting s = EnvironmentDefaults.setting(o.longestName());
      if (s == null || !String.join(" ", o.description()).contains("env " + s.env())) {
        missing.add(o.longestName());
      }
    }
    assertThat(missing).isEmpty();
  }

  @Test
  void theReadmesConfigurationTable_listsEveryOption_withItsVariableAndDefault() throws Exception {
    List<String> rows =
        Files.readAllLines(Path.of("..", "README.md")).stream()
            .filter(l -> l.startsWith("| `--"))
            .toList();
    List<String> wrong = new ArrayList<>();
    for (EnvironmentDefaults.Setting s : EnvironmentDefaults.SETTINGS) {
      boolean found =
          rows.stream()
              .anyMatch(r ->
                  r.contains("`" + s.flag() + "`")
                      && r.contains("`" + s.env() + "`")
                      && (s.defaultValue() == null || r.contains("`" + s.defaultValue() + "`")));
      if (!found) {
        wrong.add(s.flag() + " " + s.env() + " " + s.defaultValue());
      }
    }
    assertThat(wrong).isEmpty();
  }
}
