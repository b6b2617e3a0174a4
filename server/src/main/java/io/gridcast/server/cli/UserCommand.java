package io.gridcast.server.cli;

import io.gridcast.server.app.DataFiles;
import io.gridcast.server.auth.AuthException;
import io.gridcast.server.auth.User;
import io.gridcast.server.auth.UserRole;
import io.gridcast.server.auth.UserStore;
import io.gridcast.server.config.DatabaseUrl;
import io.gridcast.server.config.ServerConfig;
import io.gridcast.server.db.Database;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code gridcast user add|list|revoke}: manage API users in the job database. */
@Command(
    name = "user",
    mixinStandardHelpOptions = true,
    description = "Manage API users and their tokens in the job database.",
    subcommands = {UserCommand.Add.class, UserCommand.ListUsers.class, UserCommand.Revoke.class})
final class UserCommand {

  /** Where the users live: the same database flags and variables as {@code serve}. */
  static final class DbOptions {
    @Option(
        names = "--data-dir",
        defaultValue = "${env:GRIDCAST_DATA_DIR:-" + ServerConfig.DEFAULT_DATA_DIR + "}",
        description = "Directory of the SQLite file gridcast.db (env GRIDCAST_DATA_DIR).")
    Path dataDir;

    @Option(
        names = "--db",
        defaultValue = "${env:GRIDCAST_DB_URL}",
        description = "Database URL instead of the SQLite file (env GRIDCAST_DB_URL).")
    String db;

    @Option(names = "--db-user", defaultValue = "${env:GRIDCAST_DB_USER}")
    String dbUser;

    @Option(names = "--db-password", defaultValue = "${env:GRIDCAST_DB_PASSWORD}")
    String dbPassword;

    DatabaseUrl url() {
      return db == null || db.isBlank()
          ? DatabaseUrl.sqliteIn(dataDir)
          : DatabaseUrl.parse(db, dbUser, dbPassword);
    }
  }

  /** Opens the database, runs {@code action} on its users, maps refusals to exit code 2. */
  abstract static class Action implements Callable<Integer> {
    @Mixin DbOptions db;
    @Spec CommandSpec spec;

    abstract String run(UserStore users);

    @Override
    public Integer call() {
      return withUsers(db.url(), this::run, spec);
    }
  }

  static int withUsers(DatabaseUrl url, Function<UserStore, String> action, CommandSpec spec) {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    DataFiles.secure(url); // `user add` may be what creates the database: private from the start
    try (Database database = Database.open(url, 2)) {
      out.print(action.apply(new UserStore(database.jdbc(), InstantSource.system())));
      out.flush();
      return 0;
    } catch (AuthException e) {
      err.println("gridcast: " + e.getMessage());
      err.flush();
      return 2;
    }
  }

  @Command(name = "add", description = "Add a user and print its API token (shown only once).")
  static final class Add extends Action {
    @Parameters(index = "0", description = "User name (letters, digits, . _ -).")
    String name;

    @Option(names = "--admin", description = "The user sees and manages every user's data.")
    boolean admin;

    @Option(
        names = "--viewer",
        description =
            "The user reads and changes nothing: with --of OWNER, OWNER's jobs, datasets and"
                + " results; with --all, every user's.")
    boolean viewer;

    @Option(
        names = "--of",
        paramLabel = "OWNER",
        description = "With --viewer: whose data it reads.")
    String of;

    @Option(names = "--all", description = "With --viewer: it reads every user's data.")
    boolean all;

    @Override
    String run(UserStore users) {
      UserStore.NewUser u;
      if (viewer) {
        if (admin) {
          throw new AuthException("--viewer and --admin exclude each other");
        }
        if ((of == null) == !all) {
          throw new AuthException(
              "--viewer needs either --of OWNER (that user's data) or --all (every user's)");
        }
        u = users.addViewer(name, of);
      } else {
        if (of != null || all) {
          throw new AuthException((of != null ? "--of" : "--all") + " needs --viewer");
        }
        u = users.add(name, admin ? UserRole.ADMIN : UserRole.USER);
      }
      return "added "
          + u.user().role().dbValue()
          + " "
          + name
          + (viewer
              ? " (reads " + (all ? "every user's" : of + "'s") + " data, changes nothing)"
              : "")
          + "; API token (shown once):\n"
          + u.token()
          + "\n";
    }
  }

  @Command(name = "list", description = "List users: name, role, created, revoked.")
  static final class ListUsers extends Action {
    @Override
    String run(UserStore users) {
      StringBuilder sb = new StringBuilder("NAME\tROLE\tCREATED\tREVOKED\n");
      List<User> all = users.list();
      Map<String, String> names = new HashMap<>();
      for (User u : all) {
        names.put(u.id(), u.name());
      }
      for (User u : all) {
        String role = u.role().dbValue();
        if (u.role() == UserRole.VIEWER) {
          role += ":" + (u.viewerOf() == null ? "*" : names.get(u.viewerOf()));
        }
        sb.append(u.name())
            .append('\t')
            .append(role)
            .append('\t')
            .append(u.createdAt())
            .append('\t')
            .append(u.revoked() ? u.revokedAt().toString() : "-")
            .append('\n');
      }
      return sb.toString();
    }
  }

  @Command(name = "revoke", description = "Revoke a user's token at once (its data stays).")
  static final class Revoke extends Action {
    @Parameters(index = "0", description = "User name.")
    String name;

    @Override
    String run(UserStore users) {
      User u = users.revoke(name);
      return "revoked " + u.name() + " at " + u.revokedAt() + "\n";
    }
  }
}
