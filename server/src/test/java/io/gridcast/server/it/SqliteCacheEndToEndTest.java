package io.gridcast.server.it;

import io.gridcast.server.config.DatabaseUrl;

class SqliteCacheEndToEndTest extends CacheEndToEndContract {
  @Override
  DatabaseUrl database() {
    return TestDatabases.sqlite();
  }
}
