package io.gridcast.queue;

import java.time.Instant;
import java.util.UUID;

/**
 * One state change, readable from any process in {@code seq} order. The server's event stream uses
 * {@code seq} as the SSE {@code Last-Event-ID}.
 *
 * @param seq strictly increasing across the database
 * @param status the job's status after the change
 * @param progressJson the progress at the change, or null
 */
public record JobEvent(
    long seq,
    UUID jobId,
    String ownerId,
    String type,
    JobEventKind kind,
    JobStatus status,
    UUID batchId,
    String label,
    String progressJson,
    Instant at) {}
