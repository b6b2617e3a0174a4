package io.gridcast.server.monitor;

import io.gridcast.queue.JobCancelledException;
import io.gridcast.queue.JobContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * The {@code profile} job: records this worker process with JDK Flight Recorder (the JDK's {@code
 * profile} settings: execution samples every 10 ms) for {@code seconds}, writes the recording to
 * {@code <data-dir>/profiles/<job id>.jfr} and reports the hottest methods: for each method, the
 * {@code jdk.ExecutionSample} events whose top frame it is (self samples) and their share of all
 * samples. The file is what {@code GET /api/performance/profile/{id}/jfr} serves; recordings older
 * than a day are deleted when the next profile starts.
 *
 * <p>A recording must not carry the process's secrets: the events that copy the environment
 * (database passwords in {@code GRIDCAST_DB_PASSWORD}), the system properties, the command line
 * ({@code --db-password}) and the machine's other processes' command lines are switched off ({@link
 * #SECRET_EVENTS}); the directory is {@code 0700} and each file {@code 0600}.
 */
final class ProfileJob {
  static final String TYPE = "profile";

  /** Longest recording one job may take. */
  static final int MAX_SECONDS = 300;

  /** Methods listed in the report. */
  static final int TOP = 25;

  /** Recordings older than this are deleted when the next profile starts. */
  static final Duration KEEP = Duration.ofDays(1);

  private static final Duration CHECK = Duration.ofMillis(200);

  /**
   * JFR events off in every recording: the environment variables, the system properties, the JVM's
   * and the program's arguments, and the command lines of the machine's processes.
   */
  static final List<String> SECRET_EVENTS =
      List.of(
          "jdk.InitialEnvironmentVariable",
          "jdk.InitialSystemProperty",
          "jdk.JVMInformation",
          "jdk.SystemProcess");

  private static final Set<PosixFilePermission> PRIVATE_DIRECTORY =
      PosixFilePermissions.fromString("rwx------");
  private static final Set<PosixFilePermission> PRIVATE_FILE =
      PosixFilePermissions.fromString("rw-------");

  /**
   * What a profile reports.
   *
   * @param samples execution samples recorded
   * @param hottest the methods with the most self samples, most first (at most {@value #TOP})
   * @param seconds length of the recording
   * @param fileBytes size of the recording
   * @param download where the API serves the recording
   */
  record Report(
      long samples, List<HotMethod> hottest, int seconds, long fileBytes, String download) {}

  /**
   * One method's self samples and their share of all samples.
   *
   * @param method {@code class.method}
   */
  record HotMethod(String method, long samples, double percent) {}

  /** Self samples per method of a recording. */
  record Hottest(long samples, List<HotMethod> methods) {}

  private final Path directory;

  ProfileJob(Path directory) {
    this.directory = directory;
  }

  /** The recording of a profile job (it may not exist: another process ran it, or it failed). */
  Path file(UUID jobId) {
    return directory.resolve(jobId + ".jfr");
  }

  String handle(JobContext ctx) throws IOException, ParseException, InterruptedException {
    ProfilePayload p = PerformanceJobs.read(ctx.payload(), ProfilePayload.class);
    privateDirectory(directory);
    prune(directory, KEEP);
    Path out = file(ctx.id());
    long deadline = System.nanoTime() + Duration.ofSeconds(p.seconds()).toNanos();
    try (Recording r = recording()) {
      r.setName("gridcast-profile-" + ctx.id());
      r.start();
      while (System.nanoTime() < deadline) {
        long left = deadline - System.nanoTime();
        ctx.progress(
            p.seconds() - Math.max(0, left / 1_000_000_000L), p.seconds(), "recording", null);
        if (ctx.cancelRequested()) {
          throw new JobCancelledException(ctx.id());
        }
        Thread.sleep(Math.max(1, Math.min(CHECK.toMillis(), left / 1_000_000)));
      }
      r.stop();
      privateFile(out); // created 0600 before a byte is written: never readable by others
      r.dump(out);
    }
    privateFile(out);
    ctx.progress(p.seconds(), p.seconds(), "done", null);
    Hottest hot = hottest(out);
    return PerformanceJobs.write(
        new Report(
            hot.samples(),
            hot.methods(),
            p.seconds(),
            Files.size(out),
            "/api/performance/profile/" + ctx.id() + "/jfr"));
  }

  /** A recording with the JDK's {@code profile} settings and the {@link #SECRET_EVENTS} off. */
  static Recording recording() throws IOException, ParseException {
    Recording r = new Recording(Configuration.getConfiguration("profile"));
    for (String event : SECRET_EVENTS) {
      r.disable(event);
    }
    return r;
  }

  /** Creates {@code dir} with mode 0700, or sets an existing one's to it. */
  static void privateDirectory(Path dir) throws IOException {
    if (!posix(dir)) {
      Files.createDirectories(dir);
      return;
    }
    Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PRIVATE_DIRECTORY));
    Files.setPosixFilePermissions(dir, PRIVATE_DIRECTORY);
  }

  /** Creates {@code file} with mode 0600, or sets an existing one's to it. */
  static void privateFile(Path file) throws IOException {
    if (!posix(file.getParent())) {
      return;
    }
    if (Files.exists(file)) {
      Files.setPosixFilePermissions(file, PRIVATE_FILE);
    } else {
      Files.createFile(file, PosixFilePermissions.asFileAttribute(PRIVATE_FILE));
    }
  }

  private static boolean posix(Path p) {
    return Files.getFileAttributeView(p, PosixFileAttributeView.class) != null;
  }

  /** Deletes recordings last modified more than {@code keep} ago; best effort. */
  static void prune(Path dir, Duration keep) throws IOException {
    FileTime cutoff = FileTime.from(Instant.now().minus(keep));
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.filter(x -> x.toString().endsWith(".jfr")).toList()) {
        try {
          if (Files.getLastModifiedTime(f).compareTo(cutoff) < 0) {
            Files.deleteIfExists(f);
          }
        } catch (IOException e) {
          // another process pruned it first, or it is not ours to delete: leave it
        }
      }
    }
  }

  /** Self samples per method of the {@code jdk.ExecutionSample} events of a recording. */
  static Hottest hottest(Path recording) {
    Map<String, long[]> counts = new HashMap<>();
    long total = 0;
    try (RecordingFile f = new RecordingFile(recording)) {
      while (f.hasMoreEvents()) {
        RecordedEvent e = f.readEvent();
        if (!"jdk.ExecutionSample".equals(e.getEventType().getName())) {
          continue;
        }
        RecordedStackTrace st = e.getStackTrace();
        if (st == null || st.getFrames().isEmpty()) {
          continue;
        }
        RecordedFrame top = st.getFrames().get(0);
        RecordedMethod m = top.getMethod();
        String name = m.getType().getName() + "." + m.getName();
        counts.computeIfAbsent(name, k -> new long[1])[0]++;
        total++;
      }
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
    List<Map.Entry<String, long[]>> sorted = new ArrayList<>(counts.entrySet());
    sorted.sort((a, b) -> Long.compare(b.getValue()[0], a.getValue()[0]));
    List<HotMethod> top = new ArrayList<>();
    for (Map.Entry<String, long[]> en : sorted.subList(0, Math.min(TOP, sorted.size()))) {
      long n = en.getValue()[0];
      top.add(new HotMethod(en.getKey(), n, 100.0 * n / total));
    }
    return new Hottest(total, top);
  }
}
