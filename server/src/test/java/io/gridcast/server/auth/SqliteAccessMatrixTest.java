package io.gridcast.server.auth;

import io.gridcast.server.config.DatabaseUrl;
import io.gridcast.server.it.TestDatabases;

class SqliteAccessMatrixTest extends AccessMatrixContract {
  @Override
  DatabaseUrl database() {
    return TestDatabases.sqlite();
  }
}
