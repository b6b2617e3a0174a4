package io.gridcast.server.it;

import io.gridcast.server.config.DatabaseUrl;

class PostgresJobRetryApiTest extends JobRetryApiContract {
  @Override
  DatabaseUrl database() {
    return TestDatabases.postgres();
  }
}
