package io.gridcast.queue;

import io.gridcast.queue.TestDatabases.Db;

class SqliteJobRetryTest extends JobRetryContract {
  private static final Db DB = TestDatabases.sqlite();

  @Override
  Db db() {
    return DB;
  }
}
