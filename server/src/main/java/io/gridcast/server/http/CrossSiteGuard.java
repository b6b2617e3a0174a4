package io.gridcast.server.http;

import io.gridcast.server.config.ServerConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Refuses what a page of another site can make a browser send, before any route runs:
 *
 * <ul>
 *   <li>With authentication off (one local user, no credential), a {@code Host} other than a
 *       loopback name answers 421 {@code host_not_allowed}: a site whose name an attacker points at
 *       127.0.0.1 (DNS rebinding) reaches the server as {@code Host: evil.example} and is served
 *       nothing, the page included.
 *   <li>Always, on every call that may change state (any method but GET, HEAD and OPTIONS): a
 *       {@code Sec-Fetch-Site} other than {@code same-origin} or {@code none}, an {@code Origin} of
 *       {@code null}, or an {@code Origin} that is neither this request's own ({@code Host}) nor
 *       one of {@code --allowed-origins} answers 403 {@code cross_site_request}. Clients that are
 *       not browsers send neither header and pass; browsers always send {@code Origin} on a
 *       cross-origin POST, also on the "simple" ones that skip CORS preflight.
 * </ul>
 *
 * Stateless and thread-safe.
 */
final class CrossSiteGuard {
  private static final Set<String> SAME_SITE_FETCH = Set.of("same-origin", "none");

  private final boolean loopbackHostsOnly;
  private final Set<String> allowedOrigins;

  /**
   * @param loopbackHostsOnly whether only loopback {@code Host} names are served (authentication
   *     off)
   * @param allowedOrigins origins ({@code https://host[:port]}) trusted besides the request's own
   */
  CrossSiteGuard(boolean loopbackHostsOnly, List<String> allowedOrigins) {
    this.loopbackHostsOnly = loopbackHostsOnly;
    this.allowedOrigins =
        Set.copyOf(allowedOrigins.stream().map(o -> o.toLowerCase(Locale.ROOT)).toList());
  }

  void check(Context ctx) {
    if (loopbackHostsOnly) {
      String host = hostName(ctx.header("Host"));
      if (host == null || !ServerConfig.loopback(host)) {
        throw new ApiException(
            421,
            "host_not_allowed",
            "without authentication this server answers only to loopback names (localhost,"
                + " 127.0.0.1, [::1]), not to the Host this request names",
            Map.of("field", "Host"));
      }
    }
    if (safe(ctx.method())) {
      return;
    }
    String fetchSite = ctx.header("Sec-Fetch-Site");
    if (fetchSite != null
        && !SAME_SITE_FETCH.contains(fetchSite.strip().toLowerCase(Locale.ROOT))) {
      throw crossSite("Sec-Fetch-Site", "the browser says it comes from another site");
    }
    String origin = ctx.header("Origin");
    if (origin != null
        && !sameOrigin(origin.strip().toLowerCase(Locale.ROOT), ctx.header("Host"))) {
      throw crossSite("Origin", "it comes from a page of another origin");
    }
  }

  private boolean sameOrigin(String origin, String hostHeader) {
    if (allowedOrigins.contains(origin)) {
      return true;
    }
    int scheme = origin.indexOf("://");
    if (scheme < 0 || hostHeader == null) {
      return false; // "null" (a sandboxed or file page) or garbage
    }
    return origin.substring(scheme + 3).equals(hostHeader.strip().toLowerCase(Locale.ROOT));
  }

  private static ApiException crossSite(String header, String why) {
    return new ApiException(
        403,
        "cross_site_request",
        "refused a call that changes state because " + why + " (" + header + ")",
        Map.of("field", header));
  }

  /** GET, HEAD and OPTIONS read; every other method, known or not, may change state. */
  static boolean safe(HandlerType method) {
    return method == HandlerType.GET || method == HandlerType.HEAD || method == HandlerType.OPTIONS;
  }

  /** The name in a {@code Host} header without its port: {@code [::1]:8080} is {@code ::1}. */
  static String hostName(String hostHeader) {
    if (hostHeader == null || hostHeader.isBlank()) {
      return null;
    }
    String h = hostHeader.strip();
    if (h.startsWith("[")) {
      int end = h.indexOf(']');
      return end < 0 ? null : h.substring(1, end);
    }
    int colon = h.indexOf(':');
    return colon < 0 ? h : h.substring(0, colon);
  }
}
