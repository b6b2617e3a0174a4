package io.gridcast.server.cache;

import io.gridcast.server.config.DatabaseUrl;
import io.gridcast.server.it.TestDatabases;

class SqliteResultCacheTest extends ResultCacheContract {
  @Override
  DatabaseUrl database() {
    return TestDatabases.sqlite();
  }
}
