package io.gridcast.server.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;

/**
 * A small real-HTTP client for tests. Every answer it receives is checked against the server's
 * OpenAPI document ({@link OpenApiSchemas#check}) before the test sees it, so an answer that drifts
 * from its documented schema fails the test that received it.
 */
public final class Http {
  public static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String base;
  private final String token;

  /** A client that sends no credentials. */
  public Http(String base) {
    this(base, null);
  }

  /** A client that sends {@code Authorization: Bearer token} (none when null). */
  public Http(String base, String token) {
    this.base = base;
    this.token = token;
  }

  /** The same server with another token (null: none). */
  public Http as(String otherToken) {
    return new Http(base, otherToken);
  }

  public String token() {
    return token;
  }

  /** Adds this client's credentials to a request built elsewhere (SSE readers). */
  public HttpRequest.Builder authorize(HttpRequest.Builder b) {
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return b;
  }

  public String base() {
    return base;
  }

  /** A response: status, raw body, and the body as JSON when it parses. */
  public record Res(int status, String body, String contentType) {
    public JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new AssertionError("not JSON (" + status + "): " + body, e);
      }
    }
  }

  public Res get(String path) {
    return send(HttpRequest.newBuilder(uri(path)).GET());
  }

  public Res get(String path, String accept) {
    return send(HttpRequest.newBuilder(uri(path)).header("Accept", accept).GET());
  }

  public Res delete(String path) {
    return send(HttpRequest.newBuilder(uri(path)).DELETE());
  }

  /**
   * POSTs with {@code Expect: 100-continue}: a server that refuses a request before reading its
   * body (a URI too long, a declared body too large) may close the connection while a client is
   * still writing, and the client then never sees the refusal; announcing the body avoids that
   * race.
   */
  public Res post(String path, String contentType, String body) {
    HttpRequest.Builder b = HttpRequest.newBuilder(uri(path));
    if (contentType != null) {
      b.header("Content-Type", contentType);
    }
    return send(b.expectContinue(true).POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  public Res post(String path, String contentType, byte[] body) {
    HttpRequest.Builder b = HttpRequest.newBuilder(uri(path));
    if (contentType != null) {
      b.header("Content-Type", contentType);
    }
    return send(b.expectContinue(true).POST(HttpRequest.BodyPublishers.ofByteArray(body)));
  }

  public Res postJson(String path, String json) {
    return post(path, "application/json", json);
  }

  public Res send(HttpRequest.Builder b) {
    authorize(b);
    HttpRequest request = b.timeout(Duration.ofSeconds(60)).build();
    try {
      try {
        return once(request);
      } catch (IOException e) {
        // A kept-alive connection the server closed (after refusing an earlier request's body)
        // can be picked from the pool just before its close arrives: nothing was received. An
        // idempotent request may be retried then (RFC 9110, 9.2.2), as browsers do; others fail.
        if (!IDEMPOTENT.contains(request.method())
            || e.getMessage() == null
            || !e.getMessage().contains("received no bytes")) {
          throw e;
        }
        return once(request);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static final Set<String> IDEMPOTENT = Set.of("GET", "HEAD", "PUT", "DELETE", "OPTIONS");

  private Res once(HttpRequest request) throws IOException, InterruptedException {
    HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString());
    Res res = new Res(r.statusCode(), r.body(), r.headers().firstValue("Content-Type").orElse(""));
    URI uri = request.uri();
    OpenApiSchemas.document()
        .check(
            request.method(),
            uri.getRawQuery() == null
                ? uri.getRawPath()
                : uri.getRawPath() + "?" + uri.getRawQuery(),
            res.status(),
            res.contentType(),
            res.body());
    return res;
  }

  public URI uri(String path) {
    return URI.create(base + path);
  }

  public HttpClient client() {
    return client;
  }
}
