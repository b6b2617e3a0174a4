package io.gridcast.queue;

import io.gridcast.queue.TestDatabases.Db;

class SqliteContinuationTest extends ContinuationContract {
  private static final Db DB = TestDatabases.sqlite();

  @Override
  Db db() {
    return DB;
  }
}
