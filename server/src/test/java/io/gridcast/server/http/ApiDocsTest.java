package io.gridcast.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridcast.server.app.GridcastServer;
import io.gridcast.server.config.Role;
import io.gridcast.server.it.Http;
import io.gridcast.server.it.TestDatabases;
import io.gridcast.server.it.TestServers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The browsable reference at /api/docs, over plain HTTP and without a token. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiDocsTest {
  private static final Pattern ASSET = Pattern.compile("(?:src|href)=\"([^\"]+)\"");

  private GridcastServer server;
  private Http anonymous;

  @BeforeAll
  void start() {
    server = TestServers.start(Role.API, TestDatabases.sqlite(), 1);
    anonymous = new Http(server.url());
  }

  @AfterAll
  void stop() {
    server.close();
  }

  @Test
  void reference_loadsWithoutAToken_andEveryFileItNamesComesFromThisServer() {
    Http.Res page = anonymous.get("/api/docs");
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.contentType()).startsWith("text/html");
    List<String> assets = new ArrayList<>();
    Matcher m = ASSET.matcher(page.body());
    while (m.find()) {
      assets.add(m.group(1));
    }
    assertThat(assets)
        .contains("/api/docs/swagger-ui-bundle.js", "/api/docs/swagger-ui.css")
        .allMatch(a -> a.startsWith("/api/docs/") || a.equals("data:,"));
    for (String a : assets) {
      if (a.startsWith("/")) {
        Http.Res res = anonymous.get(a);
        assertThat(res.status()).as(a).isEqualTo(200);
        assertThat(res.contentType()).as(a).matches("text/(javascript|css).*");
        assertThat(res.body()).as(a).isNotBlank();
      }
    }
    assertThat(anonymous.get("/api/docs/gridcast-docs.js").body())
        .contains("\"/api/openapi.json\"")
        .contains("validatorUrl: null");
  }

  @Test
  void reference_isServedWithAPolicyThatAllowsThisOriginOnly() {
    String policy = policyOf("/api/docs");
    assertThat(policy).contains("default-src 'self'", "script-src 'self';", "connect-src 'self'");
    assertThat(policy).doesNotContain("http:", "https:", "unsafe-eval");
  }

  @Test
  void filesOutsideTheReference_areNotServed() {
    assertThat(anonymous.get("/api/docs/index.html").status()).isEqualTo(404);
    assertThat(anonymous.get("/api/docs/swagger-ui-bundle.js.map").status()).isEqualTo(404);
    assertThat(anonymous.get("/api/docs/..%2Fopenapi.json").status()).isIn(400, 404);
    assertThat(anonymous.get("/api/docs/../jobs/status").status()).isIn(400, 401, 404);
  }

  private String policyOf(String path) {
    try {
      HttpResponse<Void> res =
          anonymous
              .client()
              .send(
                  HttpRequest.newBuilder(anonymous.uri(path)).GET().build(),
                  HttpResponse.BodyHandlers.discarding());
      assertThat(res.statusCode()).isEqualTo(200);
      return res.headers().firstValue("Content-Security-Policy").orElse("");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
