package io.gridcast.server.hierarchy;

import io.gridcast.server.config.DatabaseUrl;
import io.gridcast.server.it.TestDatabases;

class PostgresHierarchyUploadTest extends HierarchyUploadContract {
  @Override
  DatabaseUrl database() {
    return TestDatabases.postgres();
  }
}
