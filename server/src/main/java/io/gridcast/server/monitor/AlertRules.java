package io.gridcast.server.monitor;

import io.gridcast.server.config.AlertThresholds;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Threshold alerts with hysteresis and a bounded history.
 *
 * <p>A rule is raised by the first reading past its limit ({@code value > limit} for CPU, memory,
 * operation duration and error rate; {@code value < limit} for the cache hit rate). It clears only
 * after {@value #CLEAR_AFTER} consecutive readings inside the clear band, {@code value < 0.9 *
 * limit} (upper limits) or {@code value > 1.1 * limit} (the lower one): a value hovering at the
 * limit raises once and stays raised instead of flapping. A reading without a value for a rule (no
 * API calls in the interval, no cache) leaves that rule as it is.
 *
 * <p>Thread-safe: evaluation and reads synchronize on this object; listeners run after the change
 * is recorded, outside the lock.
 */
public final class AlertRules {
  /** Changes (raised and cleared) kept in the history, oldest dropped first. */
  public static final int HISTORY_LIMIT = 500;

  /** Consecutive readings inside the clear band before a raised alert clears. */
  public static final int CLEAR_AFTER = 2;

  static final double CLEAR_BAND = 0.1;
  static final double CRITICAL_FACTOR = 1.5;

  /** The rules, by their stable names. */
  public enum Rule {
    CPU("%", false),
    MEMORY("bytes", false),
    OPERATION_DURATION("s", false),
    ERROR_RATE("%", false),
    CACHE_HIT_RATE("%", true);

    private final String unit;
    private final boolean lowerBound;

    Rule(String unit, boolean lowerBound) {
      this.unit = unit;
      this.lowerBound = lowerBound;
    }

    public String key() {
      return name().toLowerCase(Locale.ROOT);
    }

    public String unit() {
      return unit;
    }
  }

  /**
   * One reading of every rule's figure; null where it was not measured.
   *
   * @param cpuPercent system CPU load, percent
   * @param memoryBytes resident memory of the process
   * @param operationSeconds the slowest API call of the interval
   * @param errorRatePercent failed calls and jobs of the interval, percent
   * @param cacheHitRatePercent result-cache hit rate, percent
   */
  public record Reading(
      Double cpuPercent,
      Double memoryBytes,
      Double operationSeconds,
      Double errorRatePercent,
      Double cacheHitRatePercent) {

    Double value(Rule r) {
      return switch (r) {
        case CPU -> cpuPercent;
        case MEMORY -> memoryBytes;
        case OPERATION_DURATION -> operationSeconds;
        case ERROR_RATE -> errorRatePercent;
        case CACHE_HIT_RATE -> cacheHitRatePercent;
      };
    }
  }

  private final Map<Rule, Double> limits = new EnumMap<>(Rule.class);
  private final Map<Rule, Alert> active = new EnumMap<>(Rule.class);
  private final Map<Rule, Integer> calm = new EnumMap<>(Rule.class);
  private final Deque<Alert> history = new ArrayDeque<>();
  private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
  private long seq;

  public AlertRules(AlertThresholds t) {
    limits.put(Rule.CPU, t.cpuPercent());
    limits.put(Rule.MEMORY, (double) t.memoryBytes());
    limits.put(Rule.OPERATION_DURATION, t.operation().toNanos() / 1e9);
    limits.put(Rule.ERROR_RATE, t.errorRatePercent());
    limits.put(Rule.CACHE_HIT_RATE, t.cacheHitRatePercent());
  }

  /** The limit of a rule, in its unit. */
  public double limit(Rule r) {
    return limits.get(r);
  }

  /** Called after every evaluation that raised or cleared something. */
  public void onChange(Runnable listener) {
    listeners.add(listener);
  }

  /** Applies one reading; returns the changes it caused (empty most of the time). */
  public List<Alert> evaluate(Reading reading, Instant at) {
    List<Alert> changes = new ArrayList<>();
    synchronized (this) {
      for (Rule r : Rule.values()) {
        Double v = reading.value(r);
        if (v == null || v.isNaN()) {
          continue;
        }
        double limit = limits.get(r);
        boolean breach = r.lowerBound ? v < limit : v > limit;
        boolean insideClearBand =
            r.lowerBound ? v > limit * (1 + CLEAR_BAND) : v < limit * (1 - CLEAR_BAND);
        Alert current = active.get(r);
        if (current == null && breach) {
          Alert a = record(r, Alert.RAISED, v, limit, at);
          active.put(r, a);
          calm.put(r, 0);
          changes.add(a);
        } else if (current != null) {
          int n = insideClearBand ? calm.getOrDefault(r, 0) + 1 : 0;
          calm.put(r, n);
          if (n >= CLEAR_AFTER) {
            active.remove(r);
            calm.remove(r);
            changes.add(record(r, Alert.CLEARED, v, limit, at));
          }
        }
      }
    }
    if (!changes.isEmpty()) {
      for (Runnable l : listeners) {
        l.run();
      }
    }
    return changes;
  }

  private Alert record(Rule r, String state, double v, double limit, Instant at) {
    boolean critical = r.lowerBound ? v < limit / CRITICAL_FACTOR : v > limit * CRITICAL_FACTOR;
    String severity = Alert.RAISED.equals(state) && critical ? "critical" : "warning";
    String message =
        Alert.RAISED.equals(state)
            ? describe(r)
                + " "
                + show(r, v)
                + (r.lowerBound ? " below " : " above ")
                + show(r, limit)
            : describe(r) + " back to " + show(r, v) + " (limit " + show(r, limit) + ")";
    Alert a = new Alert(++seq, r.key(), state, severity, v, limit, message, at);
    history.addLast(a);
    while (history.size() > HISTORY_LIMIT) {
      history.removeFirst();
    }
    return a;
  }

  private static String describe(Rule r) {
    return switch (r) {
      case CPU -> "CPU load";
      case MEMORY -> "resident memory";
      case OPERATION_DURATION -> "slowest API call";
      case ERROR_RATE -> "error rate";
      case CACHE_HIT_RATE -> "cache hit rate";
    };
  }

  private static String show(Rule r, double v) {
    return switch (r) {
      case MEMORY -> String.format(Locale.ROOT, "%.0f MiB", v / (1024 * 1024));
      case OPERATION_DURATION -> String.format(Locale.ROOT, "%.3f s", v);
      default -> String.format(Locale.ROOT, "%.1f %%", v);
    };
  }

  /** The raised alerts, by rule order. */
  public synchronized List<Alert> active() {
    return List.copyOf(active.values());
  }

  /** The kept changes, newest first. */
  public synchronized List<Alert> history() {
    List<Alert> out = new ArrayList<>(history);
    Collections.reverse(out);
    return out;
  }

  /** The kept changes with {@code seq > after}, oldest first. */
  public synchronized List<Alert> changesAfter(long after) {
    List<Alert> out = new ArrayList<>();
    for (Alert a : history) {
      if (a.seq() > after) {
        out.add(a);
      }
    }
    return out;
  }

  /** The sequence of the latest change, 0 when none. */
  public synchronized long latestSeq() {
    return seq;
  }
}
