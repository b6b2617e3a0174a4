package io.gridcast.server.auth;

import io.gridcast.server.config.DatabaseUrl;
import io.gridcast.server.it.TestDatabases;

class SqliteInjectionTest extends InjectionContract {
  @Override
  DatabaseUrl database() {
    return TestDatabases.sqlite();
  }
}
