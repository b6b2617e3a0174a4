package io.gridcast.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ServerConfigTest {
  private static final DatabaseUrl PG =
      DatabaseUrl.parse("postgresql://gridcast:secret@db:5432/gridcast", null, null);
  private static final DatabaseUrl SQLITE = DatabaseUrl.sqliteIn(Path.of("data"));

  private static ServerConfig.Builder on(Role role, DatabaseUrl db) {
    return ServerConfig.builder(role).database(db);
  }

  @Test
  void builder_withNothingSet_givesTheNamedDefaults() {
    ServerConfig c = ServerConfig.builder(Role.SERVE).build();
    assertThat(c.host()).isEqualTo(ServerConfig.DEFAULT_HOST);
    assertThat(c.port()).isEqualTo(ServerConfig.DEFAULT_PORT);
    assertThat(c.dataDir()).isEqualTo(Path.of(ServerConfig.DEFAULT_DATA_DIR));
    assertThat(c.database())
        .isEqualTo(DatabaseUrl.sqliteIn(Path.of(ServerConfig.DEFAULT_DATA_DIR)));
    assertThat(c.lease()).isEqualTo(Duration.ofSeconds(30));
    assertThat(c.auth()).isTrue();
    assertThat(c.limits()).isEqualTo(Limits.DEFAULTS);
    assertThat(c.cache()).isEqualTo(CacheConfig.DEFAULTS);
    assertThat(c.monitor()).isEqualTo(MonitorConfig.DEFAULTS);
  }

  @Test
  void toBuilder_keepsEverySetting_butTheOneChanged() {
    ServerConfig c =
        on(Role.WORKER, PG).workers(3).fitNice(5).lease(Duration.ofSeconds(12)).build();
    ServerConfig d = c.toBuilder().port(9090).build();
    assertThat(d)
        .isEqualTo(
            new ServerConfig(
                c.role(),
                c.host(),
                9090,
                c.dataDir(),
                c.database(),
                c.workers(),
                c.dbPoolSize(),
                c.fitNice(),
                c.maxUploadBytes(),
                c.lease(),
                c.auth(),
                c.allowedOrigins(),
                c.headerTimeout(),
                c.bodyTimeout(),
                c.limits(),
                c.cache(),
                c.monitor()));
  }

  @Test
  void aLeaseUnderOneSecond_isRefusedNamingTheFlag() {
    assertThatThrownBy(() -> on(Role.SERVE, SQLITE).lease(Duration.ofMillis(500)).build())
        .isInstanceOf(ConfigException.class)
        .hasMessage("--lease-seconds must be at least 1, got 0");
  }

  @Test
  void poolSize_byDefault_followsTheWorkerSlotsOnPostgres_andIsEightOnSqlite() {
    assertThat(on(Role.WORKER, PG).workers(2).build().effectiveDbPoolSize()).isEqualTo(10);
    assertThat(on(Role.WORKER, PG).workers(16).build().effectiveDbPoolSize()).isEqualTo(22);
    assertThat(on(Role.SERVE, SQLITE).workers(16).build().effectiveDbPoolSize()).isEqualTo(8);
  }

  @Test
  void poolSize_set_isUsed_andShownInTheStartUpLine() {
    ServerConfig c = on(Role.WORKER, PG).workers(2).dbPoolSize(6).build();
    assertThat(c.effectiveDbPoolSize()).isEqualTo(6);
    assertThat(c.describe()).containsEntry("db_pool_size", "6");
  }

  @Test
  void poolSize_belowTheSlotsPlusHeadroom_isRefusedNamingTheFlag() {
    ServerConfig worker = on(Role.WORKER, PG).workers(8).build();
    assertThat(worker.minDbPoolSize()).isEqualTo(12);
    assertThatThrownBy(() -> worker.toBuilder().dbPoolSize(11).build())
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            "--db-pool-size must be 0 (the default) or in 12..1000 (8 worker slots + 4), got 11");
    // an API process runs no jobs: its slots do not count
    ServerConfig.Builder api = on(Role.API, PG).workers(8);
    assertThat(api.dbPoolSize(4).build().effectiveDbPoolSize()).isEqualTo(4);
    assertThatThrownBy(() -> api.dbPoolSize(3).build())
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("in 4..1000, got 3");
    assertThatThrownBy(() -> api.dbPoolSize(1001).build())
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("got 1001");
    assertThatThrownBy(() -> api.dbPoolSize(-1).build())
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("got -1");
  }
}
