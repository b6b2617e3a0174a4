package io.gridcast.server.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code deploy/systemd/}: each unit passes {@code systemd-analyze verify} without a single warning
 * (unknown keys and bad values are warnings with exit code 0, so the output must be empty), and a
 * unit broken on purpose does not, which shows the tool really checks here. The units run {@code
 * /usr/bin/java}; the copies verified here run a stub instead, since the test machine's JDK need
 * not live there (verify refuses an ExecStart that is not executable). Without {@code
 * systemd-analyze} (no systemd) the test is skipped and says so; the content checks run anyway.
 */
class SystemdUnitsTest {
  private static final Path UNITS = DeployFiles.DEPLOY.resolve("systemd");
  private static final List<String> FILES =
      List.of("gridcast-serve.service", "gridcast-api.service", "gridcast-worker@.service");
  private static final String JAVA = "/usr/bin/java";

  private static String unit(String name) throws Exception {
    return Files.readString(UNITS.resolve(name));
  }

  /** Copies of the units (the worker as instance 3) running {@code stub} in place of java. */
  private static List<Path> copies(Path dir, Path stub) throws Exception {
    List<Path> out = new ArrayList<>();
    for (String f : FILES) {
      String text = unit(f);
      assertThat(text).contains("ExecStart=" + JAVA + " ");
      Path copy = dir.resolve(f);
      Files.writeString(copy, text.replace("ExecStart=" + JAVA + " ", "ExecStart=" + stub + " "));
      out.add(f.endsWith("@.service") ? dir.resolve(f.replace("@.", "@3.")) : copy);
    }
    return out;
  }

  private static Path stub(Path dir) throws Exception {
    Path stub = dir.resolve("java");
    Files.writeString(stub, "#!/bin/sh\nexit 0\n");
    Files.setPosixFilePermissions(stub, PosixFilePermissions.fromString("rwxr-xr-x"));
    return stub;
  }

  @Test
  void units_passSystemdAnalyzeVerify_withoutAWarning(@TempDir Path dir) throws Exception {
    Path analyze = DeployFiles.tool("systemd-analyze").orElse(null);
    assumeTrue(
        analyze != null,
        "systemd-analyze is not installed on this machine (no systemd): the units are not verified");
    List<Path> units = copies(dir, stub(dir));
    assertThat(units).hasSize(3);
    for (Path u : units) {
      DeployFiles.Run r =
          DeployFiles.run(List.of(analyze.toString(), "verify", "--man=no", u.toString()));
      assertThat(r.exit()).as("%s: %s", u.getFileName(), r.output()).isZero();
      assertThat(r.output()).as("%s", u.getFileName()).isEmpty();
    }

    Path broken = dir.resolve("broken.service");
    Files.writeString(
        broken,
        unit("gridcast-serve.service")
            .replace("ExecStart=" + JAVA, "ExecStart=" + dir.resolve("java"))
            .replace("ProtectSystem=strict", "ProtectSytem=strict")
            .replace("Restart=on-failure", "Restart=sometimes"));
    DeployFiles.Run bad =
        DeployFiles.run(List.of(analyze.toString(), "verify", "--man=no", broken.toString()));
    assertThat(bad.output())
        .as("a misspelt key and a bad value are reported")
        .contains("ProtectSytem")
        .contains("sometimes");
  }

  @Test
  void everyUnit_runsAsItsOwnUser_hardened_readsTheEnvFile_andRestartsAfterAnOutOfMemoryExit()
      throws Exception {
    for (String f : FILES) {
      String u = unit(f);
      assertThat(u)
          .as(f)
          .contains("User=gridcast")
          .contains("EnvironmentFile=/etc/gridcast/gridcast.env")
          .contains("NoNewPrivileges=yes")
          .contains("PrivateTmp=yes")
          .contains("ProtectSystem=strict")
          .contains("ReadWritePaths=/var/lib/gridcast")
          .contains("ProtectHome=yes")
          .contains("Restart=on-failure")
          .contains("-XX:+ExitOnOutOfMemoryError");
      Matcher role = Pattern.compile("gridcast\\.jar (\\w+)").matcher(u);
      assertThat(role.find()).isTrue();
      assertThat(f).contains(role.group(1));
    }
    assertThat(unit("gridcast-worker@.service")).contains("GRIDCAST_METRICS_PORT=910%i");
    String env = Files.readString(UNITS.resolve("gridcast.env.example"));
    assertThat(env).contains("GRIDCAST_DATA_DIR=/var/lib/gridcast").contains("GRIDCAST_JAVA_OPTS=");
  }
}
