package io.gridcast.queue;

import io.gridcast.queue.TestDatabases.Db;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A {@link WorkerMain} in a separate JVM (this JVM's java binary and class path). */
final class WorkerProcess implements AutoCloseable {
  final String workerId;
  private final Process process;
  private final LinkedBlockingQueue<String> lines = new LinkedBlockingQueue<>();

  WorkerProcess(Db db, String workerId, String type, String mode, int slots, Duration lease)
      throws IOException {
    this(db, workerId, type, mode, slots, lease, JobQueueBuilderBase.DEFAULT_MAINTENANCE_INTERVAL);
  }

  WorkerProcess(
      Db db,
      String workerId,
      String type,
      String mode,
      int slots,
      Duration lease,
      Duration maintenance)
      throws IOException {
    this.workerId = workerId;
    String java = ProcessHandle.current().info().command().orElse("java");
    List<String> cmd = new ArrayList<>();
    cmd.add(java);
    cmd.add("--enable-native-access=ALL-UNNAMED");
    cmd.add("-Xmx256m");
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(WorkerMain.class.getName());
    cmd.add(db.url());
    cmd.add(db.user() == null ? "-" : db.user());
    cmd.add(db.password() == null ? "-" : db.password());
    cmd.add(workerId);
    cmd.add(type);
    cmd.add(mode);
    cmd.add(String.valueOf(slots));
    cmd.add(String.valueOf(lease.toMillis()));
    cmd.add(String.valueOf(maintenance.toMillis()));
    process = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader r =
                  new BufferedReader(
                      new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                  lines.add(line);
                }
              } catch (IOException e) {
                // process gone
              }
            },
            "worker-process-reader-" + workerId);
    reader.setDaemon(true);
    reader.start();
  }

  /** Waits for a line starting with {@code prefix}; returns it. */
  String await(String prefix, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    List<String> seen = new ArrayList<>();
    while (System.nanoTime() < deadline) {
      String line = lines.poll(100, TimeUnit.MILLISECONDS);
      if (line != null) {
        if (line.startsWith(prefix)) {
          return line;
        }
        seen.add(line);
      }
    }
    throw new AssertionError("worker " + workerId + " never printed " + prefix + "; saw " + seen);
  }

  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(10, TimeUnit.SECONDS);
  }

  @Override
  public void close() throws Exception {
    if (process.isAlive()) {
      process.getOutputStream().close();
      if (!process.waitFor(15, TimeUnit.SECONDS)) {
        kill();
      }
    }
  }
}
