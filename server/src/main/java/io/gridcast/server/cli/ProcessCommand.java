package io.gridcast.server.cli;

import io.gridcast.server.app.GridcastServer;
import io.gridcast.server.config.ConfigException;
import io.gridcast.server.config.Role;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Runs one long-lived process role until SIGTERM/SIGINT, then stops it gracefully. */
abstract class ProcessCommand implements Callable<Integer> {
  @Mixin ServerOptions options;
  @Spec CommandSpec spec;

  abstract Role role();

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter err = spec.commandLine().getErr();
    GridcastServer server;
    try {
      server = GridcastServer.create(options.toConfig(role())).start();
    } catch (ConfigException e) {
      err.println("gridcast: " + e.getMessage());
      return 2;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  server.close();
                  stopped.countDown();
                },
                "gridcast-shutdown"));
    PrintWriter out = spec.commandLine().getOut();
    if (role().http()) {
      out.println(
          "Gridcast " + role().name().toLowerCase(Locale.ROOT) + " listening on " + server.url());
    } else {
      out.println(
          "Gridcast worker running ("
              + server.config().workers()
              + " slots) on "
              + server.config().database());
    }
    out.flush();
    stopped.await();
    return 0;
  }
}
