package io.gridcast.server.job;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The job types of the server, by the stable names the queue stores. */
public enum JobType {
  OPTIMIZATION,
  VALIDATION,
  RESCORING,
  /** Reconciles the stored forecasts of every node of a hierarchical dataset. */
  RECONCILIATION;

  /** The stable name, e.g. {@code optimization}. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<JobType> parse(String key) {
    return Arrays.stream(values()).filter(t -> t.key().equals(key)).findFirst();
  }
}
