package io.gridcast.server.it;

import io.gridcast.server.config.DatabaseUrl;

class SqliteEndToEndTest extends EndToEndContract {
  @Override
  DatabaseUrl database() {
    return TestDatabases.sqlite();
  }
}
