package io.gridcast.server.it;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code gridcast} command in a separate JVM (this JVM's java binary and class path), by default
 * {@code api} or {@code worker} on a given database with a 256 MiB heap.
 */
final class GridcastProcess implements AutoCloseable {
  private static final Pattern URL = Pattern.compile("listening on (http://\\S+)");

  private final Process process;
  private final CompletableFuture<String> ready = new CompletableFuture<>();
  private final List<String> output = Collections.synchronizedList(new ArrayList<>());

  GridcastProcess(String role, String jdbcUrl, String user, String password, String... extra)
      throws IOException {
    this(
        List.of("-Xmx256m"),
        concat(
            List.of(role, "--db", jdbcUrl, "--db-user", user, "--db-password", password), extra));
  }

  /** {@code gridcast <args>} in a JVM started with {@code jvmOptions}. */
  GridcastProcess(List<String> jvmOptions, List<String> args) throws IOException {
    String java = ProcessHandle.current().info().command().orElse("java");
    List<String> cmd = new ArrayList<>();
    cmd.add(java);
    cmd.add("--enable-native-access=ALL-UNNAMED");
    cmd.addAll(jvmOptions);
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add("io.gridcast.server.cli.GridcastCli");
    cmd.addAll(args);
    String role = args.get(0);
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

  /** The exit status once the process has ended within {@code seconds}, else empty. */
  OptionalInt awaitExit(long seconds) throws InterruptedException {
    return process.waitFor(seconds, TimeUnit.SECONDS)
        ? OptionalInt.of(process.exitValue())
        : OptionalInt.empty();
  }

  boolean alive() {
    return process.isAlive();
  }

  private static List<String> concat(List<String> a, String... b) {
    List<String> all = new ArrayList<>(a);
    all.addAll(List.of(b));
    return all;
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(15, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
    }
  }
}
