package io.gridcast.server.it;

import io.gridcast.server.config.DatabaseUrl;

class SqliteUploadBoundsTest extends UploadBoundsContract {
  @Override
  DatabaseUrl database() {
    return TestDatabases.sqlite();
  }
}
