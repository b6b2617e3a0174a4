package io.gridcast.server.cli;

import io.gridcast.server.config.Role;
import picocli.CommandLine.Command;

/** {@code gridcast api}: HTTP API only; workers run elsewhere on the same database. */
@Command(
    name = "api",
    mixinStandardHelpOptions = true,
    defaultValueProvider = EnvironmentDefaults.class,
    description = "HTTP API only; workers run elsewhere on the same database.")
final class ApiCommand extends ProcessCommand {
  @Override
  Role role() {
    return Role.API;
  }
}
