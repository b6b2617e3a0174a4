package io.gridcast.bench.cluster;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
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
 * connection, as a browser's EventSource does (a plain socket read with {@link Http1}). It records
 * the job ids it saw completed, the last event id, how many times it reconnected, the longest
 * outage, and any event delivered twice or out of order (a seq not above the previous one).
 */
final class EventStream implements AutoCloseable {
  private static final Pattern JOB = Pattern.compile("\"job_id\":\"([^\"]+)\"");
  private static final int DELAY_SAMPLE = 8;
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
  private volatile Socket current;
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
      try (Socket socket = new Socket()) {
        URI u = URI.create(base.get());
        socket.setTcpNoDelay(true);
        socket.connect(new InetSocketAddress(u.getHost(), u.getPort()), 5_000);
        socket.setSoTimeout(60_000); // the server sends a keep-alive every 15 s
        OutputStream out = socket.getOutputStream();
        out.write(
            Http1.get(
                "/api/events",
                u.getHost() + ":" + u.getPort(),
                client.token(),
                "Accept: text/event-stream",
                lastId.get() >= 0 ? "Last-Event-ID: " + lastId.get() : null));
        out.flush();
        InputStream in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
        Http1.Head head = Http1.head(in);
        if (head.status() != 200) {
          throw new java.io.IOException("status " + head.status());
        }
        current = socket;
        if (downSince >= 0) {
          longestOutageNanos.accumulateAndGet(System.nanoTime() - downSince, Math::max);
          reconnects.incrementAndGet();
          downSince = -1;
        }
        read(Http1.body(in, head));
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
    long n = events.incrementAndGet();
    // Every event is counted and checked for order; the delay is sampled (1 in DELAY_SAMPLE) so
    // that 200 streams of a busy cluster do not cost this generator more than the server.
    if (recordDelays && n % DELAY_SAMPLE == 0) {
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
    if (data.contains("\"kind\":\"completed\"")) {
      Matcher j = JOB.matcher(data);
      if (j.find()) {
        completed.add(j.group(1));
      }
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
    Socket sock = current;
    if (sock != null) {
      try {
        sock.close();
      } catch (java.io.IOException ignored) {
        // closing anyway
      }
    }
    thread.interrupt();
  }
}
