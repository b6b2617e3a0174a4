package io.gridcast.server.it;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code gridcast api|worker} in a separate JVM (this JVM's java binary and class path). */
final class GridcastProcess implements AutoCloseable {
  private static final Pattern URL = Pattern.compile("listening on (http://\\S+)");

  private final Process process;
  private final CompletableFuture<String> ready = new CompletableFuture<>();
  private final List<String> output = Collections.synchronizedList(new ArrayList<>());

  GridcastProcess(String role, String jdbcUrl, String user, String password, String... extra)
      throws IOException {
    String java = ProcessHandle.current().info().command().orElse("java");
    List<String> cmd = new ArrayList<>();
    cmd.add(java);
    cmd.add("--enable-native-access=ALL-UNNAMED");
    cmd.add("-Xmx256m");
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add("io.gridcast.server.cli.GridcastCli");
    cmd.add(role);
    cmd.addAll(List.of("--db", jdbcUrl, "--db-user", user, "--db-password", password));
    cmd.addAll(List.of(extra));
    process = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    Thread.ofPlatform()
        .daemon()
        .name("gridcast-" + role + "-output")
        .start(() -> {
          try (BufferedReader in =
              new BufferedReader(
                  new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
              output.add(line);
              Matcher m = URL.matcher(line);
              if (m.find()) {
                ready.complete(m.group(1));
              } else if (line.startsWith("Gridcast worker running")) {
                ready.complete("");
              }
            }
          } catch (IOException e) {
            // process ended
          }
          ready.completeExceptionally(new IllegalStateException("exited: " + output));
        });
  }

  /** Waits for the start line; the base URL for an API, empty for a worker. */
  String awaitReady() throws Exception {
    return ready.get(60, TimeUnit.SECONDS);
  }

  List<String> output() {
    return List.copyOf(output);
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(15, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
    }
  }
}
