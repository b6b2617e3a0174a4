package io.gridcast.server.schedule;

import com.cronutils.model.Cron;
import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * When a schedule fires: a 5-field Unix cron expression ({@code minute hour day-of-month month
 * day-of-week}) read in a time zone, so {@code 0 6 * * *} in {@code Europe/Berlin} is 06:00 local
 * time on both sides of a daylight-saving change. Immutable, thread-safe.
 */
public final class FireTimes {
  private static final CronParser PARSER =
      new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));

  private final String cron;
  private final ZoneId zone;
  private final ExecutionTime times;

  private FireTimes(String cron, ZoneId zone, ExecutionTime times) {
    this.cron = cron;
    this.zone = zone;
    this.times = times;
  }

  /**
   * Parses {@code cron} in {@code timeZone} (an IANA name such as {@code Europe/Berlin}, or {@code
   * UTC}).
   *
   * @throws InvalidScheduleException naming {@code cron} or {@code time_zone}
   */
  public static FireTimes parse(String cron, String timeZone) {
    if (cron == null || cron.isBlank()) {
      throw new InvalidScheduleException(
          "cron", "cron is required: 5 fields, minute hour day-of-month month day-of-week");
    }
    String text = cron.strip();
    if (text.split("\\s+").length != 5) {
      throw new InvalidScheduleException(
          "cron",
          "cron must have 5 fields (minute hour day-of-month month day-of-week), got '"
              + cron
              + "'");
    }
    ZoneId zone;
    try {
      zone = ZoneId.of(timeZone == null ? "UTC" : timeZone);
    } catch (DateTimeException e) {
      throw new InvalidScheduleException(
          "time_zone",
          "time_zone must be an IANA zone such as Europe/Berlin or UTC, got '" + timeZone + "'");
    }
    Cron parsed;
    try {
      parsed = PARSER.parse(text).validate();
    } catch (IllegalArgumentException e) {
      throw new InvalidScheduleException(
          "cron", "cron '" + cron + "' is not a valid expression: " + e.getMessage());
    }
    FireTimes f = new FireTimes(text, zone, ExecutionTime.forCron(parsed));
    if (f.nextAfter(Instant.EPOCH.plusSeconds(1)).isEmpty()) {
      throw new InvalidScheduleException("cron", "cron '" + cron + "' never fires");
    }
    return f;
  }

  /** The first fire time strictly after {@code t}; empty when the expression fires no more. */
  public Optional<Instant> nextAfter(Instant t) {
    return times.nextExecution(ZonedDateTime.ofInstant(t, zone)).map(ZonedDateTime::toInstant);
  }

  public String cron() {
    return cron;
  }

  public ZoneId zone() {
    return zone;
  }
}
