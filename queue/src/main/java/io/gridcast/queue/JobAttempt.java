package io.gridcast.queue;

import java.time.Instant;

/**
 * One earlier run of a job, kept when the job was retried ({@link JobStore#jobRetry}): how it
 * ended, as the job row held it just before the retry.
 *
 * @param run 1 for the run before the first retry, 2 before the second, ...
 * @param attempt attempts counted when the run ended (the job's {@code attempt} keeps counting
 *     across runs, so every claim has its own number for fencing)
 * @param maxAttempts the attempt limit the run had
 * @param status {@link JobStatus#FAILED} or {@link JobStatus#CANCELLED}
 * @param error why the run's last attempt failed, or null
 * @param result the run's result JSON, or null
 * @param retriedAt when the retry put the job back to pending
 */
public record JobAttempt(
    int run,
    int attempt,
    int maxAttempts,
    JobStatus status,
    String error,
    String result,
    Instant startedAt,
    Instant finishedAt,
    Instant retriedAt) {}
