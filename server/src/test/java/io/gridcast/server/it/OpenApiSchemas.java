package io.gridcast.server.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The server's OpenAPI document as a checker of answers: {@link #check} finds the operation of a
 * request (method and path template), the documented response of its status and the media type of
 * its body, and validates a JSON body against that response's schema with a JSON Schema 2020-12
 * validator (the dialect of OpenAPI 3.1). The answers' schemas are closed ({@code
 * additionalProperties: false}), so a field the server writes but the document does not name fails
 * as surely as a missing one. {@link Http} checks every answer it receives, {@link SseReader} every
 * event.
 *
 * <p>Thread-safe: compiled schemas are cached per response.
 */
public final class OpenApiSchemas {
  static final String RESOURCE = "/io/gridcast/server/http/openapi.json";
  private static final OpenApiSchemas DOCUMENT = load();

  private final JsonNode doc;
  private final List<Route> routes;
  private final SchemaRegistry registry =
      SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
  private final Map<String, Schema> compiled = new ConcurrentHashMap<>();

  /** One documented path: its template and the pattern a request path must match. */
  private record Route(String template, Pattern pattern, int parameters) {}

  OpenApiSchemas(JsonNode doc) {
    this.doc = doc;
    List<Route> r = new ArrayList<>();
    for (Iterator<String> it = doc.path("paths").fieldNames(); it.hasNext(); ) {
      String t = it.next();
      String regex = Pattern.quote(t).replaceAll("\\{[^}/]+}", "\\\\E[^/]+\\\\Q");
      r.add(new Route(t, Pattern.compile(regex), t.split("\\{", -1).length - 1));
    }
    // literal segments win: /api/jobs/status before /api/jobs/{id}
    r.sort(Comparator.comparingInt(Route::parameters));
    this.routes = List.copyOf(r);
  }

  /** The document in the server's resources. */
  public static OpenApiSchemas document() {
    return DOCUMENT;
  }

  private static OpenApiSchemas load() {
    try (InputStream in = OpenApiSchemas.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + RESOURCE);
      }
      return new OpenApiSchemas(Http.JSON.readTree(in));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public JsonNode json() {
    return doc;
  }

  /**
   * Checks one answer against the document; throws {@link AssertionError} naming the request, the
   * status and every violation. Paths outside the API (the web page's files, {@code /api/docs}) are
   * not checked; a JSON answer to a path the document does not have (a 404, a 405) must be an
   * error.
   *
   * @param rawPath the request's path, query allowed
   */
  public void check(String method, String rawPath, int status, String contentType, String body) {
    String path = rawPath.split("\\?", 2)[0];
    String type = contentType == null ? "" : contentType.split(";", 2)[0].strip();
    String what = method + " " + abbreviate(rawPath, 200) + " -> " + status;
    JsonNode operation = operation(method, path);
    if (operation == null) {
      if (type.equals("application/json") && (path.startsWith("/api/") || status >= 400)) {
        validate(what, "#/components/schemas/Error", schemaAt("/components/schemas/Error"), body);
      }
      return;
    }
    JsonNode responses = operation.path("responses");
    String code = Integer.toString(status);
    String key = responses.has(code) ? code : "default";
    JsonNode response = responses.get(key);
    if (response == null) {
      throw new AssertionError(what + ": status " + status + " is not documented");
    }
    String at = pointer(operation) + "/responses/" + escape(key);
    if (response.has("$ref")) { // a shared response of components/responses
      at = response.get("$ref").asText();
      response = doc.at(at.substring(1));
    }
    JsonNode content = response.path("content");
    if (content.isMissingNode() || content.isEmpty()) {
      if (body != null && !body.isEmpty()) {
        throw new AssertionError(
            what + ": documented without a body, got: " + abbreviate(body, 2000));
      }
      return;
    }
    if (!content.has(type)) {
      throw new AssertionError(
          what + ": Content-Type '" + contentType + "' is not documented: " + names(content));
    }
    if (type.equals("application/json")) {
      validate(what, at + "/content/" + escape(type), content.get(type).path("schema"), body);
    }
  }

  /** Checks the data of one Server-Sent Event ({@code job}, {@code summary}, {@code alert}). */
  public void checkEvent(String event, String data) {
    JsonNode schema = doc.path("components").path("schemas").path("EventPayloads");
    JsonNode s = schema.path("properties").path(event);
    if (s.isMissingNode()) {
      throw new AssertionError("event '" + event + "' is not documented: " + data);
    }
    validate("event: " + event, "EventPayloads/" + event, s, data);
  }

  /** The documented operation of a request, or null. */
  private JsonNode operation(String method, String path) {
    for (Route r : routes) {
      if (r.pattern().matcher(path).matches()) {
        JsonNode op = doc.path("paths").path(r.template()).path(method.toLowerCase(Locale.ROOT));
        if (!op.isMissingNode()) {
          return op;
        }
      }
    }
    return null;
  }

  private String pointer(JsonNode operation) {
    for (Iterator<Map.Entry<String, JsonNode>> p = doc.path("paths").fields(); p.hasNext(); ) {
      Map.Entry<String, JsonNode> e = p.next();
      for (Iterator<Map.Entry<String, JsonNode>> m = e.getValue().fields(); m.hasNext(); ) {
        Map.Entry<String, JsonNode> op = m.next();
        if (op.getValue() == operation) {
          return "#/paths/" + escape(e.getKey()) + "/" + op.getKey();
        }
      }
    }
    throw new IllegalStateException("operation not in the document");
  }

  private JsonNode schemaAt(String pointer) {
    return doc.at(pointer);
  }

  private void validate(String what, String key, JsonNode schema, String body) {
    if (schema.isMissingNode()) {
      throw new AssertionError(what + ": no schema at " + key);
    }
    JsonNode value;
    try {
      value = Http.JSON.readTree(body);
    } catch (IOException e) {
      throw new AssertionError(what + ": not JSON: " + abbreviate(body, 2000), e);
    }
    List<Error> errors = compiled.computeIfAbsent(key, k -> compile(schema)).validate(value);
    if (!errors.isEmpty()) {
      StringBuilder b = new StringBuilder(what).append(" does not match ").append(key);
      for (Error e : errors) {
        b.append("\n  ").append(e.getInstanceLocation()).append(": ").append(e.getMessage());
      }
      throw new AssertionError(b.append("\n  body: ").append(abbreviate(body, 2000)).toString());
    }
  }

  /** The schema as a document of its own, the components beside it so that its refs resolve. */
  private Schema compile(JsonNode schema) {
    ObjectNode root = schema.deepCopy();
    root.set("components", doc.path("components").deepCopy());
    return registry.getSchema(root);
  }

  private static String escape(String name) {
    return name.replace("~", "~0").replace("/", "~1");
  }

  private static String names(JsonNode content) {
    List<String> n = new ArrayList<>();
    content.fieldNames().forEachRemaining(n::add);
    return n.toString();
  }

  private static String abbreviate(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max) + "...";
  }
}
