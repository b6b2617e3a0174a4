package io.gridcast.server.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gridcast.server.app.GridcastServer;
import io.gridcast.server.config.Role;
import io.gridcast.server.it.Http;
import io.gridcast.server.it.OpenApiSchemas;
import io.gridcast.server.it.TestDatabases;
import io.gridcast.server.it.TestServers;
import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.oas.models.SpecVersion;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OpenApiDocumentTest {
  private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");
  private final JsonNode doc = OpenApiSchemas.document().json();

  @Test
  void everyRegisteredRoute_isDocumented_andEveryDocumentedRouteExists() {
    try (GridcastServer server = TestServers.start(Role.API, TestDatabases.sqlite(), 1)) {
      Http http = TestServers.client(server);
      Http.Res res = http.get("/api/openapi.json");
      assertThat(res.status()).isEqualTo(200);
      JsonNode paths = res.json().path("paths");
      List<String> routes = server.http().routes();
      assertThat(routes).hasSizeGreaterThanOrEqualTo(15);
      for (String route : routes) {
        String[] parts = route.split(" ", 2);
        String method = parts[0].toLowerCase(Locale.ROOT);
        assertThat(paths.path(parts[1]).has(method)).as("documented: " + route).isTrue();
        assertThat(paths.path(parts[1]).path(method).path("responses").size())
            .as("responses of " + route)
            .isPositive();
      }
      int documented = 0;
      for (var it = paths.fields(); it.hasNext(); ) {
        var e = it.next();
        for (var m = e.getValue().fieldNames(); m.hasNext(); ) {
          String route = m.next().toUpperCase(Locale.ROOT) + " " + e.getKey();
          assertThat(routes).as("registered: " + route).contains(route);
          documented++;
        }
      }
      assertThat(documented).isEqualTo(routes.size());
    }
  }

  @Test
  void document_isAValidOpenApi31Document_forSwaggerParser() {
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    SwaggerParseResult parsed =
        new OpenAPIParser()
            .readContents(
                new String(OpsRoutes.openApiDocument(), StandardCharsets.UTF_8), null, options);
    assertThat(parsed.getMessages()).isEmpty();
    assertThat(parsed.getOpenAPI().getSpecVersion()).isEqualTo(SpecVersion.V31);
    assertThat(parsed.getOpenAPI().getPaths()).hasSizeGreaterThanOrEqualTo(25);
    assertThat(parsed.getOpenAPI().getComponents().getSchemas())
        .containsKeys("Job", "JobSummary", "JobProgress", "Dataset", "ResultRow", "ForecastResult")
        .containsKeys("Error", "JobEvent", "JobStatus", "JobType", "Metric", "Frequency");
  }

  @Test
  void everyOperation_hasAUniqueOperationId_andEverySuccessAnswerASchemaAndAValidExample() {
    Set<String> ids = new HashSet<>();
    int examples = 0;
    for (var p = doc.path("paths").fields(); p.hasNext(); ) {
      Map.Entry<String, JsonNode> path = p.next();
      for (var m = path.getValue().fields(); m.hasNext(); ) {
        Map.Entry<String, JsonNode> op = m.next();
        if (!METHODS.contains(op.getKey())) {
          continue;
        }
        String what = op.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey();
        String id = op.getValue().path("operationId").asText("");
        assertThat(id).as("operationId of " + what).matches("[a-z][A-Za-z0-9]+");
        assertThat(ids.add(id)).as("operationId " + id + " is unique").isTrue();
        boolean example = false;
        for (var r = op.getValue().path("responses").fields(); r.hasNext(); ) {
          Map.Entry<String, JsonNode> res = r.next();
          for (var c = res.getValue().path("content").fields(); c.hasNext(); ) {
            Map.Entry<String, JsonNode> media = c.next();
            assertThat(media.getValue().has("schema"))
                .as("schema of " + what + " " + res.getKey() + " " + media.getKey())
                .isTrue();
            JsonNode ex = media.getValue().get("example");
            if (res.getKey().startsWith("2") && ex != null) {
              example = true;
              examples++;
              if (media.getKey().equals("application/json")) {
                OpenApiSchemas.document()
                    .check(
                        op.getKey().toUpperCase(Locale.ROOT),
                        path.getKey(),
                        Integer.parseInt(res.getKey()),
                        media.getKey(),
                        ex.toString());
              }
            }
          }
        }
        boolean noBody =
            op.getValue().path("responses").path("204").isObject()
                && !op.getValue().path("responses").path("200").isObject();
        assertThat(example || noBody).as("an example answer of " + what).isTrue();
      }
    }
    assertThat(ids).hasSizeGreaterThanOrEqualTo(30);
    assertThat(examples).isGreaterThanOrEqualTo(28);
  }

  @Test
  void everyAnswerObject_isClosed_soAnUndocumentedFieldFails() {
    JsonNode schemas = doc.path("components").path("schemas");
    for (var it = schemas.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> s = it.next();
      if (s.getValue().has("properties") && !s.getKey().equals("JsonUpload")) {
        assertThat(s.getValue().path("additionalProperties").asBoolean(true))
            .as("additionalProperties of " + s.getKey())
            .isFalse();
      }
    }
  }

  @Test
  void anAnswerWithAFieldTheDocumentLacks_failsItsCheck_asDoesOneMissingAFieldOrOffTheEnum() {
    try (GridcastServer server = TestServers.start(Role.API, TestDatabases.sqlite(), 1)) {
      Http http = TestServers.client(server);
      Http.Res up = http.post("/api/datasets", "text/csv", TestServers.monthlyCsv(2, 24, 1.0));
      assertThat(up.status()).isEqualTo(201);
      String path = "/api/datasets/" + up.json().path("dataset_id").asText();
      Http.Res res = http.get(path);
      assertThat(res.status()).isEqualTo(200);
      OpenApiSchemas schemas = OpenApiSchemas.document();

      ObjectNode extra = (ObjectNode) res.json().deepCopy();
      ((ObjectNode) extra.path("dataset")).put("colour", "blue");
      assertThatThrownBy(() -> schemas.check("GET", path, 200, res.contentType(), extra.toString()))
          .isInstanceOf(AssertionError.class)
          .hasMessageContaining("colour");

      ObjectNode missing = (ObjectNode) res.json().deepCopy();
      ((ObjectNode) missing.path("dataset")).remove("series_count");
      assertThatThrownBy(
              () -> schemas.check("GET", path, 200, res.contentType(), missing.toString()))
          .isInstanceOf(AssertionError.class)
          .hasMessageContaining("series_count");

      ObjectNode fill = (ObjectNode) res.json().deepCopy();
      ((ObjectNode) fill.path("dataset")).put("fill", "guess");
      assertThatThrownBy(() -> schemas.check("GET", path, 200, res.contentType(), fill.toString()))
          .isInstanceOf(AssertionError.class)
          .hasMessageContaining("fill");

      assertThatThrownBy(() -> schemas.check("GET", path, 418, res.contentType(), res.body()))
          .isInstanceOf(AssertionError.class)
          .hasMessageContaining("-> 418");
    }
  }

  @Test
  void theDocument_needsNoToken_whileTheRoutesItDescribesStillDo() {
    try (GridcastServer server = TestServers.start(Role.API, TestDatabases.sqlite(), 1)) {
      Http anonymous = new Http(server.url());
      Http.Res res = anonymous.get("/api/openapi.json");
      assertThat(res.status()).isEqualTo(200);
      assertThat(res.contentType()).startsWith("application/json");
      assertThat(res.json()).isEqualTo(doc);
      assertThat(anonymous.get("/api/models").status()).isEqualTo(401);
      assertThat(anonymous.get("/api/jobs/status").status()).isEqualTo(401);
      assertThat(anonymous.post("/api/datasets", "text/csv", "unique_id,ds,y\n").status())
          .isEqualTo(401);
    }
  }
}
