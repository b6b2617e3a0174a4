package io.gridcast.server.it;

import io.gridcast.server.config.DatabaseUrl;

class PostgresEndToEndTest extends EndToEndContract {
  @Override
  DatabaseUrl database() {
    return TestDatabases.postgres();
  }
}
