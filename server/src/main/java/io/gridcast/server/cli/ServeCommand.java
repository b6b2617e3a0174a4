package io.gridcast.server.cli;

import io.gridcast.server.config.Role;
import picocli.CommandLine.Command;

/**
 * {@code gridcast serve}: API and workers in one process (SQLite file in --data-dir by default).
 */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    defaultValueProvider = EnvironmentDefaults.class,
    description = "API and workers in one process (SQLite file in --data-dir by default).")
final class ServeCommand extends ProcessCommand {
  @Override
  Role role() {
    return Role.SERVE;
  }
}
