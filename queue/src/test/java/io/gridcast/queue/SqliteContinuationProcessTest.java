package io.gridcast.queue;

import io.gridcast.queue.TestDatabases.Db;

class SqliteContinuationProcessTest extends ContinuationProcessContract {
  private static final Db DB = TestDatabases.sqlite();

  @Override
  Db db() {
    return DB;
  }
}
