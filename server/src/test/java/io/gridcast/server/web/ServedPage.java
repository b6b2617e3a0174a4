package io.gridcast.server.web;

import io.gridcast.server.app.GridcastServer;
import io.gridcast.server.config.MonitorConfig;
import io.gridcast.server.config.Role;
import io.gridcast.server.it.TestDatabases;
import io.gridcast.server.it.TestServers;
import java.io.IOException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * The setting every page test class shares: one {@code serve} process with one worker on a fresh
 * SQLite file, one headless Chromium and the {@link Page} driving it, started before the class's
 * first test and stopped after its last. Tests seed their own users and datasets (see {@link
 * Seeds}), so they do not depend on each other's order.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ServedPage {
  protected GridcastServer server;
  protected Browser browser;
  protected Page page;

  /** The monitoring settings of the server; the defaults unless a test class needs its own. */
  protected MonitorConfig monitor() {
    return MonitorConfig.DEFAULTS;
  }

  @BeforeAll
  void startServerAndBrowser() throws IOException {
    server = TestServers.start(Role.SERVE, TestDatabases.sqlite(), 1, monitor());
    browser = Browser.start();
    page = new Page(browser, server.url());
  }

  @AfterAll
  void stopServerAndBrowser() {
    if (browser != null) {
      browser.close();
    }
    if (server != null) {
      server.close();
    }
  }
}
