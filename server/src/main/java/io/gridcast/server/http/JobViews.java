package io.gridcast.server.http;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.gridcast.queue.Job;
import io.gridcast.queue.JobAttempt;
import io.gridcast.queue.JobEvent;
import io.gridcast.queue.JobStatus;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/** The JSON shapes of jobs, events and summaries in the API. */
final class JobViews {
  private JobViews() {}

  /**
   * A job in a listing: everything but the (possibly large) payload and result.
   *
   * @param sku the job's label: its SKU, or the dataset of a validation
   * @param progress the last progress report, as the handler wrote it
   * @param error why the last attempt failed
   * @param afterBatch for a continuation, the batch it runs after (it waits until that batch has
   *     finished); null for other jobs
   * @param onChildFailure for a continuation, what a failed or cancelled job of that batch does to
   *     it ({@code run}, {@code skip}, {@code fail}); null for other jobs
   */
  record Brief(
      UUID id,
      String type,
      String status,
      String sku,
      UUID batchId,
      int priority,
      String reason,
      JsonNode progress,
      String error,
      int attempt,
      int maxAttempts,
      boolean cancelRequested,
      Instant createdAt,
      Instant startedAt,
      Instant updatedAt,
      Instant finishedAt,
      UUID afterBatch,
      String onChildFailure) {}

  /**
   * One job with its payload and result ({@code GET /api/jobs/{id}}).
   *
   * @param runs the earlier runs its retries kept, oldest first (empty when never retried)
   */
  record Detail(
      @JsonUnwrapped Brief job,
      JsonNode payload,
      JsonNode result,
      String idempotencyKey,
      List<Run> runs) {}

  /**
   * One earlier run of a retried job, as it ended.
   *
   * @param attempt attempts counted when it ended (numbering continues in the next run)
   */
  record Run(
      int run,
      int attempt,
      int maxAttempts,
      String status,
      String error,
      JsonNode result,
      Instant startedAt,
      Instant finishedAt,
      Instant retriedAt) {}

  /**
   * The answer to a retry: the job is pending again; {@code previousStatus} is how it had ended.
   */
  record Retried(UUID id, String status, String previousStatus) {}

  /** The answer to a retry by filter: how many failed or cancelled jobs are pending again. */
  record RetriedMany(int retried) {}

  /** One job event of the stream ({@code event: job}). */
  record Event(
      long seq,
      UUID jobId,
      String kind,
      String status,
      String type,
      UUID batchId,
      String sku,
      JsonNode progress,
      Instant at) {}

  /** A job's progress ({@code GET /api/jobs/{id}/progress}). */
  record Progress(UUID id, String status, JsonNode progress, Instant updatedAt) {}

  /** The answer to a cancel: the status the job had, and whether a running one was asked. */
  record Cancelled(UUID id, String status, boolean cancelRequested) {}

  /** The answer to a clear: pending jobs cancelled, running ones asked to, finished deleted. */
  record Cleared(int cancelled, int cancelRequested, int deleted) {}

  /** A status poll: counts by status, a page of jobs and the next page's cursor. */
  record StatusPage(Map<String, Long> summary, List<Brief> jobs, String nextCursor) {}

  static Brief brief(Job j) {
    return new Brief(
        j.id(),
        j.type(),
        j.status().dbValue(),
        j.label(),
        j.batchId(),
        j.priority(),
        j.reason(),
        tree(j.progressJson()),
        j.error(),
        j.attempt(),
        j.maxAttempts(),
        j.cancelRequested(),
        j.createdAt(),
        j.startedAt(),
        j.updatedAt(),
        j.finishedAt(),
        j.continuation() == null ? null : j.continuation().batchId(),
        j.continuation() == null ? null : j.continuation().onChildFailure().dbValue());
  }

  static Detail full(Job j, List<JobAttempt> runs) {
    return new Detail(
        brief(j),
        tree(j.payload()),
        tree(j.result()),
        j.idempotencyKey(),
        runs.stream()
            .map(a ->
                new Run(
                    a.run(),
                    a.attempt(),
                    a.maxAttempts(),
                    a.status().dbValue(),
                    a.error(),
                    tree(a.result()),
                    a.startedAt(),
                    a.finishedAt(),
                    a.retriedAt()))
            .toList());
  }

  static Event event(JobEvent e) {
    return new Event(
        e.seq(),
        e.jobId(),
        e.kind().name().toLowerCase(Locale.ROOT),
        e.status() == null ? null : e.status().dbValue(),
        e.type(),
        e.batchId(),
        e.label(),
        tree(e.progressJson()),
        e.at());
  }

  /** Counts by status, every status present, in the queue's order. */
  static Map<String, Long> summary(Map<JobStatus, Long> counts) {
    Map<String, Long> m = new LinkedHashMap<>();
    for (JobStatus s : JobStatus.values()) {
      m.put(s.dbValue(), counts.getOrDefault(s, 0L));
    }
    return m;
  }

  static JsonNode tree(String json) {
    if (json == null) {
      return null;
    }
    try {
      return Json.MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored JSON is malformed: " + json, e);
    }
  }
}
