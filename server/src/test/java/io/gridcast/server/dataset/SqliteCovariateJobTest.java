package io.gridcast.server.dataset;

import io.gridcast.server.config.DatabaseUrl;
import io.gridcast.server.it.TestDatabases;

class SqliteCovariateJobTest extends CovariateJobContract {
  @Override
  DatabaseUrl database() {
    return TestDatabases.sqlite();
  }
}
