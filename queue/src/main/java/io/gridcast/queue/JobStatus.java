package io.gridcast.queue;

import java.util.Locale;

/** The six states of a job; see the package documentation for who moves a job out of each. */
public enum JobStatus {
  /**
   * A {@link Continuation} whose batch has not finished: never claimed, it becomes {@code pending}
   * (or cancelled or failed by its policy) when the batch finishes.
   */
  WAITING,
  PENDING,
  RUNNING,
  COMPLETED,
  FAILED,
  CANCELLED;

  /** The value stored in the {@code status} column. */
  public String dbValue() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** True for the three final states. */
  public boolean isFinished() {
    return this == COMPLETED || this == FAILED || this == CANCELLED;
  }

  /**
   * Parses a stored or user-supplied value, case-insensitively.
   *
   * @throws IllegalArgumentException naming the value and the known ones
   */
  public static JobStatus parse(String value) {
    for (JobStatus s : values()) {
      if (s.dbValue().equalsIgnoreCase(value)) {
        return s;
      }
    }
    throw new IllegalArgumentException(
        "unknown job status '"
            + value
            + "'; known: waiting, pending, running, completed, failed, cancelled");
  }
}
