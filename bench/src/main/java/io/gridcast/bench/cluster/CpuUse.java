package io.gridcast.bench.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * CPU seconds (user + system, from {@code /proc/<pid>/stat}) spent by groups of processes between
 * two snapshots: each API, the workers together, PostgreSQL's processes together and this load
 * generator. Tells where the two cores went during a load run.
 */
final class CpuUse {
  private static final double TICKS = 100.0; // USER_HZ on Linux

  private final Map<String, Long> ticks;
  private final long nanos;

  private CpuUse(Map<String, Long> ticks, long nanos) {
    this.ticks = ticks;
    this.nanos = nanos;
  }

  static CpuUse snapshot(Cluster c) {
    Map<String, Long> m = new LinkedHashMap<>();
    for (Node api : c.apis) {
      m.put(api.name(), ticksOf(api.pid()));
    }
    m.put("workers", c.workers.stream().mapToLong(w -> ticksOf(w.pid())).sum());
    m.put("postgres", postgresTicks());
    m.put("load generator", ticksOf(ProcessHandle.current().pid()));
    return new CpuUse(m, System.nanoTime());
  }

  /** "api1 12.3 s (20 %), ..." as shares of one core over the interval. */
  String since(CpuUse before) {
    double wall = (nanos - before.nanos) / 1e9;
    StringBuilder sb = new StringBuilder();
    for (Map.Entry<String, Long> e : ticks.entrySet()) {
      double s = (e.getValue() - before.ticks.getOrDefault(e.getKey(), 0L)) / TICKS;
      if (!sb.isEmpty()) {
        sb.append(", ");
      }
      sb.append(
          String.format(
              Locale.ROOT, "%s %.1f s (%.0f %% of a core)", e.getKey(), s, 100 * s / wall));
    }
    return sb.toString();
  }

  private static long postgresTicks() {
    try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
      return procs
          .filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
          .mapToLong(p -> {
            String stat = read(p.resolve("stat"));
            return stat != null && stat.contains("(postgres)") ? ticks(stat) : 0L;
          })
          .sum();
    } catch (IOException e) {
      return 0L;
    }
  }

  private static long ticksOf(long pid) {
    String stat = read(Path.of("/proc", Long.toString(pid), "stat"));
    return stat == null ? 0L : ticks(stat);
  }

  /** utime + stime: fields 14 and 15, counted after the ")" that ends the command name. */
  private static long ticks(String stat) {
    List<String> f = List.of(stat.substring(stat.lastIndexOf(')') + 2).split(" "));
    return Long.parseLong(f.get(11)) + Long.parseLong(f.get(12));
  }

  private static String read(Path p) {
    try {
      return Files.readString(p);
    } catch (IOException e) {
      return null; // the process ended between listing and reading
    }
  }
}
