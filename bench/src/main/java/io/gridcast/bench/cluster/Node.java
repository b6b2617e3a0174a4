package io.gridcast.bench.cluster;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One {@code gridcast} process (its own JVM) started from the runnable jar: {@code api}, {@code
 * worker} or {@code serve}. Its output goes to a log file; the listening URL and the worker id are
 * read from it. {@link #kill()} is SIGKILL ({@code destroyForcibly}), {@link #stop()} SIGTERM.
 */
final class Node {
  private static final Pattern URL = Pattern.compile("listening on (http://\\S+)");
  private static final Pattern WORKER = Pattern.compile("worker id (\\S+)");

  private final String name;
  private final List<String> command;
  private final Path log;
  private Process process;
  private volatile String url;
  private volatile String workerId;
  private final List<String> errors = Collections.synchronizedList(new ArrayList<>());

  Node(String name, List<String> prefix, Path jar, String heap, List<String> args, Path logDir) {
    this.name = name;
    List<String> cmd = new ArrayList<>(prefix);
    cmd.add(ProcessHandle.current().info().command().orElse("java"));
    cmd.addAll(
        List.of("--enable-native-access=ALL-UNNAMED", "-Xmx" + heap, "-jar", jar.toString()));
    cmd.addAll(args);
    this.command = List.copyOf(cmd);
    this.log = logDir.resolve(name + ".log");
  }

  String name() {
    return name;
  }

  String url() {
    return url;
  }

  String workerId() {
    return workerId;
  }

  long pid() {
    return process.pid();
  }

  Path log() {
    return log;
  }

  /** ERROR lines seen in this node's output (all its lives). */
  List<String> errors() {
    synchronized (errors) {
      return List.copyOf(errors);
    }
  }

  /** Starts the process and waits until it listens (HTTP roles) or its workers run. */
  Node start() throws Exception {
    url = null;
    workerId = null;
    CompletableFuture<Void> ready = new CompletableFuture<>();
    process = new ProcessBuilder(command).redirectErrorStream(true).start();
    Process p = process;
    Thread.ofPlatform().daemon().name("drain-" + name).start(() -> drain(p, ready));
    ready.get(180, TimeUnit.SECONDS);
    return this;
  }

  /** SIGKILL; returns once the process is gone. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor();
  }

  /** SIGTERM and wait for the shutdown hook to finish; returns how long the exit took. */
  Duration stop() throws InterruptedException {
    long t0 = System.nanoTime();
    process.destroy();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      process.waitFor();
      throw new IllegalStateException(name + " did not stop within 60 s of SIGTERM");
    }
    return Duration.ofNanos(System.nanoTime() - t0);
  }

  boolean alive() {
    return process != null && process.isAlive();
  }

  private void drain(Process p, CompletableFuture<Void> ready) {
    try (BufferedReader in =
            new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        BufferedWriter w =
            Files.newBufferedWriter(
                log,
                StandardCharsets.UTF_8,
                StandardOpenOption.CREATE,
                StandardOpenOption.APPEND)) {
      w.write("---- start " + Instant.now() + " pid " + p.pid() + "\n");
      String line;
      while ((line = in.readLine()) != null) {
        w.write(line);
        w.write('\n');
        w.flush();
        Matcher m = URL.matcher(line);
        if (m.find()) {
          url = m.group(1);
          ready.complete(null);
        }
        Matcher wm = WORKER.matcher(line);
        if (wm.find()) {
          workerId = wm.group(1);
        }
        if (line.startsWith("Gridcast worker running")) {
          ready.complete(null);
        }
        if (line.contains(" ERROR ") || line.contains("Exception in thread")) {
          errors.add(line);
        }
      }
      w.write("---- exit " + Instant.now() + "\n");
    } catch (IOException e) {
      // the process ended
    }
    ready.completeExceptionally(
        new IllegalStateException(name + " exited before it was ready; see " + log));
  }
}
