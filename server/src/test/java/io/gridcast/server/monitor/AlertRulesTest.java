package io.gridcast.server.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridcast.server.config.AlertThresholds;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class AlertRulesTest {
  private static final Instant T0 = Instant.parse("2026-11-23T12:00:00Z");
  private final AlertRules rules = new AlertRules(AlertThresholds.DEFAULTS);

  private static AlertRules.Reading cpu(double percent) {
    return new AlertRules.Reading(percent, null, null, null, null);
  }

  private static AlertRules.Reading hitRate(double percent) {
    return new AlertRules.Reading(null, null, null, null, percent);
  }

  @Test
  void cpuAboveLimit_raisesOneAlert_withValueLimitAndMessage() {
    List<Alert> changes = rules.evaluate(cpu(85), T0);

    assertThat(changes).hasSize(1);
    Alert a = changes.get(0);
    assertThat(a.rule()).isEqualTo("cpu");
    assertThat(a.state()).isEqualTo(Alert.RAISED);
    assertThat(a.severity()).isEqualTo("warning");
    assertThat(a.value()).isEqualTo(85);
    assertThat(a.threshold()).isEqualTo(80);
    assertThat(a.message()).contains("85.0 %").contains("80.0 %");
    assertThat(rules.active()).containsExactly(a);
  }

  @Test
  void valueAtTheLimit_doesNotRaise() {
    assertThat(rules.evaluate(cpu(80), T0)).isEmpty();
    assertThat(rules.active()).isEmpty();
  }

  @Test
  void valueHoveringAroundTheLimit_raisesOnce_andDoesNotFlap() {
    double[] readings = {81, 79, 81, 78, 82, 79.5, 81};
    int changes = 0;
    for (int i = 0; i < readings.length; i++) {
      changes += rules.evaluate(cpu(readings[i]), T0.plusSeconds(i)).size();
    }
    assertThat(changes).isEqualTo(1);
    assertThat(rules.active()).hasSize(1);
  }

  @Test
  void raisedAlert_clearsOnlyAfterConsecutiveReadingsInsideTheClearBand() {
    rules.evaluate(cpu(95), T0);
    assertThat(rules.evaluate(cpu(50), T0.plusSeconds(1))).isEmpty();
    assertThat(rules.evaluate(cpu(90), T0.plusSeconds(2))).isEmpty(); // breach resets the count
    assertThat(rules.evaluate(cpu(50), T0.plusSeconds(3))).isEmpty();

    List<Alert> cleared = rules.evaluate(cpu(60), T0.plusSeconds(4));

    assertThat(cleared)
        .singleElement()
        .satisfies(a -> {
          assertThat(a.state()).isEqualTo(Alert.CLEARED);
          assertThat(a.value()).isEqualTo(60);
        });
    assertThat(rules.active()).isEmpty();
    assertThat(rules.history()).extracting(Alert::state).containsExactly("cleared", "raised");
  }

  @Test
  void farPastTheLimit_isCritical() {
    assertThat(rules.evaluate(cpu(99), T0).get(0).severity()).isEqualTo("warning");
    AlertRules slow =
        new AlertRules(AlertThresholds.DEFAULTS.withOperation(Duration.ofMillis(100)));
    Alert a = slow.evaluate(new AlertRules.Reading(null, null, 0.2, null, null), T0).get(0);
    assertThat(a.rule()).isEqualTo("operation_duration");
    assertThat(a.severity()).isEqualTo("critical");
  }

  @Test
  void cacheHitRate_isALowerBound() {
    assertThat(rules.evaluate(hitRate(70), T0)).isEmpty();
    assertThat(rules.evaluate(hitRate(40), T0).get(0).rule()).isEqualTo("cache_hit_rate");
    rules.evaluate(hitRate(54), T0); // inside the limit but not past the 10 % band
    rules.evaluate(hitRate(54), T0);
    assertThat(rules.active()).hasSize(1);
    rules.evaluate(hitRate(56), T0);
    assertThat(rules.evaluate(hitRate(90), T0)).extracting(Alert::state).containsExactly("cleared");
  }

  @Test
  void missingFigures_leaveTheirRulesAsTheyAre() {
    rules.evaluate(cpu(99), T0);
    AlertRules.Reading none = new AlertRules.Reading(null, null, null, null, null);
    for (int i = 0; i < 5; i++) {
      assertThat(rules.evaluate(none, T0)).isEmpty();
    }
    assertThat(rules.active()).extracting(Alert::rule).containsExactly("cpu");
  }

  @Test
  void everyRule_raisesOnItsOwnFigure() {
    List<Alert> all =
        rules.evaluate(new AlertRules.Reading(90.0, 2.0 * 1024 * 1024 * 1024, 1.5, 10.0, 20.0), T0);
    assertThat(all)
        .extracting(Alert::rule)
        .containsExactly("cpu", "memory", "operation_duration", "error_rate", "cache_hit_rate");
  }

  @Test
  void history_isBounded_andChangesAfterFollowSequence() {
    for (int i = 0; i < AlertRules.HISTORY_LIMIT; i++) {
      rules.evaluate(cpu(95), T0);
      rules.evaluate(cpu(10), T0);
      rules.evaluate(cpu(10), T0);
    }
    assertThat(rules.history()).hasSize(AlertRules.HISTORY_LIMIT);
    assertThat(rules.latestSeq()).isEqualTo(2L * AlertRules.HISTORY_LIMIT);
    long before = rules.latestSeq();
    rules.evaluate(cpu(95), T0);
    assertThat(rules.changesAfter(before)).extracting(Alert::seq).containsExactly(before + 1);
  }

  @Test
  void listeners_hearEveryEvaluationThatChangedSomething() {
    AtomicInteger heard = new AtomicInteger();
    rules.onChange(heard::incrementAndGet);
    rules.evaluate(cpu(10), T0);
    rules.evaluate(cpu(95), T0);
    rules.evaluate(cpu(96), T0);
    assertThat(heard).hasValue(1);
  }
}
