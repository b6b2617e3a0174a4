package io.gridcast.bench.cluster;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
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
 * the job ids it saw completed (when asked to: 200 streams keeping 10,000 ids each grew the load
 * generator's heap by hundreds of MB, and its garbage collector's pauses into the latencies it
 * measured), the last event id, how many times it reconnected, the longest outage, and any event
 * delivered twice or out of order (a seq not above the previous one).
 */
final class EventStream implements AutoCloseable {
  private static final Pattern JOB = Pattern.compile("\"job_id\":\"([^\"]+)\"");
  private static final int DELAY_SAMPLE = 8;
  private static final Pattern AT = Pattern.compile("\"at\":\"([^\"]+)\"");

  private final Client client;
  private final Supplier<String> base;
  private final String name;
  private final Set<String> completed = ConcurrentHashMap.newKeySet();
  private final boolean keepCompleted;
  private final AtomicLong lastId = new AtomicLong(-1);
  private final AtomicInteger reconnects = new AtomicInteger();
  private final AtomicInteger outOfOrder = new AtomicInteger();
  private final AtomicLong events = new AtomicLong();
  private final AtomicLong longestOutageNanos = new AtomicLong();
  private volatile boolean closed;
  private final Thread thread;
  private volatile Socket current;
  private double[] delays = new double[1024]; // guarded by this; primitive: no boxed garbage
  private int delayCount; // guarded by this
  private volatile boolean recordDelays;

  /**
   * @param keepCompleted keep the ids of the jobs seen completed ({@link #completed()})
   */
  EventStream(String name, Client client, Supplier<String> base, boolean keepCompleted) {
    this.name = name;
    this.keepCompleted = keepCompleted;
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
          throw new IOException("status " + head.status());
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

  private static final byte[] COMPLETED = "\"kind\":\"completed\"".getBytes(StandardCharsets.UTF_8);

  /**
   * Reads the stream as bytes, line by line: every job event's id is parsed and checked for order,
   * but its data becomes a String only for a sampled delay or a completion (200 streams of a busy
   * cluster deliver tens of thousands of events a second to this one generator, on the server's
   * cores).
   */
  private void read(InputStream body) throws IOException {
    byte[] buf = new byte[64 * 1024];
    byte[] line = new byte[4096];
    int lineLen = 0;
    long id = -1;
    boolean job = false;
    byte[] data = null;
    int n;
    while ((n = body.read(buf)) > 0) {
      for (int k = 0; k < n; k++) {
        byte b = buf[k];
        if (b != '\n') {
          if (lineLen == line.length) {
            line = Arrays.copyOf(line, 2 * line.length);
          }
          line[lineLen++] = b;
          continue;
        }
        int len = lineLen > 0 && line[lineLen - 1] == '\r' ? lineLen - 1 : lineLen;
        lineLen = 0;
        if (len == 0) {
          if (job && id >= 0 && data != null) {
            accept(id, data);
          }
          id = -1;
          job = false;
          data = null;
        } else if (startsWith(line, len, "id:")) {
          id = Long.parseLong(new String(line, 3, len - 3, StandardCharsets.US_ASCII).strip());
        } else if (startsWith(line, len, "event:")) {
          job = new String(line, 6, len - 6, StandardCharsets.US_ASCII).strip().equals("job");
        } else if (startsWith(line, len, "data:")) {
          data = Arrays.copyOfRange(line, 5, len);
        }
      }
    }
  }

  private static boolean startsWith(byte[] line, int len, String prefix) {
    if (len < prefix.length()) {
      return false;
    }
    for (int i = 0; i < prefix.length(); i++) {
      if (line[i] != prefix.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  private static boolean contains(byte[] hay, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= hay.length; i++) {
      for (int k = 0; k < needle.length; k++) {
        if (hay[i + k] != needle[k]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }

  private void accept(long id, byte[] data) {
    long prev = lastId.getAndSet(id);
    if (id <= prev) {
      outOfOrder.incrementAndGet();
    }
    long n = events.incrementAndGet();
    // Every event is counted and checked for order; the delay is sampled (1 in DELAY_SAMPLE).
    if (recordDelays && n % DELAY_SAMPLE == 0) {
      Matcher at = AT.matcher(new String(data, StandardCharsets.UTF_8));
      if (at.find()) {
        try {
          Instant when = Instant.parse(at.group(1));
          addDelay(Duration.between(when, Instant.now()).toNanos() / 1e6);
        } catch (DateTimeParseException e) {
          // not an instant: no delay recorded
        }
      }
    }
    if (keepCompleted && contains(data, COMPLETED)) {
      Matcher j = JOB.matcher(new String(data, StandardCharsets.UTF_8));
      if (j.find()) {
        completed.add(j.group(1));
      }
    }
  }

  /** From now on, record each event's delay: receipt time minus the event's {@code at}. */
  void recordDelays() {
    recordDelays = true;
  }

  private synchronized void addDelay(double ms) {
    if (delayCount == delays.length) {
      delays = Arrays.copyOf(delays, 2 * delays.length);
    }
    delays[delayCount++] = ms;
  }

  /** Recorded delays in ms (wall clock, same machine), unsorted. */
  synchronized double[] delays() {
    return Arrays.copyOf(delays, delayCount);
  }

  String name() {
    return name;
  }

  /** The ids of the jobs seen completed; empty unless constructed to keep them. */
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
      } catch (IOException ignored) {
        // closing anyway
      }
    }
    thread.interrupt();
  }
}
