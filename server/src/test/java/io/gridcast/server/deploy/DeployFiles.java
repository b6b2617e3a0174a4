package io.gridcast.server.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** The repository's {@code deploy/} folder and the tools that check its files. */
final class DeployFiles {
  /** {@code deploy/} seen from the server module, where the tests run. */
  static final Path DEPLOY = Path.of("..", "deploy").toAbsolutePath().normalize();

  private DeployFiles() {}

  /** An executable named {@code name} in {@code /usr/bin}, {@code /bin} or on the PATH. */
  static Optional<Path> tool(String name) {
    List<Path> dirs = new ArrayList<>(List.of(Path.of("/usr/bin"), Path.of("/bin")));
    String path = System.getenv("PATH");
    if (path != null) {
      for (String d : path.split(":")) {
        if (!d.isBlank()) {
          dirs.add(Path.of(d));
        }
      }
    }
    return dirs.stream().map(d -> d.resolve(name)).filter(Files::isExecutable).findFirst();
  }

  /** What a finished tool run printed (stdout and stderr together) and its exit code. */
  record Run(int exit, String output) {}

  static Run run(List<String> command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    byte[] out = p.getInputStream().readAllBytes();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("%s finished", command).isTrue();
    return new Run(p.exitValue(), new String(out, StandardCharsets.UTF_8));
  }
}
