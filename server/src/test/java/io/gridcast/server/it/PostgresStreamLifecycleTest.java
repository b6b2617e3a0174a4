package io.gridcast.server.it;

import io.gridcast.server.config.DatabaseUrl;

class PostgresStreamLifecycleTest extends StreamLifecycleContract {
  @Override
  DatabaseUrl database() {
    return TestDatabases.postgres();
  }
}
