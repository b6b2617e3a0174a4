package io.gridcast.server.auth;

import io.gridcast.server.config.DatabaseUrl;
import io.gridcast.server.it.TestDatabases;

class SqliteSessionHardeningTest extends SessionHardeningContract {
  @Override
  DatabaseUrl database() {
    return TestDatabases.sqlite();
  }
}
