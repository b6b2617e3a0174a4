package io.gridcast.server.it;

import io.gridcast.server.config.DatabaseUrl;

class SqliteJobRetryApiTest extends JobRetryApiContract {
  @Override
  DatabaseUrl database() {
    return TestDatabases.sqlite();
  }
}
