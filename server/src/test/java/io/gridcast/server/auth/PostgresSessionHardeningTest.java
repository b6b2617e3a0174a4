package io.gridcast.server.auth;

import io.gridcast.server.config.DatabaseUrl;
import io.gridcast.server.it.TestDatabases;

class PostgresSessionHardeningTest extends SessionHardeningContract {
  @Override
  DatabaseUrl database() {
    return TestDatabases.postgres();
  }
}
