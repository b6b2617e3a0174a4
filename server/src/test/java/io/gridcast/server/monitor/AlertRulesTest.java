package io.gridcast.server.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridcast.server.config.AlertThresholds;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The rules on hand-made readings (default limits: CPU 80 % with a starved API, slowest call 1 s,
 * queue wait 100 ms, error rate 5 %, cache hit rate 50 %). The CPU readings come in two kinds: with
 * the API starved (its slowest call 2 s) and with the API answering at once (10 ms calls, 1 ms
 * queue wait), as when workers at nice 19 fill every idle core.
 */
class AlertRulesTest {
  private static final Instant T0 = Instant.parse("2026-11-23T12:00:00Z");
  private final AlertRules rules = new AlertRules(AlertThresholds.DEFAULTS);

  /** CPU at {@code percent} while API calls take 2 s: the API is starved. */
  private static AlertRules.Reading starved(double percent) {
    return new AlertRules.Reading(percent, null, 2.0, 0.001, null, null);
  }

  /** CPU at {@code percent} while API calls take 10 ms and requests wait 1 ms for a thread. */
  private static AlertRules.Reading serving(double percent) {
    return new AlertRules.Reading(percent, null, 0.01, 0.001, null, null);
  }

  /**
   * Evaluates {@code reading} {@value AlertRules#CPU_RAISE_AFTER} times; the changes of the last.
   */
  private List<Alert> repeat(AlertRules.Reading reading, Instant at) {
    List<Alert> last = List.of();
    for (int i = 0; i < AlertRules.CPU_RAISE_AFTER; i++) {
      last = rules.evaluate(reading, at);
    }
    return last;
  }

  private static AlertRules.Reading hitRate(double percent) {
    return new AlertRules.Reading(null, null, null, null, null, percent);
  }

  @Test
  void cpuAboveLimit_whileTheApiAnswersAtOnce_raisesNothing() {
    for (int i = 0; i < 10; i++) {
      assertThat(rules.evaluate(serving(100), T0.plusSeconds(i))).isEmpty();
    }
    assertThat(rules.active()).isEmpty();
  }

  @Test
  void cpuAboveLimit_withTheApiStarved_raisesOneAlert_withValueLimitAndMessage() {
    AlertRules.Reading starved = new AlertRules.Reading(85.0, null, 1.2, 0.02, null, null);
    assertThat(rules.evaluate(starved, T0))
        .extracting(Alert::rule)
        .containsExactly("operation_duration");
    assertThat(rules.evaluate(starved, T0.plusSeconds(5))).isEmpty();

    List<Alert> changes = rules.evaluate(starved, T0.plusSeconds(10));

    assertThat(changes).extracting(Alert::rule).containsExactly("cpu");
    Alert a = changes.get(0);
    assertThat(a.rule()).isEqualTo("cpu");
    assertThat(a.state()).isEqualTo(Alert.RAISED);
    assertThat(a.severity()).isEqualTo("warning");
    assertThat(a.value()).isEqualTo(85);
    assertThat(a.threshold()).isEqualTo(80);
    assertThat(a.message())
        .contains("85.0 %")
        .contains("80.0 %")
        .contains("slowest call 1.200 s")
        .contains("queue wait 0.020 s");
    assertThat(rules.active()).extracting(Alert::rule).containsExactly("cpu", "operation_duration");
  }

  @Test
  void oneStarvedReading_isNoCpuAlert_theStarvationMustLast() {
    AlertRules.Reading hiccup = new AlertRules.Reading(100.0, null, null, 0.4, null, null);
    for (int i = 0; i < 10; i++) {
      rules.evaluate(hiccup, T0.plusSeconds(2 * i));
      rules.evaluate(serving(100), T0.plusSeconds(2 * i + 1));
    }
    assertThat(rules.history()).isEmpty();
  }

  @Test
  void queueWaitOverItsLimit_countsAsStarved_evenWithoutApiCalls() {
    AlertRules.Reading noCallsSlowThreads =
        new AlertRules.Reading(95.0, null, null, 0.25, null, null);
    assertThat(repeat(noCallsSlowThreads, T0))
        .singleElement()
        .satisfies(a -> {
          assertThat(a.rule()).isEqualTo("cpu");
          assertThat(a.severity()).as("0.25 s is 2.5 times the wait limit").isEqualTo("critical");
          assertThat(a.message()).contains("slowest call none").contains("queue wait 0.250 s");
        });
  }

  @Test
  void starvedApi_withIdleCpu_isNoCpuAlert() {
    repeat(new AlertRules.Reading(30.0, null, null, 0.5, null, null), T0);
    assertThat(rules.history()).isEmpty();
  }

  @Test
  void valueAtTheLimit_doesNotRaise() {
    repeat(new AlertRules.Reading(80.0, 1024.0 * 1024 * 1024, 1.0, 0.1, 5.0, 50.0), T0);
    assertThat(rules.history()).isEmpty();
  }

  @Test
  void valueHoveringAroundTheLimit_raisesOnce_andDoesNotFlap() {
    double gib = 1024.0 * 1024 * 1024;
    double[] readings = {1.01, 0.99, 1.01, 0.98, 1.02, 0.995, 1.01};
    int changes = 0;
    for (int i = 0; i < readings.length; i++) {
      AlertRules.Reading r =
          new AlertRules.Reading(null, readings[i] * gib, null, null, null, null);
      changes += rules.evaluate(r, T0.plusSeconds(i)).size();
    }
    assertThat(changes).isEqualTo(1);
    assertThat(rules.active()).extracting(Alert::rule).containsExactly("memory");
  }

