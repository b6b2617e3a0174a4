package io.gridcast.server.app;

import io.gridcast.queue.JobHandler;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An {@link OutOfMemoryError} anywhere ends the process: a JVM that ran out of memory once may have
 * lost any thread (the one that publishes job events, a worker's heartbeat) and would go on
 * answering {@code /healthz} while doing nothing. At the first one seen, {@link #healthy()} turns
 * false (so {@code /readyz} answers 503 and a load balancer stops sending), one ERROR line is
 * logged, and a thread started in advance (nothing needs to be allocated for it at that moment)
 * exits with {@link #EXIT_CODE}; the shutdown hooks then stop the process in their usual order, and
 * if they have not finished after {@link #HALT_AFTER} the process halts. The supervisor (systemd's
 * {@code Restart=on-failure}) starts it again.
 *
 * <p>Where an error is seen: job handlers ({@link #watching}), HTTP requests (the API's error hook)
 * and any thread that dies of one (the default uncaught-exception handler, {@link #process()}). The
 * launcher also starts the JVM with {@code -XX:+ExitOnOutOfMemoryError}, which ends it at the first
 * allocation failure even where the error is caught and swallowed. Thread-safe.
 */
public final class OutOfMemoryExit {
  private static final Logger LOG = LoggerFactory.getLogger(OutOfMemoryExit.class);

  /** The exit status after an out-of-memory error (the JVM's own for that error, too). */
  public static final int EXIT_CODE = 3;

  /** How long the shutdown hooks may take before the process halts. */
  public static final Duration HALT_AFTER = Duration.ofSeconds(20);

  private static final AtomicReference<OutOfMemoryExit> PROCESS = new AtomicReference<>();

  private final AtomicReference<Throwable> first = new AtomicReference<>();
  private final CountDownLatch fired = new CountDownLatch(1);

  private OutOfMemoryExit(IntConsumer exit, Runnable halt) {
    Thread.ofPlatform()
        .daemon()
        .name("gridcast-oom-exit")
        .start(() -> {
          try {
            fired.await();
          } catch (InterruptedException e) {
            return;
          }
          try {
            Throwable t = first.get();
            LOG.error(
                "out of memory ({}); exiting with status {} so that the supervisor restarts"
                    + " the process",
                t,
                EXIT_CODE);
          } catch (Throwable ignored) {
            // no memory to log with: exit all the same
          }
          Thread.ofPlatform()
              .daemon()
              .name("gridcast-oom-halt")
              .start(() -> {
                try {
                  Thread.sleep(HALT_AFTER);
                } catch (InterruptedException e) {
                  return;
                }
                halt.run();
              });
          exit.accept(EXIT_CODE);
        });
  }

  /**
   * The process's one instance: exits with {@link System#exit}, halts with {@link Runtime#halt},
   * and is the default handler of every thread that dies of an uncaught error.
   */
  public static OutOfMemoryExit process() {
    OutOfMemoryExit existing = PROCESS.get();
    if (existing != null) {
      return existing;
    }
    OutOfMemoryExit created =
        new OutOfMemoryExit(System::exit, () -> Runtime.getRuntime().halt(EXIT_CODE));
    if (!PROCESS.compareAndSet(null, created)) {
      return PROCESS.get();
    }
    Thread.UncaughtExceptionHandler previous = Thread.getDefaultUncaughtExceptionHandler();
    Thread.setDefaultUncaughtExceptionHandler((thread, t) -> {
      created.seen(t);
      if (previous != null) {
        previous.uncaughtException(thread, t);
      } else {
        System.err.print("Exception in thread \"" + thread.getName() + "\" ");
        t.printStackTrace();
      }
    });
    return created;
  }

  /** An instance that calls {@code exit} (and, if that does not return in time, {@code halt}). */
  static OutOfMemoryExit calling(IntConsumer exit, Runnable halt) {
    return new OutOfMemoryExit(exit, halt);
  }

  /** False once an out-of-memory error was seen: the process is on its way out. */
  public boolean healthy() {
    return first.get() == null;
  }

  /**
   * Ends the process if {@code t} is, or was caused by, an {@link OutOfMemoryError}; otherwise does
   * nothing.
   */
  public void seen(Throwable t) {
    if (outOfMemory(t) && first.compareAndSet(null, t)) {
      fired.countDown();
    }
  }

  /** {@code handler}, ending the process when it fails for lack of memory. */
  public JobHandler watching(JobHandler handler) {
    return ctx -> {
      try {
        return handler.handle(ctx);
      } catch (Throwable t) {
        seen(t);
        throw t;
      }
    };
  }

  static boolean outOfMemory(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof OutOfMemoryError) {
        return true;
      }
      if (c.getCause() == c) {
        break;
      }
    }
    return false;
  }
}
