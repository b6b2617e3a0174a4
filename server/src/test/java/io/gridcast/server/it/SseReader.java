package io.gridcast.server.it;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Reads a Server-Sent Events stream on a virtual thread and keeps every event. Each event's data is
 * checked against its schema in the OpenAPI document; a violation is thrown by {@link #events()}.
 */
public final class SseReader implements AutoCloseable {
  /** One event: its id (or null), name and JSON data. */
  public record Event(Long id, String name, JsonNode data) {}

  private final List<Event> events = new CopyOnWriteArrayList<>();
  private final Thread thread;
  private volatile InputStream body;
  private volatile int status;
  private volatile AssertionError violation;

  public SseReader(Http http, String path, Long lastEventId) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(http.uri(path)).header("Accept", "text/event-stream");
    if (lastEventId != null) {
      b.header("Last-Event-ID", Long.toString(lastEventId));
    }
    HttpRequest req = http.authorize(b).GET().build();
    thread =
        Thread.ofVirtual()
            .start(() -> {
              try {
                HttpResponse<InputStream> r =
                    http.client().send(req, HttpResponse.BodyHandlers.ofInputStream());
                status = r.statusCode();
                body = r.body();
                read(new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8)));
              } catch (IOException | InterruptedException e) {
                // closed by the test or the server
              }
            });
  }

  private void read(BufferedReader in) throws IOException {
    Long id = null;
    String name = null;
    String line;
    while ((line = in.readLine()) != null) {
      if (line.startsWith("id: ")) {
        id = Long.parseLong(line.substring(4));
      } else if (line.startsWith("event: ")) {
        name = line.substring(7);
      } else if (line.startsWith("data: ")) {
        String data = line.substring(6);
        try {
          OpenApiSchemas.document().checkEvent(name, data);
        } catch (AssertionError e) {
          if (violation == null) {
            violation = e;
          }
        }
        events.add(new Event(id, name, Http.JSON.readTree(data)));
      } else if (line.isEmpty()) {
        id = null;
        name = null;
      }
    }
  }

  public int status() {
    return status;
  }

  /** True once the stream has ended (the server finished it, or it could not be opened). */
  public boolean ended() {
    return !thread.isAlive();
  }

  /** Every event so far; throws the first event whose data did not match its schema. */
  public List<Event> events() {
    AssertionError v = violation;
    if (v != null) {
      throw v;
    }
    return List.copyOf(events);
  }

  public List<Event> jobEvents() {
    return events().stream().filter(e -> "job".equals(e.name())).toList();
  }

  @Override
  public void close() {
    try {
      InputStream b = body;
      if (b != null) {
        b.close();
      }
    } catch (IOException e) {
      // closing anyway
    }
    thread.interrupt();
  }
}
