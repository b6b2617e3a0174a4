package io.gridcast.server.auth;

import io.gridcast.server.config.DatabaseUrl;
import io.gridcast.server.it.TestDatabases;

class PostgresAccessMatrixTest extends AccessMatrixContract {
  @Override
  DatabaseUrl database() {
    return TestDatabases.postgres();
  }
}
