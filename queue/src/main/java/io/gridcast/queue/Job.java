package io.gridcast.queue;

import java.time.Instant;
import java.util.UUID;

/**
 * One job row as stored. JSON columns ({@code payload}, {@code progress}, {@code result}) are JSON
 * text exactly as the database returns it (PostgreSQL {@code jsonb} normalises spacing and key
 * order), or null.
 *
 * @param id time-ordered UUID (version 7); the listing cursor orders by it
 * @param attempt number of times the job was claimed (0 before the first claim)
 * @param priority lower values run first; ties run oldest first
 * @param progressJson {@code {"current":n,"total":n,"stage":s,"message":s}} or null
 * @param continuation the batch this job runs after and its policy, or null for an ordinary job
 */
public record Job(
    UUID id,
    String ownerId,
    String type,
    JobStatus status,
    int priority,
    String reason,
    UUID batchId,
    String label,
    String payload,
    String progressJson,
    String result,
    String error,
    int attempt,
    int maxAttempts,
    Instant runAfter,
    String leaseOwner,
    Instant leaseExpiresAt,
    boolean cancelRequested,
    String idempotencyKey,
    Instant createdAt,
    Instant startedAt,
    Instant updatedAt,
    Instant finishedAt,
    Continuation continuation) {}
