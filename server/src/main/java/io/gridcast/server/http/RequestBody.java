package io.gridcast.server.http;

import io.javalin.http.Context;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.TimeoutException;

/**
 * The one way a route reads a request body: a stream that fails with {@link
 * PayloadTooLargeException} past {@code maxBytes} (at once when the declared length is larger),
 * with {@link BodyReadException#stalled} once the body has taken longer than the server's body
 * deadline (set per request by {@link ApiServer}) or the connection idled out, and with {@link
 * BodyReadException#incomplete} when the client cut the body off. The failures are unchecked, so
 * they pass unchanged through the readers that consume the stream (CSV, Jackson) to {@link
 * ErrorMapper}.
 */
final class RequestBody extends FilterInputStream {
  /** Request attribute: the {@link System#nanoTime()} by which the body must have arrived. */
  static final String DEADLINE = "gridcast.body-deadline";

  private final long limit;
  private final long deadlineNanos;
  private long read;

  private RequestBody(InputStream in, long limit, long deadlineNanos) {
    super(in);
    this.limit = limit;
    this.deadlineNanos = deadlineNanos;
  }

  /** The body of {@code ctx}, at most {@code maxBytes}, by the request's deadline. */
  static RequestBody open(Context ctx, long maxBytes) {
    if (ctx.req().getContentLengthLong() > maxBytes) {
      throw new PayloadTooLargeException(maxBytes);
    }
    Long deadline = ctx.attribute(DEADLINE);
    InputStream in;
    try {
      in = ctx.req().getInputStream();
    } catch (IOException e) {
      throw BodyReadException.of(e);
    }
    return new RequestBody(in, maxBytes, deadline == null ? Long.MAX_VALUE : deadline);
  }

  /** Reads the whole body (at most {@code maxBytes}) into memory: for small JSON bodies only. */
  static byte[] readAll(Context ctx, long maxBytes) {
    try (InputStream in = open(ctx, maxBytes)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw BodyReadException.of(e);
    }
  }

  /**
   * Reads and drops what is left of the body, by the same deadline, up to the size limit once more
   * past what was read, and stops quietly at the first failure. Called before an upload is refused
   * part-way (a bad row, or the size limit itself): closing a connection with unread bytes makes
   * the kernel reset it, and a client still sending would lose the answer with it. So a body up to
   * twice the limit always gets its answer; a larger one may see only the reset. The cost is an 8
   * KiB buffer and reading at most one more limit's worth.
   */
  void discardRest() {
    byte[] sink = new byte[8192];
    long allowed = limit;
    try {
      while (allowed > 0
          && (deadlineNanos == Long.MAX_VALUE || System.nanoTime() - deadlineNanos < 0)) {
        int n = in.read(sink, 0, (int) Math.min(sink.length, allowed));
        if (n < 0) {
          return;
        }
        allowed -= n;
      }
    } catch (IOException | RuntimeException e) {
      // the deadline or the connection ended it: the answer goes out regardless
    }
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] buf, int off, int len) throws IOException {
    if (deadlineNanos != Long.MAX_VALUE && System.nanoTime() - deadlineNanos > 0) {
      throw BodyReadException.stalled(null);
    }
    int n;
    try {
      n = super.read(buf, off, len);
    } catch (IOException e) {
      throw BodyReadException.of(e);
    }
    if (n > 0) {
      read += n;
      if (read > limit) {
        throw new PayloadTooLargeException(limit);
      }
    }
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    byte[] sink = new byte[(int) Math.min(8192, Math.max(0, n))];
    int got = read(sink, 0, sink.length);
    return Math.max(0, got);
  }

  /** True when {@code t} or one of its causes is a timeout: an idle connection, not a cut one. */
  static boolean timedOut(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof TimeoutException) {
        return true;
      }
    }
    return false;
  }
}
