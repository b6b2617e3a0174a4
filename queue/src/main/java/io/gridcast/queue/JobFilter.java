package io.gridcast.queue;

import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

/**
 * Which jobs a listing or bulk operation touches; null fields do not filter.
 *
 * @param ownerId only this owner's jobs; null for every owner (admin views)
 * @param statuses only these statuses; empty for all
 * @param type only this job type
 * @param batchId only this batch
 * @param labelContains label contains this text (case-sensitive)
 * @param labelPrefix label starts with this text (case-sensitive)
 */
public record JobFilter(
    String ownerId,
    Set<JobStatus> statuses,
    String type,
    UUID batchId,
    String labelContains,
    String labelPrefix) {

  public JobFilter {
    statuses = statuses == null || statuses.isEmpty() ? Set.of() : Set.copyOf(statuses);
  }

  /** Every job of one owner (or of all owners when null). */
  public static JobFilter owner(String ownerId) {
    return new JobFilter(ownerId, Set.of(), null, null, null, null);
  }

  public JobFilter withStatuses(JobStatus first, JobStatus... rest) {
    return new JobFilter(
        ownerId, EnumSet.of(first, rest), type, batchId, labelContains, labelPrefix);
  }

  public JobFilter withType(String t) {
    return new JobFilter(ownerId, statuses, t, batchId, labelContains, labelPrefix);
  }

  public JobFilter withBatch(UUID b) {
    return new JobFilter(ownerId, statuses, type, b, labelContains, labelPrefix);
  }

  public JobFilter withLabelContaining(String text) {
    return new JobFilter(ownerId, statuses, type, batchId, text, labelPrefix);
  }

  public JobFilter withLabelPrefix(String prefix) {
    return new JobFilter(ownerId, statuses, type, batchId, labelContains, prefix);
  }
}
