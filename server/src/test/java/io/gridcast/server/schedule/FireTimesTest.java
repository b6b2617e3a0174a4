package io.gridcast.server.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class FireTimesTest {

  @Test
  void nextAfter_isStrictlyAfterTheGivenTime() {
    FireTimes hourly = FireTimes.parse("0 * * * *", "UTC");
    assertThat(hourly.nextAfter(Instant.parse("2026-12-07T10:59:59Z")))
        .contains(Instant.parse("2026-12-07T11:00:00Z"));
    assertThat(hourly.nextAfter(Instant.parse("2026-12-07T11:00:00Z")))
        .contains(Instant.parse("2026-12-07T12:00:00Z"));
  }

  @Test
  void nextAfter_readsTheCronInItsTimeZone_acrossDaylightSaving() {
    FireTimes six = FireTimes.parse("0 6 * * *", "Europe/Berlin");
    // winter: UTC+1; summer (from 2027-03-28): UTC+2
    assertThat(six.nextAfter(Instant.parse("2027-03-27T12:00:00Z")))
        .contains(Instant.parse("2027-03-28T04:00:00Z"));
    assertThat(six.nextAfter(Instant.parse("2027-03-26T12:00:00Z")))
        .contains(Instant.parse("2027-03-27T05:00:00Z"));
  }

  @Test
  void parse_readsDaysOfWeekAndRanges() {
    FireTimes weekdays = FireTimes.parse("30 8 * * 1-5", "UTC");
    // 2026-12-05 is a Saturday: the next fire is Monday 08:30
    assertThat(weekdays.nextAfter(Instant.parse("2026-12-05T09:00:00Z")))
        .contains(Instant.parse("2026-12-07T08:30:00Z"));
  }

  @Test
  void parse_refusesAnExpressionWithoutFiveFields_namingCron() {
    assertThatThrownBy(() -> FireTimes.parse("0 0 * * * *", "UTC"))
        .isInstanceOfSatisfying(
            InvalidScheduleException.class, e -> assertThat(e.field()).isEqualTo("cron"))
        .hasMessageContaining("5 fields");
  }

  @Test
  void parse_refusesAnOutOfRangeField_namingCron() {
    assertThatThrownBy(() -> FireTimes.parse("61 * * * *", "UTC"))
        .isInstanceOfSatisfying(
            InvalidScheduleException.class, e -> assertThat(e.field()).isEqualTo("cron"))
        .hasMessageContaining("61 * * * *");
  }

  @Test
  void parse_refusesAnUnknownZone_namingTimeZone() {
    assertThatThrownBy(() -> FireTimes.parse("0 * * * *", "Mars/Olympus"))
        .isInstanceOfSatisfying(
            InvalidScheduleException.class, e -> assertThat(e.field()).isEqualTo("time_zone"))
        .hasMessageContaining("Mars/Olympus");
  }

  @Test
  void parse_refusesADateThatNeverComes() {
    assertThatThrownBy(() -> FireTimes.parse("0 0 30 2 *", "UTC"))
        .isInstanceOfSatisfying(
            InvalidScheduleException.class, e -> assertThat(e.field()).isEqualTo("cron"))
        .hasMessageContaining("never fires");
  }
}
