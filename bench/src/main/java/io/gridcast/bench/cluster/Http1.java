package io.gridcast.bench.cluster;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The little of HTTP/1.1 the load generator's socket clients need ({@link Poller}, {@link
 * EventStream}): a GET request, the head of an answer, and a body as a stream (Content-Length,
 * chunked, or until the connection closes). The JDK's HttpClient cost the generator more CPU than
 * the server it measured spent answering, on the same two cores.
 */
final class Http1 {
  private Http1() {}

  /** Status and the headers the clients act on. */
  record Head(int status, long contentLength, boolean chunked, boolean close) {}

  static byte[] get(String pathAndQuery, String hostPort, String token, String... headers) {
    StringBuilder sb = new StringBuilder(256);
    sb.append("GET ").append(pathAndQuery).append(" HTTP/1.1\r\nHost: ").append(hostPort);
    sb.append("\r\n");
    if (token != null) {
      sb.append("Authorization: Bearer ").append(token).append("\r\n");
    }
    for (String h : headers) {
      if (h != null) { // an optional header left out
        sb.append(h).append("\r\n");
      }
    }
    return sb.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII);
  }

  static Head head(InputStream in) throws IOException {
    String statusLine = line(in);
    if (!statusLine.startsWith("HTTP/1.1 ") || statusLine.length() < 12) {
      throw new IOException("not an HTTP/1.1 answer: '" + statusLine + "'");
    }
    int status = Integer.parseInt(statusLine.substring(9, 12));
    long length = -1;
    boolean chunked = false;
    boolean close = false;
    for (String h = line(in); !h.isEmpty(); h = line(in)) {
      int colon = h.indexOf(':');
      if (colon < 0) {
        continue;
      }
      String name = h.substring(0, colon).trim().toLowerCase(Locale.ROOT);
      String value = h.substring(colon + 1).trim();
      switch (name) {
        case "content-length" -> length = Long.parseLong(value);
        case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
        case "connection" -> close = value.equalsIgnoreCase("close");
        default -> {}
      }
    }
    return new Head(status, length, chunked, close);
  }

  /** The body after {@code head}: exactly its bytes, then end of stream. */
  static InputStream body(InputStream in, Head head) {
    if (head.chunked()) {
      return new Chunked(in);
    }
    if (head.contentLength() >= 0) {
      return new Limited(in, head.contentLength());
    }
    return in;
  }

  /** One CRLF- (or LF-) terminated line, without its terminator; EOF before it is an error. */
  static String line(InputStream in) throws IOException {
    StringBuilder sb = new StringBuilder(64);
    while (true) {
      int b = in.read();
      if (b < 0) {
        throw new EOFException("connection closed by the server");
      }
      if (b == '\n') {
        int last = sb.length() - 1;
        if (last >= 0 && sb.charAt(last) == '\r') {
          sb.setLength(last);
        }
        return sb.toString();
      }
      sb.append((char) b);
    }
  }

  /** A body of a known number of bytes at a time: {@link #more()} says how many are left. */
  private abstract static class Counted extends InputStream {
    final InputStream in;
    long left; // bytes left before more() must be asked again

    Counted(InputStream in, long left) {
      this.in = in;
      this.left = left;
    }

    /** True when bytes are left (reading the next chunk's size if needed); false at the end. */
    abstract boolean more() throws IOException;

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (len == 0) {
        return 0;
      }
      if (!more()) {
        return -1;
      }
      int n = in.read(b, off, (int) Math.min(len, left));
      if (n < 0) {
        throw new EOFException("connection closed inside a body");
      }
      left -= n;
      return n;
    }
  }

  /** A chunked body: the chunks' bytes in order, end of stream after the last (empty) chunk. */
  private static final class Chunked extends Counted {
    private boolean done;

    Chunked(InputStream in) {
      super(in, 0);
    }

    @Override
    boolean more() throws IOException {
      if (done) {
        return false;
      }
      if (left == 0) {
        String size = line(in);
        if (size.isEmpty()) {
          size = line(in); // the CRLF that ended the previous chunk
        }
        int semi = size.indexOf(';');
        left = Long.parseLong((semi < 0 ? size : size.substring(0, semi)).trim(), 16);
        if (left == 0) {
          for (String t = line(in); !t.isEmpty(); t = line(in)) {
            // trailers: none expected
          }
          done = true;
          return false;
        }
      }
      return true;
    }
  }

  /** A Content-Length body. */
  private static final class Limited extends Counted {
    Limited(InputStream in, long length) {
      super(in, length);
    }

    @Override
    boolean more() {
      return left > 0;
    }
  }
}