  @Test
  void raisedAlert_clearsOnlyAfterConsecutiveReadingsInsideTheClearBand() {
    repeat(starved(95), T0);
    assertThat(rules.evaluate(starved(50), T0.plusSeconds(1))).isEmpty();
    assertThat(rules.evaluate(starved(90), T0.plusSeconds(2))).isEmpty(); // breach resets the count
    assertThat(rules.evaluate(starved(50), T0.plusSeconds(3))).isEmpty();

    List<Alert> cleared = rules.evaluate(starved(60), T0.plusSeconds(4));

    assertThat(cleared)
        .filteredOn(a -> a.rule().equals("cpu"))
        .singleElement()
        .satisfies(a -> {
          assertThat(a.state()).isEqualTo(Alert.CLEARED);
          assertThat(a.value()).isEqualTo(60);
        });
    assertThat(rules.active()).extracting(Alert::rule).containsExactly("operation_duration");
  }

  @Test
  void cpuAlert_clears_whenTheApiRecovers_whileTheCpuStaysBusy() {
    repeat(starved(100), T0);
    assertThat(rules.evaluate(serving(100), T0.plusSeconds(1))).isEmpty();

    List<Alert> changes = rules.evaluate(serving(100), T0.plusSeconds(2));

    assertThat(changes)
        .filteredOn(a -> a.rule().equals("cpu"))
        .extracting(Alert::state)
        .containsExactly(Alert.CLEARED);
    assertThat(rules.active()).isEmpty();
  }

  @Test
  void farPastTheLimit_isCritical() {
    assertThat(repeat(new AlertRules.Reading(99.0, null, 1.2, null, null, null), T0))
        .filteredOn(a -> a.rule().equals("cpu"))
        .extracting(Alert::severity)
        .as("slowest call 1.2 s is less than 1.5 times its limit")
        .containsExactly("warning");
    AlertRules slow =
        new AlertRules(AlertThresholds.DEFAULTS.withOperation(Duration.ofMillis(100)));
    Alert a = slow.evaluate(new AlertRules.Reading(null, null, 0.2, null, null, null), T0).get(0);
    assertThat(a.rule()).isEqualTo("operation_duration");
    assertThat(a.severity()).isEqualTo("critical");
  }

  @Test
  void cacheHitRate_isALowerBound_andAlwaysAWarning() {
    assertThat(rules.evaluate(hitRate(70), T0)).isEmpty();
    Alert raised = rules.evaluate(hitRate(0), T0).get(0);
    assertThat(raised.rule()).isEqualTo("cache_hit_rate");
    assertThat(raised.severity()).as("0 % is far below 50 %, still a warning").isEqualTo("warning");
    rules.evaluate(hitRate(54), T0); // inside the limit but not past the 10 % band
    rules.evaluate(hitRate(54), T0);
    assertThat(rules.active()).hasSize(1);
    rules.evaluate(hitRate(56), T0);
    assertThat(rules.evaluate(hitRate(90), T0)).extracting(Alert::state).containsExactly("cleared");
  }

  @Test
  void missingFigures_leaveTheirRulesAsTheyAre() {
    repeat(starved(99), T0);
    AlertRules.Reading none = new AlertRules.Reading(null, null, null, null, null, null);
    for (int i = 0; i < 5; i++) {
      assertThat(rules.evaluate(none, T0)).isEmpty();
    }
    assertThat(rules.active()).extracting(Alert::rule).containsExactly("cpu", "operation_duration");
  }

  @Test
  void everyRule_raisesOnItsOwnFigure() {
    repeat(new AlertRules.Reading(90.0, 2.0 * 1024 * 1024 * 1024, 1.5, 0.001, 10.0, 20.0), T0);
    assertThat(rules.active())
        .extracting(Alert::rule)
        .containsExactly("cpu", "memory", "operation_duration", "error_rate", "cache_hit_rate");
  }

  @Test
  void history_isBounded_andChangesAfterFollowSequence() {
    AlertRules.Reading slowCalls = new AlertRules.Reading(null, null, 5.0, null, null, null);
    AlertRules.Reading fastCalls = new AlertRules.Reading(null, null, 0.01, null, null, null);
    for (int i = 0; i < AlertRules.HISTORY_LIMIT; i++) {
      rules.evaluate(slowCalls, T0);
      rules.evaluate(fastCalls, T0);
      rules.evaluate(fastCalls, T0);
    }
    assertThat(rules.history()).hasSize(AlertRules.HISTORY_LIMIT);
    assertThat(rules.latestSeq()).isEqualTo(2L * AlertRules.HISTORY_LIMIT);
    long before = rules.latestSeq();
    rules.evaluate(slowCalls, T0);
    assertThat(rules.changesAfter(before)).extracting(Alert::seq).containsExactly(before + 1);
  }

  @Test
  void listeners_hearEveryEvaluationThatChangedSomething() {
    AtomicInteger heard = new AtomicInteger();
    rules.onChange(heard::incrementAndGet);
    rules.evaluate(serving(100), T0);
    rules.evaluate(starved(95), T0); // operation_duration
    rules.evaluate(starved(96), T0);
    rules.evaluate(starved(96), T0); // cpu, after three starved readings
    rules.evaluate(starved(97), T0);
    assertThat(heard).hasValue(2);
  }
}
