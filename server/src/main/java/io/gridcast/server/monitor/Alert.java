package io.gridcast.server.monitor;

import java.time.Instant;

/**
 * One change of an alert: raised or cleared. The event stream sends each as {@code event: alert}.
 *
 * @param seq increasing per process; the position of this change in the history
 * @param rule {@code cpu}, {@code memory}, {@code operation_duration}, {@code error_rate} or {@code
 *     cache_hit_rate}
 * @param state {@code raised} or {@code cleared}
 * @param severity {@code warning}, or {@code critical} when the value is 1.5 times past the limit
 * @param value the reading that caused the change (percent, bytes or seconds, as the rule's unit)
 * @param threshold the limit of the rule, in the same unit
 * @param message a sentence for people
 * @param at when the reading was taken
 */
public record Alert(
    long seq,
    String rule,
    String state,
    String severity,
    double value,
    double threshold,
    String message,
    Instant at) {

  public static final String RAISED = "raised";
  public static final String CLEARED = "cleared";

  public boolean raised() {
    return RAISED.equals(state);
  }
}
