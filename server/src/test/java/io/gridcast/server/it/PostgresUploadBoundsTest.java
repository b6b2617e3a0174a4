package io.gridcast.server.it;

import io.gridcast.server.config.DatabaseUrl;

class PostgresUploadBoundsTest extends UploadBoundsContract {
  @Override
  DatabaseUrl database() {
    return TestDatabases.postgres();
  }
}
