package io.gridcast.server.it;

import io.gridcast.server.config.DatabaseUrl;

class SqliteTimeAxisTest extends TimeAxisContract {
  @Override
  DatabaseUrl database() {
    return TestDatabases.sqlite();
  }
}
