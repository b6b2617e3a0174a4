package io.gridcast.bench.cluster;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A client of {@code GET /api/events} that resumes with {@code Last-Event-ID} after every broken
 * connection, as a browser's EventSource does. It records the job ids it saw completed, the last
 * event id, how many times it reconnected, the longest outage, and any event delivered twice or out
 * of order (a seq not above the previous one).
 */
final class EventStream implements AutoCloseable {
  private static final Pattern JOB = Pattern.compile("\"job_id\":\"([^\"]+)\"");
  private static final Pattern KIND = Pattern.compile("\"kind\":\"([a-z_]+)\"");
  private static final Pattern AT = Pattern.compile("\"at\":\"([^\"]+)\"");

  private final Client client;
  private final Supplier<String> base;
  private final String name;
  private final Set<String> completed = ConcurrentHashMap.newKeySet();
  private final AtomicLong lastId = new AtomicLong(-1);
  private final AtomicInteger reconnects = new AtomicInteger();
  private final AtomicInteger outOfOrder = new AtomicInteger();
  private final AtomicLong events = new AtomicLong();
  private final AtomicLong longestOutageNanos = new AtomicLong();
  private volatile boolean closed;
  private final Thread thread;
  private volatile InputStream current;
  private final java.util.List<Double> delays =
      java.util.Collections.synchronizedList(new java.util.ArrayList<>());
  private volatile boolean recordDelays;

  EventStream(String name, Client client, Supplier<String> base) {
    this.name = name;
    this.client = client;
    this.base = base;
    this.thread = Thread.ofPlatform().daemon().name("sse-" + name).start(this::run);
  }

  private void run() {
    long downSince = -1;
    while (!closed) {
      try {
        var req = client.request(base.get() + "/api/events").GET();
        if (lastId.get() >= 0) {
          req.header("Last-Event-ID", Long.toString(lastId.get()));
        }
        HttpResponse<InputStream> r =
            client.http().send(req.build(), HttpResponse.BodyHandlers.ofInputStream());
        if (r.statusCode() != 200) {
          r.body().close();
          throw new java.io.IOException("status " + r.statusCode());
        }
        current = r.body();
        if (downSince >= 0) {
          longestOutageNanos.accumulateAndGet(System.nanoTime() - downSince, Math::max);
          reconnects.incrementAndGet();
          downSince = -1;
        }
        read(r.body());
      } catch (Exception e) {
        // broken stream or refused connection: resume below
      }
      if (downSince < 0) {
        downSince = System.nanoTime();
      }
      if (!closed) {
        try {
          Thread.sleep(200);
        } catch (InterruptedException e) {
          return;
        }
      }
    }
  }

  private void read(InputStream body) throws java.io.IOException {
    try (BufferedReader in =
        new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
      String line;
      long id = -1;
      String event = null;
      StringBuilder data = new StringBuilder();
      while ((line = in.readLine()) != null) {
        if (line.isEmpty()) {
          if ("job".equals(event) && id >= 0) {
            accept(id, data.toString());
          }
          id = -1;
          event = null;
          data.setLength(0);
        } else if (line.startsWith("id:")) {
          id = Long.parseLong(line.substring(3).strip());
        } else if (line.startsWith("event:")) {
          event = line.substring(6).strip();
        } else if (line.startsWith("data:")) {
          data.append(line.substring(5).strip());
        }
      }
    }
  }

  private void accept(long id, String data) {
    long prev = lastId.getAndSet(id);
    if (id <= prev) {
      outOfOrder.incrementAndGet();
    }
    events.incrementAndGet();
    Matcher k = KIND.matcher(data);
    Matcher j = JOB.matcher(data);
    if (recordDelays) {
      Matcher at = AT.matcher(data);
      if (at.find()) {
        try {
          java.time.Instant when = java.time.Instant.parse(at.group(1));
          delays.add(java.time.Duration.between(when, java.time.Instant.now()).toNanos() / 1e6);
        } catch (java.time.format.DateTimeParseException e) {
          // not an instant: no delay recorded
        }
      }
    }
    if (k.find() && k.group(1).equals("completed") && j.find()) {
      completed.add(j.group(1));
    }
  }

  /** From now on, record each event's delay: receipt time minus the event's {@code at}. */
  void recordDelays() {
    recordDelays = true;
  }

  /** Recorded delays in ms (wall clock, same machine), unsorted. */
  double[] delays() {
    synchronized (delays) {
      return delays.stream().mapToDouble(Double::doubleValue).toArray();
    }
  }

  String name() {
    return name;
  }

  Set<String> completed() {
    return completed;
  }

  long lastId() {
    return lastId.get();
  }

  int reconnects() {
    return reconnects.get();
  }

  int outOfOrder() {
    return outOfOrder.get();
  }

  long events() {
    return events.get();
  }

  Duration longestOutage() {
    return Duration.ofNanos(longestOutageNanos.get());
  }

  @Override
  public void close() {
    closed = true;
    InputStream in = current;
    if (in != null) {
      try {
        in.close();
      } catch (java.io.IOException ignored) {
        // closing anyway
      }
    }
    thread.interrupt();
  }
}
