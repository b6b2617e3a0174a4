package io.gridcast.server.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridcast.server.config.ConfigException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MonitorConfigTest {

  @Test
  void emptyEnvironment_givesTheSeedDefaults() {
    MonitorConfig c = MonitorConfig.fromEnv(Map.of());
    assertThat(c.sampleInterval()).isEqualTo(Duration.ofSeconds(5));
    assertThat(c.metricsAccess()).isEqualTo(MonitorConfig.MetricsAccess.LOOPBACK);
    AlertThresholds t = c.thresholds();
    assertThat(t.cpuPercent()).isEqualTo(80);
    assertThat(t.memoryBytes()).isEqualTo(1024L * 1024 * 1024);
    assertThat(t.operation()).isEqualTo(Duration.ofSeconds(1));
    assertThat(t.errorRatePercent()).isEqualTo(5);
    assertThat(t.cacheHitRatePercent()).isEqualTo(50);
  }

  @Test
  void environmentVariables_setEveryLimit() {
    MonitorConfig c =
        MonitorConfig.fromEnv(
            Map.of(
                "GRIDCAST_MONITOR_INTERVAL_SECONDS", "0.5",
                "GRIDCAST_METRICS_ACCESS", "admin",
                "GRIDCAST_ALERT_CPU_PERCENT", "90",
                "GRIDCAST_ALERT_MEMORY_MB", "512",
                "GRIDCAST_ALERT_OPERATION_MS", "250",
                "GRIDCAST_ALERT_ERROR_RATE_PERCENT", "2.5",
                "GRIDCAST_ALERT_CACHE_HIT_RATE_PERCENT", "70"));
    assertThat(c.sampleInterval()).isEqualTo(Duration.ofMillis(500));
    assertThat(c.metricsAccess()).isEqualTo(MonitorConfig.MetricsAccess.ADMIN);
    assertThat(c.thresholds())
        .isEqualTo(new AlertThresholds(90, 512L * 1024 * 1024, Duration.ofMillis(250), 2.5, 70));
  }

  @Test
  void intervalZero_meansSamplingOff() {
    assertThat(
            MonitorConfig.fromEnv(Map.of("GRIDCAST_MONITOR_INTERVAL_SECONDS", "0"))
                .sampleInterval())
        .isZero();
  }

  @Test
  void badValues_areRefused_namingTheVariableAndValue() {
    assertThatThrownBy(() -> MonitorConfig.fromEnv(Map.of("GRIDCAST_ALERT_CPU_PERCENT", "150")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("GRIDCAST_ALERT_CPU_PERCENT")
        .hasMessageContaining("150");
    assertThatThrownBy(() -> MonitorConfig.fromEnv(Map.of("GRIDCAST_ALERT_MEMORY_MB", "lots")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("'lots'");
    assertThatThrownBy(() -> MonitorConfig.fromEnv(Map.of("GRIDCAST_METRICS_ACCESS", "world")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("'world'");
    assertThatThrownBy(
            () -> MonitorConfig.fromEnv(Map.of("GRIDCAST_MONITOR_INTERVAL_SECONDS", "0.01")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("GRIDCAST_MONITOR_INTERVAL_SECONDS");
  }
}
