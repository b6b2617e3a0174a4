package io.gridcast.server.it;

import io.gridcast.server.config.DatabaseUrl;

class PostgresTimeAxisTest extends TimeAxisContract {
  @Override
  DatabaseUrl database() {
    return TestDatabases.postgres();
  }
}
