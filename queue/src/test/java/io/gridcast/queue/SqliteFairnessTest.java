package io.gridcast.queue;

import io.gridcast.queue.TestDatabases.Db;

class SqliteFairnessTest extends FairnessContract {
  private static final Db DB = TestDatabases.sqlite();

  @Override
  Db db() {
    return DB;
  }
}
