package io.gridcast.server.http;

import java.nio.ByteBuffer;
import java.time.Duration;
import org.eclipse.jetty.http.HttpCompliance;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.http.HttpParser;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.internal.HttpConnection;
import org.eclipse.jetty.util.BufferUtil;
import org.eclipse.jetty.util.NanoTime;

/**
 * HTTP/1.1 connections whose request line and headers must arrive within a total time from their
 * first byte. Jetty's idle timeout alone restarts with every byte, so a client that sends one
 * header line every few seconds (slowloris) would hold a connection for as long as it likes; here
 * the first bytes that arrive after the deadline end the request with 408 and the connection is
 * closed. A client that sends nothing more is closed by the idle timeout, so no request spends
 * longer than the deadline plus the idle timeout on its headers.
 *
 * <p>Built on Jetty's {@code HttpConnection} (its parser is the one place that sees a request's
 * header bytes as they arrive); the one thing changed is the parser's check before each parse.
 */
final class HeaderDeadline extends HttpConnectionFactory {
  private final long deadlineNanos;

  HeaderDeadline(HttpConfiguration config, Duration deadline) {
    super(config);
    this.deadlineNanos = deadline.toNanos();
  }

  @Override
  public Connection newConnection(Connector connector, EndPoint endPoint) {
    BoundedConnection c =
        new BoundedConnection(getHttpConfiguration(), connector, endPoint, deadlineNanos);
    c.setTransferEncodingChunkMaxLength(getTransferEncodingChunkMaxLength());
    return configure(c, connector, endPoint);
  }

  /** Jetty's connection with a {@link BoundedParser}. */
  private static final class BoundedConnection extends HttpConnection {
    BoundedConnection(
        HttpConfiguration config, Connector connector, EndPoint endPoint, long deadlineNanos) {
      super(config, connector, endPoint);
      // the parser is made by the super constructor, before this object's fields exist
      ((BoundedParser) getParser()).deadlineNanos = deadlineNanos;
    }

    @Override
    protected HttpParser newHttpParser(HttpCompliance compliance) {
      HttpParser plain = super.newHttpParser(compliance);
      BoundedParser p =
          new BoundedParser(
              (HttpParser.RequestHandler) plain.getHandler(),
              getHttpConfiguration().getRequestHeaderSize(),
              compliance);
      p.setHeaderCacheSize(plain.getHeaderCacheSize());
      p.setHeaderCacheCaseSensitive(plain.isHeaderCacheCaseSensitive());
      return p;
    }
  }

  /** Refuses the request whose line and headers are still incomplete past the deadline. */
  private static final class BoundedParser extends HttpParser {
    long deadlineNanos = Long.MAX_VALUE;

    BoundedParser(HttpParser.RequestHandler handler, int maxHeaderBytes, HttpCompliance c) {
      super(handler, maxHeaderBytes, c);
    }

    @Override
    public boolean parseNext(ByteBuffer buffer) {
      State s = getState();
      boolean inHeaders = s != State.START && s.ordinal() < State.CONTENT.ordinal();
      if (inHeaders && NanoTime.since(getBeginNanoTime()) > deadlineNanos) {
        BufferUtil.clear(buffer);
        badMessage(
            new HttpException.RuntimeException(
                HttpStatus.REQUEST_TIMEOUT_408, "request headers did not arrive in time"));
        return false;
      }
      return super.parseNext(buffer);
    }
  }
}
