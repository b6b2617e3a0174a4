package io.gridcast.server.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The browsable API reference: {@code /api/docs} is Swagger UI over {@code /api/openapi.json}, its
 * files ({@code /api/docs/swagger-ui-bundle.js}, ...) served from the Swagger UI WebJar in the jar,
 * nothing from another origin (the policy below says so to the browser too). The reference and the
 * document need no token: they describe the API, they hold no one's data.
 *
 * <p>Files are read once and kept in memory (about 1.5 MiB), with an ETag for revalidation.
 * Thread-safe.
 */
final class ApiDocs implements RouteGroup {
  static final String PATH = "/api/docs";
  private static final String OWN = "io/gridcast/server/http/docs/";
  private static final String POM = "META-INF/maven/org.webjars/swagger-ui/pom.properties";
  private static final String POLICY =
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline';"
          + " img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none';"
          + " form-action 'self'; frame-ancestors 'none'";
  private static final Map<String, String> TYPES =
      Map.of(
          "html", "text/html; charset=utf-8",
          "js", "text/javascript; charset=utf-8",
          "css", "text/css; charset=utf-8",
          "png", "image/png");

  /** A file as sent: its bytes, type and entity tag. */
  private record Asset(byte[] body, String type, String etag) {}

  private final String webjar = "META-INF/resources/webjars/swagger-ui/" + version() + "/";
  private final ConcurrentHashMap<String, Asset> files = new ConcurrentHashMap<>();

  @Override
  public void register(RoutesConfig r) {
    r.get(PATH, ctx -> send(ctx, OWN + "index.html"));
    r.get(PATH + "/<path>", this::file);
  }

  /** The reference's paths, which pass without a token and are not routes of the document. */
  static boolean isDocsPath(String path) {
    return path.equals(PATH) || path.startsWith(PATH + "/");
  }

  /** Requests that need no caller: the document and its reference. */
  static boolean isPublic(String path) {
    return path.equals(OpsRoutes.OPENAPI_PATH) || isDocsPath(path);
  }

  private void file(Context ctx) throws IOException {
    String name = ctx.pathParam("path");
    if (name.endsWith(".html")) {
      ctx.status(404); // the one page is PATH itself; the WebJar's demo page is not served
      return;
    }
    String own = WebAssets.safe(name, OWN);
    if (own != null && ApiDocs.class.getClassLoader().getResource(own) != null) {
      send(ctx, own);
    } else {
      send(ctx, WebAssets.safe(name, webjar));
    }
  }

  private void send(Context ctx, String resource) throws IOException {
    Asset a = resource == null ? null : asset(resource);
    if (a == null) {
      ctx.status(404); // the JSON 404 of ErrorMapper follows
      return;
    }
    ctx.header("Content-Security-Policy", POLICY);
    ctx.header("X-Content-Type-Options", "nosniff");
    ctx.header("Referrer-Policy", "no-referrer");
    ctx.header("ETag", a.etag());
    ctx.header("Cache-Control", "no-cache");
    if (a.etag().equals(ctx.header("If-None-Match"))) {
      ctx.status(304);
      return;
    }
    ctx.contentType(a.type());
    ctx.outputStream().write(a.body());
  }

  private Asset asset(String resource) throws IOException {
    Asset cached = files.get(resource);
    if (cached != null) {
      return cached;
    }
    String ext = resource.substring(resource.lastIndexOf('.') + 1);
    String type = TYPES.get(ext);
    if (type == null) {
      return null; // source maps, licences: not served
    }
    byte[] body;
    try (InputStream in = ApiDocs.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        return null;
      }
      body = in.readAllBytes();
    }
    Asset a = new Asset(body, type, "\"" + sha256(body) + "\"");
    files.put(resource, a);
    return a;
  }

  private static String sha256(byte[] data) {
    try {
      byte[] h = MessageDigest.getInstance("SHA-256").digest(data);
      return Base64.getUrlEncoder().withoutPadding().encodeToString(h);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JDK", e);
    }
  }

  /** The Swagger UI WebJar's version, from its Maven metadata (kept in the server jar). */
  static String version() {
    Properties p = new Properties();
    try (InputStream in = ApiDocs.class.getClassLoader().getResourceAsStream(POM)) {
      if (in == null) {
        throw new IllegalStateException("the Swagger UI WebJar is missing: " + POM);
      }
      p.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return p.getProperty("version");
  }
}
