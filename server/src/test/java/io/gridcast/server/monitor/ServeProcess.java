package io.gridcast.server.monitor;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code gridcast ARGS} in a JVM of its own, with the production logging configuration ({@code
 * logback.xml}, not the tests' {@code logback-test.xml}) and the given environment; stdout and
 * stderr kept line by line. {@link #stop()} and {@link #close()} send SIGTERM (the graceful stop)
 * through the {@link ProcessHandle}: {@link Process#destroy()} would also close the pipes, and what
 * the process logs while it stops would be lost.
 */
final class ServeProcess implements AutoCloseable {
  private static final Pattern URL = Pattern.compile("listening on (http://\\S+)");

  private final Process process;
  private final CompletableFuture<String> ready = new CompletableFuture<>();
  private final List<String> out = Collections.synchronizedList(new ArrayList<>());
  private final List<String> err = Collections.synchronizedList(new ArrayList<>());
  private final Thread[] readers = new Thread[2];

  ServeProcess(Map<String, String> env, String... args) throws IOException {
    String java = ProcessHandle.current().info().command().orElse("java");
    List<String> cmd = new ArrayList<>();
    cmd.add(java);
    cmd.add("--enable-native-access=ALL-UNNAMED");
    cmd.add("-Dlogback.configurationFile=logback.xml");
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add("io.gridcast.server.cli.GridcastCli");
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd);
    pb.environment().keySet().removeIf(k -> k.startsWith("GRIDCAST_"));
    pb.environment().putAll(env);
    process = pb.start();
    readers[0] = read(process.getInputStream(), out, "out", true);
    readers[1] = read(process.getErrorStream(), err, "err", false);
  }

  private Thread read(InputStream in, List<String> lines, String name, boolean watch) {
    return Thread.ofPlatform()
        .daemon()
        .name("gridcast-test-process-" + name)
        .start(() -> {
          try (BufferedReader r =
              new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
              lines.add(line);
              Matcher m = URL.matcher(line);
              if (watch && m.find()) {
                ready.complete(m.group(1));
              }
            }
          } catch (IOException e) {
            // the process ended
          }
          if (watch) {
            ready.completeExceptionally(
                new IllegalStateException("ended before listening: " + out + "\n" + err));
          }
        });
  }

  /** Waits for the listening line; the base URL. */
  String awaitUrl() throws Exception {
    return ready.get(120, TimeUnit.SECONDS);
  }

  /** Waits for the process to end by itself; its exit code. */
  int awaitExit() throws Exception {
    if (!process.waitFor(120, TimeUnit.SECONDS)) {
      throw new IllegalStateException("still running: " + err);
    }
    for (Thread t : readers) {
      t.join(TimeUnit.SECONDS.toMillis(10));
    }
    return process.exitValue();
  }

  /** Stops the process with SIGTERM and waits until it and its output have ended. */
  int stop() throws Exception {
    process.toHandle().destroy();
    return awaitExit();
  }

  List<String> stdout() {
    return List.copyOf(out);
  }

  List<String> stderr() {
    return List.copyOf(err);
  }

  @Override
  public void close() throws Exception {
    if (process.isAlive()) {
      process.toHandle().destroy();
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    }
  }
}
