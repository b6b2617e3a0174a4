package io.gridcast.server.dataset;

import io.gridcast.server.config.DatabaseUrl;
import io.gridcast.server.it.TestDatabases;

class PostgresCovariateJobTest extends CovariateJobContract {
  @Override
  DatabaseUrl database() {
    return TestDatabases.postgres();
  }
}
