package io.gridcast.server.job;

import io.gridcast.queue.JobHandler;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The CPU priority of the threads that run jobs. A grid search keeps every core busy for minutes.
 * When the same machine also answers HTTP requests, runs PostgreSQL or does the queue's own
 * bookkeeping (claims, heartbeats, outcome writes), those should get a core the moment they need
 * one. So the job threads run at a Linux nice value ({@code --fit-nice}, default 19, the lowest
 * priority): the scheduler then gives the search every cycle nobody else wants, and a request waits
 * for at most a short slice instead of a queue of fitting threads. Measured in {@code
 * docs/scaling.md} ("Load").
 *
 * <p>Linux keeps a nice value per thread, and a thread inherits it from the thread that starts it,
 * so the optimizer pools a job starts are lowered too. Nothing else in the process is. Java has no
 * call for it, so {@code renice -n N -p TID} (util-linux) runs once per job thread, with the thread
 * id read from {@code /proc/thread-self}. Lowering a priority needs no privilege. Where it cannot
 * be done (not Linux, no {@code renice}), one warning is logged and jobs run at the process's
 * priority.
 */
public final class FitPriority {
  private static final Logger LOG = LoggerFactory.getLogger(FitPriority.class);
  private static final ThreadLocal<Boolean> DONE = ThreadLocal.withInitial(() -> false);
  private static final AtomicBoolean WARNED = new AtomicBoolean();

  private FitPriority() {}

  /** {@code handler}, run on a thread lowered to {@code nice} first (unchanged when 0). */
  public static JobHandler lowered(JobHandler handler, int nice) {
    if (nice == 0) {
      return handler;
    }
    return ctx -> {
      if (!DONE.get()) {
        DONE.set(true); // once per thread, whether or not it worked
        lowerThisThread(nice);
      }
      return handler.handle(ctx);
    };
  }

  /**
   * In a process that only runs jobs ({@code gridcast worker}), the JIT compiler threads work for
   * the search too: a worker JVM kept its C2 threads busy for minutes (a third of a core across
   * three workers, at normal priority, in the load run). They are lowered to {@code nice} as well;
   * threads the JIT adds later are started by these and inherit it. Returns how many were lowered.
   */
  public static int lowerCompilerThreads(int nice) {
    if (nice == 0) {
      return 0;
    }
    return lowerThreadsNamed(List.of("C1 CompilerThre", "C2 CompilerThre"), nice);
  }

  /** Lowers every thread of this process whose kernel name starts with one of {@code prefixes}. */
  static int lowerThreadsNamed(List<String> prefixes, int nice) {
    List<String> tids = new ArrayList<>();
    try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
      for (Path t : tasks.toList()) {
        String comm = read(t.resolve("comm"));
        if (comm != null && prefixes.stream().anyMatch(comm::startsWith)) {
          tids.add(t.getFileName().toString());
        }
      }
    } catch (IOException | RuntimeException e) {
      warn("no /proc/self/task (" + e + ")");
      return 0;
    }
    if (tids.isEmpty()) {
      return 0;
    }
    List<String> cmd = new ArrayList<>(List.of("renice", "-n", Integer.toString(nice), "-p"));
    cmd.addAll(tids);
    return renice(cmd) ? tids.size() : 0;
  }

  private static String read(Path p) {
    try {
      return Files.readString(p).strip();
    } catch (IOException e) {
      return null; // the thread ended meanwhile
    }
  }

  /**
   * Lowers the calling thread to nice value {@code nice} (a thread already at that or lower
   * priority stays as it is); false (and one warning) when that is not possible.
   */
  static boolean lowerThisThread(int nice) {
    String tid;
    try {
      tid = Files.readSymbolicLink(Path.of("/proc/thread-self")).getFileName().toString();
      if (niceOfThisThread() >= nice) {
        return true;
      }
    } catch (IOException | RuntimeException e) {
      return warn("no /proc/thread-self (" + e + ")");
    }
    return renice(List.of("renice", "-n", Integer.toString(nice), "-p", tid));
  }

  private static boolean renice(List<String> cmd) {
    try {
      Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes()).strip();
      if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
        return warn("renice answered: " + out);
      }
      return true;
    } catch (IOException e) {
      return warn("renice could not run (" + e.getMessage() + ")");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** The calling thread's nice value, from {@code /proc/thread-self/stat}. */
  static int niceOfThisThread() throws IOException {
    String stat = Files.readString(Path.of("/proc/thread-self/stat"));
    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return Integer.parseInt(f[16]); // field 19 of stat(5); f[0] is field 3
  }

  private static boolean warn(String why) {
    if (WARNED.compareAndSet(false, true)) {
      LOG.warn("job threads keep the process's CPU priority: {}", why);
    }
    return false;
  }
}
