package io.gridcast.server.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code gridcast} command: one jar, one subcommand per process role or tool. */
@Command(
    name = "gridcast",
    mixinStandardHelpOptions = true,
    versionProvider = GridcastCli.Version.class,
    description = "Forecast-optimization server: model grid search on a durable job queue.",
    subcommands = {
      CommandLine.HelpCommand.class,
      ServeCommand.class,
      ApiCommand.class,
      WorkerCommand.class,
      SubmitCommand.class,
      OptimizeCommand.class,
      UserCommand.class
    })
public final class GridcastCli implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs the CLI and returns its exit code (tests call this instead of {@link #main}). */
  public static int run(String... args) {
    return commandLine().execute(args);
  }

  /** Runs the CLI with the given output and error writers (tests capture messages this way). */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    CommandLine cl = commandLine();
    cl.setOut(out);
    cl.setErr(err);
    return cl.execute(args);
  }

  public static CommandLine commandLine() {
    return new CommandLine(new GridcastCli());
  }

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = GridcastCli.class.getPackage().getImplementationVersion();
      return new String[] {"gridcast " + (v == null ? "dev" : v)};
    }
  }
}
