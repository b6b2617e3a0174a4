package io.gridcast.server.schedule;

/**
 * A change to a schedule; null fields stay as they are.
 *
 * @param paused true pauses, false resumes (the next fire time is computed from the clock, so slots
 *     passed while paused do not fire)
 * @param options the job options as a JSON object text, replacing the old ones
 */
public record ScheduleChange(String cron, String timeZone, String options, Boolean paused) {}
