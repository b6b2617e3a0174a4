package io.gridcast.server.cli;

import io.gridcast.server.config.Role;
import picocli.CommandLine.Command;

/** {@code gridcast worker}: Workers only: claim and run jobs from the shared database. */
@Command(
    name = "worker",
    mixinStandardHelpOptions = true,
    defaultValueProvider = EnvironmentDefaults.class,
    description = "Workers only: claim and run jobs from the shared database.")
final class WorkerCommand extends ProcessCommand {
  @Override
  Role role() {
    return Role.WORKER;
  }
}
