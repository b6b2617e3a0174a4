package io.gridcast.server.monitor;

import io.gridcast.server.config.DatabaseUrl;
import io.gridcast.server.it.TestDatabases;

class SqlitePerformanceApiTest extends PerformanceApiContract {
  @Override
  DatabaseUrl database() {
    return TestDatabases.sqlite();
  }
}
