package io.gridcast.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class CacheConfigTest {
  @Test
  void ttl_parses_unitsAndIsoDurations() {
    assertThat(CacheConfig.parseTtl("90s")).isEqualTo(Duration.ofSeconds(90));
    assertThat(CacheConfig.parseTtl("30m")).isEqualTo(Duration.ofMinutes(30));
    assertThat(CacheConfig.parseTtl(" 12h ")).isEqualTo(Duration.ofHours(12));
    assertThat(CacheConfig.parseTtl("7d")).isEqualTo(Duration.ofDays(7));
    assertThat(CacheConfig.parseTtl("PT12H")).isEqualTo(Duration.ofHours(12));
  }

  @Test
  void ttl_refusesOtherText_namingIt() {
    for (String bad : new String[] {"", "7", "7w", "abc", "d", "P"}) {
      assertThatThrownBy(() -> CacheConfig.parseTtl(bad))
          .as(bad)
          .isInstanceOf(ConfigException.class)
          .hasMessageContaining("'" + bad + "'");
    }
  }

  @Test
  void settings_refuseOutOfRangeValues_withTheValue() {
    assertThatThrownBy(() -> new CacheConfig(true, 0, 64, 256, Duration.ofDays(1)))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("--cache-memory-max-entries")
        .hasMessageContaining("0");
    assertThatThrownBy(() -> new CacheConfig(true, 10, 64, 0, Duration.ofDays(1)))
        .hasMessageContaining("--cache-disk-max-mb");
    assertThatThrownBy(() -> new CacheConfig(true, 10, 64, 1, Duration.ofMillis(10)))
        .hasMessageContaining("--cache-ttl");
  }

  @Test
  void serverConfig_withoutCacheSettings_getsTheDefaults_andLogsThem() {
    ServerConfig c = ServerConfig.builder(Role.SERVE).dataDir(Path.of("x")).build();
    assertThat(c.cache()).isEqualTo(CacheConfig.DEFAULTS);
    assertThat(c.toBuilder().workers(3).build().cache()).isEqualTo(CacheConfig.DEFAULTS);
    CacheConfig off = new CacheConfig(false, 1, 1, 1, Duration.ofSeconds(1));
    assertThat(c.toBuilder().cache(off).port(0).auth(false).build().cache()).isEqualTo(off);
    assertThat(c.describe()).containsEntry("cache", CacheConfig.DEFAULTS.toString());
  }
}
