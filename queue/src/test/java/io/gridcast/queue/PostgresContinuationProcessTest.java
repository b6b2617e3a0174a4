package io.gridcast.queue;

import io.gridcast.queue.TestDatabases.Db;

class PostgresContinuationProcessTest extends ContinuationProcessContract {
  private static final Db DB = TestDatabases.postgres();

  @Override
  Db db() {
    return DB;
  }
}
