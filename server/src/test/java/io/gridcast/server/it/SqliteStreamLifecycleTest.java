package io.gridcast.server.it;

import io.gridcast.server.config.DatabaseUrl;

class SqliteStreamLifecycleTest extends StreamLifecycleContract {
  @Override
  DatabaseUrl database() {
    return TestDatabases.sqlite();
  }
}
