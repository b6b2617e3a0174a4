package io.gridcast.queue;

import io.gridcast.queue.TestDatabases.Db;

class PostgresContinuationTest extends ContinuationContract {
  private static final Db DB = TestDatabases.postgres();

  @Override
  Db db() {
    return DB;
  }
}
