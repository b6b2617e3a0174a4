package io.gridcast.server.http;

import io.gridcast.server.config.DatabaseUrl;
import io.gridcast.server.it.TestDatabases;

class PostgresResultListingTest extends ResultListingContract {
  @Override
  DatabaseUrl database() {
    return TestDatabases.postgres();
  }
}
