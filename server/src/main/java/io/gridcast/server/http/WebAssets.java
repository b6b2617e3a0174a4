package io.gridcast.server.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The web page: {@code /} serves the files under {@code web/} on the classpath, {@code
 * /webjars/...} the libraries (Preact, uPlot) from their WebJars; nothing comes from the internet.
 * Every file is sent with a Content-Security-Policy that allows scripts from this origin only, plus
 * the page's one inline script, its import map, by hash (so a SKU name that smuggled markup into
 * the page still could not run a script).
 *
 * <p>Files are read from the classpath once and kept in memory (the page and the few library files
 * it loads: a few hundred KiB), with an ETag for revalidation; WebJar paths carry their version, so
 * they are cached for a year. Javalin's own static-file handler mounted the 23 MiB server jar as a
 * zip file system eight times at start (~34 MiB of heap per API process, for good).
 */
final class WebAssets implements RouteGroup {
  static final String ROOT = "/web";

  /** The folders of {@code web/} served below {@code /} (besides {@code index.html}). */
  private static final List<String> FOLDERS = List.of("css", "js");

  private static final String WEBJARS = "META-INF/resources/webjars/";
  private static final Pattern IMPORT_MAP =
      Pattern.compile("<script type=\"importmap\">(.*?)</script>", Pattern.DOTALL);
  private static final Map<String, String> TYPES =
      Map.of(
          "html", "text/html; charset=utf-8",
          "js", "text/javascript; charset=utf-8",
          "mjs", "text/javascript; charset=utf-8",
          "css", "text/css; charset=utf-8",
          "json", "application/json",
          "map", "application/json",
          "svg", "image/svg+xml",
          "png", "image/png",
          "ico", "image/x-icon",
          "woff2", "font/woff2");

  /** A file as sent: its bytes, type and entity tag. */
  private record Asset(byte[] body, String type, String etag) {}

  private final Map<String, String> headers =
      Map.of(
          "Content-Security-Policy", policy(importMapHash()),
          "X-Content-Type-Options", "nosniff",
          "Referrer-Policy", "no-referrer",
          "X-Frame-Options", "DENY");
  private final ConcurrentHashMap<String, Asset> files = new ConcurrentHashMap<>();

  @Override
  public void register(RoutesConfig r) {
    r.get("/", ctx -> send(ctx, "web/index.html", false));
    r.get("/index.html", ctx -> send(ctx, "web/index.html", false));
    for (String folder : FOLDERS) {
      r.get(
          "/" + folder + "/<path>",
          ctx -> send(ctx, safe(ctx.pathParam("path"), "web/" + folder + "/"), false));
    }
    r.get("/webjars/<path>", ctx -> send(ctx, safe(ctx.pathParam("path"), WEBJARS), true));
  }

  /** The paths {@link #register} adds: the page's files, not part of the API's OpenAPI document. */
  static boolean isPagePath(String path) {
    return path.equals("/")
        || path.equals("/index.html")
        || path.equals("/webjars/<path>")
        || FOLDERS.stream().anyMatch(f -> path.equals("/" + f + "/<path>"));
  }

  private void send(Context ctx, String resource, boolean versioned) throws IOException {
    Asset a = resource == null ? null : asset(resource);
    if (a == null) {
      ctx.status(404); // the JSON 404 of ErrorMapper follows
      return;
    }
    headers.forEach(ctx::header);
    ctx.header("ETag", a.etag());
    ctx.header("Cache-Control", versioned ? "public, max-age=31536000, immutable" : "no-cache");
    if (a.etag().equals(ctx.header("If-None-Match"))) {
      ctx.status(304);
      return;
    }
    ctx.contentType(a.type());
    ctx.outputStream().write(a.body());
  }

  /**
   * {@code prefix + path} when {@code path} is a plain relative file name (segments without {@code
   * .} or {@code ..}, the last with an extension), else null: nothing outside the prefix is served.
   */
  static String safe(String path, String prefix) {
    String[] segments = path.split("/", -1);
    for (String seg : segments) {
      if (seg.isEmpty() || seg.equals(".") || seg.equals("..") || seg.indexOf('\\') >= 0) {
        return null;
      }
    }
    return segments[segments.length - 1].indexOf('.') > 0 ? prefix + path : null;
  }

  private Asset asset(String resource) throws IOException {
    Asset a = files.get(resource);
    if (a != null) {
      return a;
    }
    byte[] body;
    try (InputStream in = WebAssets.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        return null;
      }
      body = in.readAllBytes();
    }
    String ext = resource.substring(resource.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
    String etag =
        "\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(sha256(body)) + "\"";
    a = new Asset(body, TYPES.getOrDefault(ext, "application/octet-stream"), etag);
    files.put(resource, a);
    return a;
  }

  private static byte[] sha256(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JDK", e);
    }
  }

  static String policy(String importMapHash) {
    return "default-src 'self'; script-src 'self' 'sha256-"
        + importMapHash
        + "'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:;"
        + " connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self';"
        + " frame-ancestors 'none'";
  }

  /** SHA-256 (base64) of the import map's text in {@code index.html}, as CSP hashes it. */
  static String importMapHash() {
    String html;
    try (InputStream in = WebAssets.class.getResourceAsStream(ROOT + "/index.html")) {
      if (in == null) {
        throw new IllegalStateException("the web page is missing: " + ROOT + "/index.html");
      }
      html = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Matcher m = IMPORT_MAP.matcher(html);
    if (!m.find()) {
      throw new IllegalStateException(ROOT + "/index.html has no <script type=\"importmap\">");
    }
    return Base64.getEncoder().encodeToString(sha256(m.group(1).getBytes(StandardCharsets.UTF_8)));
  }
}
