package io.gridcast.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ServerConfigTest {
  private static final DatabaseUrl PG =
      DatabaseUrl.parse("postgresql://gridcast:secret@db:5432/gridcast", null, null);
  private static final DatabaseUrl SQLITE = DatabaseUrl.sqliteIn(java.nio.file.Path.of("data"));

  @Test
  void poolSize_byDefault_followsTheWorkerSlotsOnPostgres_andIsEightOnSqlite() {
    assertThat(ServerConfig.defaults(Role.WORKER, PG).withWorkers(2).effectiveDbPoolSize())
        .isEqualTo(10);
    assertThat(ServerConfig.defaults(Role.WORKER, PG).withWorkers(16).effectiveDbPoolSize())
        .isEqualTo(22);
    assertThat(ServerConfig.defaults(Role.SERVE, SQLITE).withWorkers(16).effectiveDbPoolSize())
        .isEqualTo(8);
  }

  @Test
  void poolSize_set_isUsed_andShownInTheStartUpLine() {
    ServerConfig c = ServerConfig.defaults(Role.WORKER, PG).withWorkers(2).withDbPoolSize(6);
    assertThat(c.effectiveDbPoolSize()).isEqualTo(6);
    assertThat(c.describe()).containsEntry("db_pool_size", "6");
  }

  @Test
  void poolSize_belowTheSlotsPlusHeadroom_isRefusedNamingTheFlag() {
    ServerConfig worker = ServerConfig.defaults(Role.WORKER, PG).withWorkers(8);
    assertThat(worker.minDbPoolSize()).isEqualTo(12);
    assertThatThrownBy(() -> worker.withDbPoolSize(11))
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            "--db-pool-size must be 0 (the default) or in 12..1000 (8 worker slots + 4), got 11");
    // an API process runs no jobs: its slots do not count
    ServerConfig api = ServerConfig.defaults(Role.API, PG).withWorkers(8);
    assertThat(api.withDbPoolSize(4).effectiveDbPoolSize()).isEqualTo(4);
    assertThatThrownBy(() -> api.withDbPoolSize(3))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("in 4..1000, got 3");
    assertThatThrownBy(() -> api.withDbPoolSize(1001))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("got 1001");
    assertThatThrownBy(() -> api.withDbPoolSize(-1))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("got -1");
  }
}
