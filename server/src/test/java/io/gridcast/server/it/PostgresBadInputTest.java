package io.gridcast.server.it;

import io.gridcast.server.config.DatabaseUrl;

class PostgresBadInputTest extends BadInputContract {
  @Override
  DatabaseUrl database() {
    return TestDatabases.postgres();
  }
}
