package io.gridcast.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Reads {@code /api/events} on a background thread (reconnecting with {@code Last-Event-ID} when
 * the stream drops) and records how each job ended, so {@code submit --wait} can tell when a batch
 * has finished. Thread-safe: one reader thread writes, the waiting thread reads.
 */
final class BatchEvents {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http;
  private final URI base;
  private final String authorization;
  private final CountDownLatch connected = new CountDownLatch(1);
  private final ConcurrentHashMap<String, String> finished = new ConcurrentHashMap<>();
  private volatile long lastSeq = -1;

  /** How the jobs of a batch ended. */
  record Tally(int total, int completed, int failed, int cancelled) {
    boolean done() {
      return completed + failed + cancelled == total;
    }
  }

  BatchEvents(HttpClient http, URI base, String authorization) {
    this.http = http;
    this.base = base;
    this.authorization = authorization;
  }

  /** Opens the stream; false when it did not answer within 10 s. */
  boolean connect() throws InterruptedException {
    Thread.ofVirtual().name("gridcast-submit-events").start(this::readLoop);
    return connected.await(10, TimeUnit.SECONDS);
  }

  private void readLoop() {
    while (true) {
      try {
        HttpRequest.Builder b =
            HttpRequest.newBuilder(URI.create(base + "/api/events"))
                .header("Accept", "text/event-stream")
                .header("Authorization", authorization);
        if (lastSeq >= 0) {
          b.header("Last-Event-ID", Long.toString(lastSeq));
        }
        HttpResponse<InputStream> res =
            http.send(b.GET().build(), HttpResponse.BodyHandlers.ofInputStream());
        try (BufferedReader in =
            new BufferedReader(new InputStreamReader(res.body(), StandardCharsets.UTF_8))) {
          String line;
          String event = null;
          while ((line = in.readLine()) != null) {
            if (line.startsWith("event: ")) {
              event = line.substring(7);
            } else if (line.startsWith("id: ")) {
              lastSeq = Long.parseLong(line.substring(4).strip());
            } else if (line.startsWith("data: ")) {
              if ("summary".equals(event)) {
                connected.countDown();
              } else if ("job".equals(event)) {
                JsonNode e = JSON.readTree(line.substring(6));
                String status = e.path("status").asText();
                if (status.equals("completed")
                    || status.equals("failed")
                    || status.equals("cancelled")) {
                  finished.put(e.path("job_id").asText(), status);
                }
              }
            } else if (line.isEmpty()) {
              event = null;
            }
          }
        }
      } catch (IOException e) {
        // reconnect below, resuming from lastSeq
      } catch (InterruptedException e) {
        return;
      }
      try {
        Thread.sleep(1000); // server gone for a moment: retry like an EventSource would
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  /** Waits until every job in {@code ids} has finished, stepping {@code progress} as they do. */
  Tally await(Set<String> ids, ProgressDisplay progress) throws InterruptedException {
    int shown = 0;
    while (true) {
      int completed = 0;
      int failed = 0;
      int cancelled = 0;
      for (String id : ids) {
        String s = finished.get(id);
        if (s != null) {
          switch (s) {
            case "completed" -> completed++;
            case "failed" -> failed++;
            default -> cancelled++;
          }
        }
      }
      Tally t = new Tally(ids.size(), completed, failed, cancelled);
      for (int done = completed + failed + cancelled; shown < done; shown++) {
        progress.step();
      }
      if (t.done()) {
        return t;
      }
      Thread.sleep(200);
    }
  }
}
