package io.gridcast.server.schedule;

import io.gridcast.server.config.DatabaseUrl;
import io.gridcast.server.it.TestDatabases;

class PostgresScheduleTest extends ScheduleContract {
  @Override
  DatabaseUrl database() {
    return TestDatabases.postgres();
  }
}
