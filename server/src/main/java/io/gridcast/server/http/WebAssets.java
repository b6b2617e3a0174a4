package io.gridcast.server.http;

import io.javalin.config.JavalinConfig;
import io.javalin.http.staticfiles.Location;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The web page: {@code /} serves the static files under {@code web/} on the classpath, {@code
 * /webjars/...} the libraries (Preact, uPlot) from their WebJars; nothing comes from the internet.
 * Every file is sent with a Content-Security-Policy that allows scripts from this origin only, plus
 * the page's one inline script, its import map, by hash (so a SKU name that smuggled markup into
 * the page still could not run a script).
 */
final class WebAssets {
  static final String ROOT = "/web";
  private static final Pattern IMPORT_MAP =
      Pattern.compile("<script type=\"importmap\">(.*?)</script>", Pattern.DOTALL);

  private WebAssets() {}

  static void install(JavalinConfig cfg) {
    Map<String, String> headers =
        Map.of(
            "Content-Security-Policy", policy(importMapHash()),
            "X-Content-Type-Options", "nosniff",
            "Referrer-Policy", "no-referrer",
            "X-Frame-Options", "DENY");
    cfg.staticFiles.add(sf -> {
      sf.hostedPath = "/";
      sf.directory = ROOT;
      sf.location = Location.CLASSPATH;
      sf.headers = headers;
    });
    cfg.staticFiles.enableWebjars();
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
    try {
      byte[] d =
          MessageDigest.getInstance("SHA-256").digest(m.group(1).getBytes(StandardCharsets.UTF_8));
      return Base64.getEncoder().encodeToString(d);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JDK", e);
    }
  }
}
