package io.gridcast.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The page's files on a real Javalin server, as {@link ApiServer} installs them. */
class WebAssetsTest {
  private Javalin app;
  private final HttpClient client = HttpClient.newHttpClient();

  @BeforeEach
  void start() {
    app =
        Javalin.create(
                cfg -> {
                  cfg.startup.showJavalinBanner = false;
                  ErrorMapper.install(cfg, error -> {});
                  new WebAssets().register(cfg.routes);
                })
            .start("127.0.0.1", 0);
  }

  @AfterEach
  void stop() {
    app.stop();
    client.close();
  }

  @Test
  void thePage_isHtml_withTheScriptPolicy_andRevalidatesByEtag() throws Exception {
    HttpResponse<String> r = get("/", null);
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
    assertThat(r.body()).contains("<script type=\"importmap\">");
    assertThat(r.headers().firstValue("Content-Security-Policy"))
        .contains(WebAssets.policy(WebAssets.importMapHash()));
    assertThat(r.headers().firstValue("Cache-Control")).contains("no-cache");
    String etag = r.headers().firstValue("ETag").orElseThrow();
    assertThat(get("/index.html", null).body()).isEqualTo(r.body());
    HttpResponse<String> again = get("/", etag);
    assertThat(again.statusCode()).isEqualTo(304);
    assertThat(again.body()).isEmpty();
  }

  @Test
  void scriptsStylesAndLibraries_areServedWithTheirTypes_librariesCachedForAYear()
      throws Exception {
    HttpResponse<String> script = get("/js/app.js", null);
    assertThat(script.statusCode()).isEqualTo(200);
    assertThat(script.headers().firstValue("Content-Type"))
        .contains("text/javascript; charset=utf-8");
    assertThat(get("/js/views/queue.js", null).statusCode()).isEqualTo(200);
    assertThat(get("/css/app.css", null).headers().firstValue("Content-Type"))
        .contains("text/css; charset=utf-8");
    HttpResponse<String> preact = get("/webjars/preact/10.28.0/dist/preact.module.js", null);
    assertThat(preact.statusCode()).isEqualTo(200);
    assertThat(preact.headers().firstValue("Cache-Control"))
        .contains("public, max-age=31536000, immutable");
    assertThat(preact.body()).isNotBlank();
  }

  @Test
  void missingFilesAndPathsOutOfTheFolders_areJsonNotFound_neverOtherResources() throws Exception {
    HttpResponse<String> missing = get("/js/missing.js", null);
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(missing.body()).contains("\"not_found\"");
    for (String p :
        new String[] {
          "/js/%2e%2e/%2e%2e/db/migration/server/sqlite/V1__datasets.sql",
          "/webjars/%2e%2e/%2e%2e/%2e%2e/logback.xml",
          "/js/views",
          "/js//app.js",
          "/webjars/preact/10.28.0/dist/"
        }) {
      HttpResponse<String> r = get(p, null);
      assertThat(r.statusCode()).as(p).isIn(400, 404);
      assertThat(r.body()).as(p).doesNotContain("CREATE TABLE").doesNotContain("<configuration");
    }
    assertThat(WebAssets.safe("views/queue.js", "web/js/")).isEqualTo("web/js/views/queue.js");
    assertThat(WebAssets.safe("../../db/x.sql", "web/js/")).isNull();
    assertThat(WebAssets.safe("views/./queue.js", "web/js/")).isNull();
    assertThat(WebAssets.safe("views", "web/js/")).isNull();
    assertThat(WebAssets.safe("a\\..\\b.js", "web/js/")).isNull();
  }

  private HttpResponse<String> get(String path, String ifNoneMatch) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path));
    if (ifNoneMatch != null) {
      b.header("If-None-Match", ifNoneMatch);
    }
    return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }
}
