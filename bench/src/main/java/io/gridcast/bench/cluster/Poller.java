package io.gridcast.bench.cluster;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * One polling client of the load run: a single kept-alive HTTP/1.1 connection on a plain socket, as
 * a poller (or a browser tab) holds, sending one prebuilt GET at a time and reading the whole
 * answer (Content-Length or chunked). The JDK's HttpClient spent more CPU per request than the
 * server it measured (its connection pool scans a list of every idle connection), and on two shared
 * cores the generator's CPU is taken from the server; this costs a few microseconds. Reconnects
 * when the server closed the connection. Not thread-safe: one per client thread.
 */
final class Poller implements AutoCloseable {
  /** One answer: status code and body (empty for a 200: the load run only counts those). */
  record Answer(int status, byte[] body) {
    String text() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  private final String host;
  private final int port;
  private final byte[] request;
  private final int timeoutMs;
  private static final byte[] NONE = new byte[0];
  private final byte[] scratch = new byte[64 * 1024]; // 500 pollers' bodies, no garbage
  private Socket socket;
  private int retries;
  private InputStream in;
  private OutputStream out;

  Poller(String url, String token, int timeoutMs) {
    URI u = URI.create(url);
    this.host = u.getHost();
    this.port = u.getPort();
    this.timeoutMs = timeoutMs;
    String path = u.getRawPath() + (u.getRawQuery() == null ? "" : "?" + u.getRawQuery());
    this.request = Http1.get(path, host + ":" + port, token, "Accept: application/json");
  }

  /** Sends the GET and reads its answer; one retry on a fresh connection if a kept one was shut. */
  Answer get() throws IOException {
    boolean reused = socket != null;
    try {
      return exchange();
    } catch (IOException e) {
      close();
      if (!reused) {
        throw e;
      }
      retries++;
      return exchange(); // the server closed an idle kept-alive connection
    }
  }

  /** Requests sent again on a fresh connection because a kept-alive one was found shut. */
  int retries() {
    return retries;
  }

  private Answer exchange() throws IOException {
    if (socket == null) {
      socket = new Socket();
      socket.setTcpNoDelay(true);
      socket.connect(new InetSocketAddress(host, port), timeoutMs);
      socket.setSoTimeout(timeoutMs);
      in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
      out = socket.getOutputStream();
    }
    out.write(request);
    out.flush();
    Http1.Head head = Http1.head(in);
    InputStream bodyIn = Http1.body(in, head);
    byte[] body;
    if (head.status() == 200) { // read and dropped: only an error's body is kept (for the report)
      while (bodyIn.read(scratch) >= 0) {
        // discard
      }
      body = NONE;
    } else {
      body = bodyIn.readAllBytes();
    }
    if (head.close() || (!head.chunked() && head.contentLength() < 0)) {
      close(); // the server ends this connection (or the body ended with it)
    }
    return new Answer(head.status(), body);
  }

  @Override
  public void close() {
    if (socket != null) {
      try {
        socket.close();
      } catch (IOException ignored) {
        // closing anyway
      }
    }
    socket = null;
    in = null;
    out = null;
  }
}
