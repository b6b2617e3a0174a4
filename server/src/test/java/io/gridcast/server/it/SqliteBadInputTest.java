package io.gridcast.server.it;

import io.gridcast.server.config.DatabaseUrl;

class SqliteBadInputTest extends BadInputContract {
  @Override
  DatabaseUrl database() {
    return TestDatabases.sqlite();
  }
}
