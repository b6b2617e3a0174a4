package io.gridcast.server.monitor;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.gridcast.server.config.ConfigException;
import io.gridcast.server.config.MonitorConfig;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * {@code GET /metrics} on a port of its own, for a process that serves no API ({@code gridcast
 * worker}): its jobs' durations, enqueue-to-start waits, running handlers and JVM figures are
 * recorded where the jobs run, so Prometheus scrapes each worker too. The JDK's HTTP server on one
 * named daemon thread; the same access rule as the API's {@code /metrics} ({@link
 * MonitorConfig.MetricsAccess}), the admin check given by the caller. Thread-safe; {@link #close()}
 * is idempotent.
 */
public final class MetricsListener implements AutoCloseable {
  static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

  private final HttpServer server;
  private final ExecutorService executor;
  private final AtomicBoolean closed = new AtomicBoolean();

  private MetricsListener(HttpServer server, ExecutorService executor) {
    this.server = server;
    this.executor = executor;
  }

  /**
   * Listens on {@code host:port} (port 0: any free one).
   *
   * @param adminToken true for a bearer token that belongs to an admin
   * @param scrape the Prometheus text to answer
   */
  static MetricsListener start(
      String host,
      int port,
      MonitorConfig.MetricsAccess access,
      Predicate<String> adminToken,
      Supplier<String> scrape) {
    HttpServer server;
    try {
      server = HttpServer.create(new InetSocketAddress(host, port), 16);
    } catch (IOException e) {
      throw new ConfigException(
          "--metrics-port / GRIDCAST_METRICS_PORT: cannot listen on "
              + host
              + ":"
              + port
              + " ("
              + e.getMessage()
              + ")");
    }
    ExecutorService executor =
        Executors.newSingleThreadExecutor(r -> {
          Thread t = new Thread(r, "gridcast-metrics-http");
          t.setDaemon(true);
          return t;
        });
    server.setExecutor(executor);
    server.createContext("/", ex -> answer(ex, access, adminToken, scrape));
    server.start();
    return new MetricsListener(server, executor);
  }

  private static void answer(
      HttpExchange ex,
      MonitorConfig.MetricsAccess access,
      Predicate<String> adminToken,
      Supplier<String> scrape)
      throws IOException {
    try (ex) {
      String method = ex.getRequestMethod();
      if (!ex.getRequestURI().getPath().equals("/metrics")) {
        error(ex, 404, "not_found", "only /metrics is served here");
      } else if (!method.equals("GET") && !method.equals("HEAD")) {
        error(ex, 405, "method_not_allowed", "/metrics answers GET");
      } else {
        String auth = ex.getRequestHeaders().getFirst("Authorization");
        String token =
            auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7)
                ? auth.substring(7).strip()
                : null;
        boolean admin = token != null && adminToken.test(token);
        boolean loopback = ex.getRemoteAddress().getAddress().isLoopbackAddress();
        boolean allowed =
            admin
                || access == MonitorConfig.MetricsAccess.OPEN
                || (access == MonitorConfig.MetricsAccess.LOOPBACK && loopback);
        if (allowed) {
          send(ex, 200, PROMETHEUS_TEXT, scrape.get(), method.equals("HEAD"));
        } else if (token == null) {
          ex.getResponseHeaders().set("WWW-Authenticate", "Bearer");
          error(ex, 401, "unauthorized", "/metrics needs an admin's bearer token here");
        } else {
          error(
              ex,
              403,
              "forbidden",
              "/metrics is readable from this machine or with an admin token");
        }
      }
    }
  }

  private static void error(HttpExchange ex, int status, String code, String message)
      throws IOException {
    String body =
        String.format(
            Locale.ROOT,
            "{\"error\":{\"code\":\"%s\",\"message\":\"%s\",\"details\":{}}}",
            code,
            message);
    send(ex, status, "application/json", body, false);
  }

  private static void send(HttpExchange ex, int status, String type, String body, boolean head)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", type);
    ex.sendResponseHeaders(status, head ? -1 : bytes.length);
    if (!head) {
      try (OutputStream out = ex.getResponseBody()) {
        out.write(bytes);
      }
    }
  }

  /** The bound port. */
  public int port() {
    return server.getAddress().getPort();
  }

  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    server.stop(0);
    executor.shutdownNow();
  }
}
