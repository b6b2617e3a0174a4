package io.gridcast.server.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, for what {@link java.net.http.HttpClient} will not send: any {@code
 * Host}, a body cut off or sent slowly, headers one line at a time. Not thread-safe.
 */
public final class RawHttp implements AutoCloseable {
  /** An answer as read off the socket: status, headers (lower-case names) and body. */
  public record Answer(int status, Map<String, String> headers, String body) {}

  private final Socket socket;
  private final OutputStream out;
  private final InputStream in;

  /** Connects to the host and port of {@code baseUrl}; reads time out after {@code timeout}. */
  public RawHttp(String baseUrl, Duration timeout) throws IOException {
    URI u = URI.create(baseUrl);
    socket = new Socket();
    socket.connect(new InetSocketAddress(u.getHost(), u.getPort()), 5_000);
    socket.setSoTimeout((int) timeout.toMillis());
    out = socket.getOutputStream();
    in = socket.getInputStream();
  }

  /** Writes {@code text} (ISO-8859-1) and flushes. */
  public RawHttp send(String text) throws IOException {
    return send(text.getBytes(StandardCharsets.ISO_8859_1));
  }

  public RawHttp send(byte[] bytes) throws IOException {
    out.write(bytes);
    out.flush();
    return this;
  }

  /** Closes the sending half: the server reads end-of-stream, the answer can still be read. */
  public RawHttp endSending() throws IOException {
    socket.shutdownOutput();
    return this;
  }

  /** Reads one answer (status line, headers, a body of its Content-Length or to the close). */
  public Answer read() throws IOException {
    Answer head = readHead();
    return readBody(head.status(), head.headers());
  }

  /** Reads an answer's status line and headers only (the body, if any, is left unread). */
  public Answer readHead() throws IOException {
    String status = line();
    if (status == null) {
      throw new IOException("connection closed before an answer");
    }
    Map<String, String> headers = new LinkedHashMap<>();
    String h;
    while ((h = line()) != null && !h.isEmpty()) {
      int colon = h.indexOf(':');
      headers.put(
          h.substring(0, colon).strip().toLowerCase(Locale.ROOT), h.substring(colon + 1).strip());
    }
    return new Answer(Integer.parseInt(status.split(" ")[1]), headers, "");
  }

  /** Reads the rest of an answer whose head {@link #readHead()} read. */
  public Answer readBody(int status, Map<String, String> headers) throws IOException {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    String length = headers.get("content-length");
    if (length != null) {
      body.write(in.readNBytes(Integer.parseInt(length)));
    } else if (!"chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
      in.transferTo(body);
    } else {
      readChunked(body);
    }
    return new Answer(status, headers, body.toString(StandardCharsets.UTF_8));
  }

  /** True when the server has closed the connection (a read sees its end, not a timeout). */
  public boolean closedByServer() throws IOException {
    try {
      return in.read() < 0;
    } catch (SocketTimeoutException e) {
      return false;
    } catch (IOException e) {
      return true; // reset
    }
  }

  private void readChunked(ByteArrayOutputStream body) throws IOException {
    while (true) {
      String size = line();
      if (size == null) {
        return;
      }
      int n = Integer.parseInt(size.split(";")[0].strip(), 16);
      if (n == 0) {
        line();
        return;
      }
      body.write(in.readNBytes(n));
      line();
    }
  }

  private String line() throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    int c;
    while ((c = in.read()) >= 0) {
      if (c == '\n') {
        String s = b.toString(StandardCharsets.ISO_8859_1);
        return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
      }
      b.write(c);
    }
    return b.size() == 0 ? null : b.toString(StandardCharsets.ISO_8859_1);
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
