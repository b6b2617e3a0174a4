package io.gridcast.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.gridcast.queue.Job;
import io.gridcast.queue.JobEvent;
import io.gridcast.queue.JobStatus;
import java.util.LinkedHashMap;
import java.util.Map;

/** The JSON shapes of jobs, events and summaries in the API. */
final class JobViews {
  private JobViews() {}

  /** A job in a listing: everything but the (possibly large) payload and result. */
  static Map<String, Object> brief(Job j) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", j.id());
    m.put("type", j.type());
    m.put("status", j.status().dbValue());
    m.put("sku", j.label());
    m.put("batch_id", j.batchId());
    m.put("priority", j.priority());
    m.put("reason", j.reason());
    m.put("progress", tree(j.progressJson()));
    m.put("error", j.error());
    m.put("attempt", j.attempt());
    m.put("max_attempts", j.maxAttempts());
    m.put("cancel_requested", j.cancelRequested());
    m.put("created_at", j.createdAt());
    m.put("started_at", j.startedAt());
    m.put("updated_at", j.updatedAt());
    m.put("finished_at", j.finishedAt());
    return m;
  }

  /** One job with its payload and result. */
  static Map<String, Object> full(Job j) {
    Map<String, Object> m = brief(j);
    m.put("payload", tree(j.payload()));
    m.put("result", tree(j.result()));
    m.put("idempotency_key", j.idempotencyKey());
    return m;
  }

  static Map<String, Object> event(JobEvent e) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("seq", e.seq());
    m.put("job_id", e.jobId());
    m.put("kind", e.kind().name().toLowerCase(java.util.Locale.ROOT));
    m.put("status", e.status() == null ? null : e.status().dbValue());
    m.put("type", e.type());
    m.put("batch_id", e.batchId());
    m.put("sku", e.label());
    m.put("progress", tree(e.progressJson()));
    m.put("at", e.at());
    return m;
  }

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
