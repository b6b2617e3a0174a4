package io.gridcast.server.it;

import io.gridcast.server.config.DatabaseUrl;

class PostgresCacheEndToEndTest extends CacheEndToEndContract {
  @Override
  DatabaseUrl database() {
    return TestDatabases.postgres();
  }
}
