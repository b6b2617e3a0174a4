package io.gridcast.server.http;

import io.gridcast.server.config.DatabaseUrl;
import io.gridcast.server.it.TestDatabases;

class SqliteResultListingTest extends ResultListingContract {
  @Override
  DatabaseUrl database() {
    return TestDatabases.sqlite();
  }
}
