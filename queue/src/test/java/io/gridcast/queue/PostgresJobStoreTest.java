package io.gridcast.queue;

import io.gridcast.queue.TestDatabases.Db;

class PostgresJobStoreTest extends JobStoreContract {
  private static final Db DB = TestDatabases.postgres();

  @Override
  Db db() {
    return DB;
  }
}
