package io.gridcast.server.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;

class DatabaseExceptionTest {
  @Test
  void aPoolTimeoutAnywhereInTheChain_isOverload_otherFailuresAreNot() {
    SQLTransientConnectionException timeout =
        new SQLTransientConnectionException("Connection is not available, request timed out");
    assertThat(DatabaseException.poolExhausted(timeout)).isTrue();
    assertThat(
            DatabaseException.poolExhausted(
                new RuntimeException(new DatabaseException("reading series failed", timeout))))
        .isTrue();
    assertThat(
            DatabaseException.poolExhausted(
                new DatabaseException("reading series failed", new SQLException("disk I/O error"))))
        .isFalse();
    assertThat(DatabaseException.poolExhausted(new IllegalStateException("x"))).isFalse();
  }
}
