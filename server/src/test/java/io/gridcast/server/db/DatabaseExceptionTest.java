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

  @Test
  void aLostConnectionOrAServerShuttingDown_isUnavailable_otherFailuresAreNot() {
    SQLException terminated =
        new SQLException("terminating connection due to administrator command", "57P01");
    assertThat(DatabaseException.unavailable(new DatabaseException("counting jobs", terminated)))
        .isTrue();
    assertThat(DatabaseException.unavailable(new SQLException("An I/O error occurred", "08006")))
        .isTrue();
    assertThat(DatabaseException.unavailable(new SQLException("starting up", "57P03"))).isTrue();
    assertThat(DatabaseException.unavailable(new SQLException("unique violation", "23505")))
        .isFalse();
    assertThat(DatabaseException.unavailable(new SQLException("no state"))).isFalse();
    assertThat(DatabaseException.unavailable(new IllegalStateException("x"))).isFalse();
  }
}
