package io.gridcast.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class DatabaseUrlTest {

  @Test
  void postgresUrl_withCredentials_becomesJdbcUrlAndUser() {
    DatabaseUrl u =
        DatabaseUrl.parse(
            "postgresql://grid:s%40cret@db.example:6543/gc?sslmode=require", null, null);
    assertThat(u.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example:6543/gc?sslmode=require");
    assertThat(u.user()).isEqualTo("grid");
    assertThat(u.password()).isEqualTo("s@cret");
    assertThat(u.postgres()).isTrue();
  }

  @Test
  void toString_neverShowsThePassword() {
    DatabaseUrl u = DatabaseUrl.parse("postgres://grid:topsecret@h/db", null, null);
    assertThat(u.toString()).doesNotContain("topsecret").contains("****");
  }

  @Test
  void jdbcUrl_takesCredentialsFromTheFallbacks() {
    DatabaseUrl u = DatabaseUrl.parse("jdbc:postgresql://h:5433/db", "u", "p");
    assertThat(u.user()).isEqualTo("u");
    assertThat(u.password()).isEqualTo("p");
  }

  @Test
  void sqliteDefault_isGridcastDbInTheDataDirectory() {
    DatabaseUrl u = DatabaseUrl.sqliteIn(Path.of("/tmp/x"));
    assertThat(u.jdbcUrl()).isEqualTo("jdbc:sqlite:/tmp/x/gridcast.db");
    assertThat(u.postgres()).isFalse();
  }

  @Test
  void unknownScheme_isRefused_withTheMaskedUrlInTheMessage() {
    assertThatThrownBy(() -> DatabaseUrl.parse("mysql://u:pw@h/db", null, null))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("mysql://u:****@h/db")
        .hasMessageNotContaining(":pw@");
  }

  @Test
  void serverConfig_refusesAPortOutOfRange_namingTheValue() {
    assertThatThrownBy(
            () -> ServerConfig.builder(Role.SERVE).dataDir(Path.of("d")).port(70000).build())
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("70000");
  }

  @Test
  void describe_masksThePassword_andListsEveryEffectiveSetting() {
    ServerConfig c =
        ServerConfig.builder(Role.SERVE)
            .database(DatabaseUrl.parse("postgresql://u:hunter2@h/db", null, null))
            .build();
    assertThat(c.describe().toString()).doesNotContain("hunter2");
    assertThat(c.describe())
        .containsKeys("role", "host", "port", "db", "workers", "lease", "monitor", "cache");
  }
}
