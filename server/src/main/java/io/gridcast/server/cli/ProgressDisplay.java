package io.gridcast.server.cli;

import java.io.Console;
import java.io.PrintStream;
import java.time.temporal.ChronoUnit;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * How {@code optimize} shows its progress: a bar with the series done, the speed and the time left
 * (the progressbar library, redrawn in place) when the process runs on a terminal, nothing when its
 * output goes to a pipe or a file, where a redrawn line would be noise. Not thread-safe: stepped
 * from the thread that writes results.
 */
interface ProgressDisplay extends AutoCloseable {

  /** One more series done. */
  void step();

  @Override
  void close();

  /** Nothing shown. */
  ProgressDisplay NONE =
      new ProgressDisplay() {
        @Override
        public void step() {}

        @Override
        public void close() {}
      };

  /** A bar over {@code total} series on {@code err} when this process runs on a terminal. */
  static ProgressDisplay forSeries(long total, PrintStream err) {
    return onTerminal() ? bar(total, err) : NONE;
  }

  /** A bar over {@code total} jobs on {@code err} when this process runs on a terminal. */
  static ProgressDisplay forJobs(long total, PrintStream err) {
    return onTerminal() ? bar("submit", total, " jobs", err) : NONE;
  }

  /** A bar over {@code total} series on {@code err}: done/total, series per second, ETA. */
  static ProgressDisplay bar(long total, PrintStream err) {
    return bar("optimize", total, " series", err);
  }

  private static ProgressDisplay bar(String task, long total, String unit, PrintStream err) {
    ProgressBar pb =
        new ProgressBarBuilder()
            .setTaskName(task)
            .setInitialMax(total)
            .setUnit(unit, 1)
            .showSpeed()
            .setSpeedUnit(ChronoUnit.SECONDS)
            .setStyle(ProgressBarStyle.ASCII)
            .setUpdateIntervalMillis(250)
            .setConsumer(new ConsoleProgressBarConsumer(err))
            .build();
    return new ProgressDisplay() {
      @Override
      public void step() {
        pb.step();
      }

      @Override
      public void close() {
        pb.close();
      }
    };
  }

  /**
   * Whether standard input and output are a terminal (not redirected to a pipe or a file): {@link
   * System#console()} is null otherwise on JDK 21, and on later JDKs, which always give a console,
   * its {@code isTerminal()} says so.
   */
  static boolean onTerminal() {
    Console c = System.console();
    if (c == null) {
      return false;
    }
    try {
      return (Boolean) Console.class.getMethod("isTerminal").invoke(c);
    } catch (NoSuchMethodException e) {
      return true; // JDK 21: a console exists only on a terminal
    } catch (ReflectiveOperationException e) {
      return false;
    }
  }
}
