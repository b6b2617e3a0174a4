package io.gridcast.server.job;

/**
 * A validated job request, still without the dataset's SKUs.
 *
 * @param type what the jobs do
 * @param template the payload every job of the request shares (its SKUs empty)
 * @param priority lower runs first
 * @param reason free text kept with the jobs, or null
 * @param key the idempotency key, or null
 * @param reconciliation the reconciliation method's label for a hierarchical dataset, or null for
 *     none
 */
public record PreparedRequest(
    JobType type,
    JobPayload template,
    int priority,
    String reason,
    String key,
    String reconciliation) {}
