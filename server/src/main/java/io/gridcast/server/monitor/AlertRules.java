package io.gridcast.server.monitor;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import io.gridcast.server.config.AlertThresholds;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Threshold alerts with hysteresis and a bounded history.
 *
 * <p>A rule is raised by the first reading past its limit ({@code value > limit} for memory,
 * operation duration and error rate; {@code value < limit} for the cache hit rate). The CPU rule
 * asks for more: CPU above its limit <em>and</em> the API starved, that is the slowest interactive
 * call over the operation limit or a new request's wait for a thread over the queue-wait limit, in
 * {@value #CPU_RAISE_AFTER} consecutive readings (15 s at the default interval). Workers that fill
 * idle cores at nice 19 leave the API answering at once, and that is no alert; neither is one
 * request that waited while the machine's scheduler served someone else for a moment.
 *
 * <p>A raised rule clears only after {@value #CLEAR_AFTER} consecutive readings inside the clear
 * band, {@code value < 0.9 * limit} (upper limits) or {@code value > 1.1 * limit} (the lower one);
 * the CPU rule also clears when both starvation figures are back under 0.9 times their limits. A
 * value hovering at the limit raises once and stays raised instead of flapping. A reading without a
 * value for a rule (no API calls in the interval, a cache hit rate not yet judged) leaves that rule
 * as it is.
 *
 * <p>Severity: {@code critical} when the value is {@value #CRITICAL_FACTOR} times past its limit
 * (for CPU: a starvation figure 1.5 times past its limit), else {@code warning}; the cache hit rate
 * is always a warning, since a cold or bypassed cache costs time, never correctness.
 *
 * <p>Thread-safe: evaluation and reads synchronize on this object; listeners run after the change
 * is recorded, outside the lock.
 */
public final class AlertRules {
  /** Changes (raised and cleared) kept in the history, oldest dropped first. */
  public static final int HISTORY_LIMIT = 500;

  /** Consecutive readings inside the clear band before a raised alert clears. */
  public static final int CLEAR_AFTER = 2;

  /** Consecutive starved readings with CPU past its limit before the CPU alert is raised. */
  public static final int CPU_RAISE_AFTER = 3;

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
   * @param operationSeconds the slowest interactive API call of the interval
   * @param queueWaitSeconds how long a new request waited for a thread ({@link QueueWaitProbe})
   * @param errorRatePercent failed calls and jobs of the interval, percent
   * @param cacheHitRatePercent result-cache hit rate over the cache window, percent; null until the
   *     window is full and holds enough lookups
   */
  public record Reading(
      Double cpuPercent,
      Double memoryBytes,
      Double operationSeconds,
      Double queueWaitSeconds,
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

  private final AlertThresholds thresholds;
  private final Map<Rule, Double> limits = new EnumMap<>(Rule.class);
  private final Map<Rule, Alert> active = new EnumMap<>(Rule.class);
  private final Map<Rule, Integer> calm = new EnumMap<>(Rule.class);
  private final Map<Rule, Integer> breaches = new EnumMap<>(Rule.class);
  private final Deque<Alert> history = new ArrayDeque<>();
  private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
  private long seq;

  public AlertRules(AlertThresholds t) {
    this.thresholds = t;
    limits.put(Rule.CPU, t.cpuPercent());
    limits.put(Rule.MEMORY, (double) t.memoryBytes());
    limits.put(Rule.OPERATION_DURATION, seconds(t.operation()));
    limits.put(Rule.ERROR_RATE, t.errorRatePercent());
    limits.put(Rule.CACHE_HIT_RATE, t.cacheHitRatePercent());
  }

  private static double seconds(Duration d) {
    return d.toNanos() / 1e9;
  }

  /** The limits these rules were built with. */
  public AlertThresholds thresholds() {
    return thresholds;
  }

  /** The limit of a rule, in its unit. */
  public double limit(Rule r) {
    return limits.get(r);
  }

  /**
   * A rule's limit in its unit, with what else the rule asks for (null where it asks nothing more).
   *
   * @param starvedOperationSeconds cpu: the slowest interactive call that counts the API as starved
   * @param starvedQueueWaitSeconds cpu: the wait of a new request that counts the API as starved
   * @param windowSeconds cache_hit_rate: the span the hit rate is judged over
   * @param minLookups cache_hit_rate: the fewest lookups in the window to be judged
   */
  public record RuleLimit(
      double limit,
      String unit,
      @JsonInclude(Include.NON_NULL) Double starvedOperationSeconds,
      @JsonInclude(Include.NON_NULL) Double starvedQueueWaitSeconds,
      @JsonInclude(Include.NON_NULL) Long windowSeconds,
      @JsonInclude(Include.NON_NULL) Long minLookups) {}

  /** Every rule's limit by rule name, in rule order ({@code GET /api/performance/alerts}). */
  public Map<String, RuleLimit> describeLimits() {
    Map<String, RuleLimit> m = new LinkedHashMap<>();
    for (Rule r : Rule.values()) {
      m.put(
          r.key(),
          switch (r) {
            case CPU ->
                new RuleLimit(
                    limit(r),
                    r.unit(),
                    seconds(thresholds.operation()),
                    seconds(thresholds.queueWait()),
                    null,
                    null);
            case CACHE_HIT_RATE ->
                new RuleLimit(
                    limit(r),
                    r.unit(),
                    null,
                    null,
                    thresholds.cacheWindow().toSeconds(),
                    thresholds.cacheMinLookups());
            case MEMORY, OPERATION_DURATION, ERROR_RATE ->
                new RuleLimit(limit(r), r.unit(), null, null, null, null);
          });
    }
    return m;
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
        boolean breach;
        boolean insideClearBand;
        if (r == Rule.CPU) {
          breach = v > limit && starved(reading, 1);
          insideClearBand = v < limit * (1 - CLEAR_BAND) || !starved(reading, 1 - CLEAR_BAND);
        } else if (r.lowerBound) {
          breach = v < limit;
          insideClearBand = v > limit * (1 + CLEAR_BAND);
        } else {
          breach = v > limit;
          insideClearBand = v < limit * (1 - CLEAR_BAND);
        }
        int streak = breach ? breaches.getOrDefault(r, 0) + 1 : 0;
        breaches.put(r, streak);
        int raiseAfter = r == Rule.CPU ? CPU_RAISE_AFTER : 1;
        Alert current = active.get(r);
        if (current == null && streak >= raiseAfter) {
          Alert a = record(r, Alert.RAISED, v, limit, at, reading);
          active.put(r, a);
          calm.put(r, 0);
          changes.add(a);
        } else if (current != null) {
          int n = insideClearBand ? calm.getOrDefault(r, 0) + 1 : 0;
          calm.put(r, n);
          if (n >= CLEAR_AFTER) {
            active.remove(r);
            calm.remove(r);
            changes.add(record(r, Alert.CLEARED, v, limit, at, reading));
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

  /**
   * True when the slowest interactive call or the queue wait is above {@code factor} times its
   * limit: the API itself is slow, not merely the machine busy.
   */
  private boolean starved(Reading x, double factor) {
    return above(x.operationSeconds(), factor * seconds(thresholds.operation()))
        || above(x.queueWaitSeconds(), factor * seconds(thresholds.queueWait()));
  }

  private static boolean above(Double v, double limit) {
    return v != null && v > limit;
  }

  private Alert record(Rule r, String state, double v, double limit, Instant at, Reading x) {
    boolean critical =
        switch (r) {
          case CACHE_HIT_RATE -> false;
          case CPU -> starved(x, CRITICAL_FACTOR);
          default -> v > limit * CRITICAL_FACTOR;
        };
    String severity = Alert.RAISED.equals(state) && critical ? "critical" : "warning";
    String message =
        Alert.RAISED.equals(state)
            ? describe(r)
                + " "
                + show(r, v)
                + (r.lowerBound ? " below " : " above ")
                + show(r, limit)
                + (r == Rule.CPU ? starvation(x) : "")
            : describe(r) + " back to " + show(r, v) + " (limit " + show(r, limit) + ")";
    Alert a = new Alert(++seq, r.key(), state, severity, v, limit, message, at);
    history.addLast(a);
    while (history.size() > HISTORY_LIMIT) {
      history.removeFirst();
    }
    return a;
  }

  private String starvation(Reading x) {
    return String.format(
        Locale.ROOT,
        " while the API is starved: slowest call %s (limit %.3f s), queue wait %s (limit %.3f s)",
        x.operationSeconds() == null
            ? "none"
            : String.format(Locale.ROOT, "%.3f s", x.operationSeconds()),
        seconds(thresholds.operation()),
        x.queueWaitSeconds() == null
            ? "not measured"
            : String.format(Locale.ROOT, "%.3f s", x.queueWaitSeconds()),
        seconds(thresholds.queueWait()));
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
