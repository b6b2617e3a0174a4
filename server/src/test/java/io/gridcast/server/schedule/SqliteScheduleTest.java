package io.gridcast.server.schedule;

import io.gridcast.server.config.DatabaseUrl;
import io.gridcast.server.it.TestDatabases;

class SqliteScheduleTest extends ScheduleContract {
  @Override
  DatabaseUrl database() {
    return TestDatabases.sqlite();
  }
}
