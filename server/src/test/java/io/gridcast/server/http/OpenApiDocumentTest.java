package io.gridcast.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.gridcast.server.app.GridcastServer;
import io.gridcast.server.config.Role;
import io.gridcast.server.it.Http;
import io.gridcast.server.it.TestDatabases;
import io.gridcast.server.it.TestServers;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class OpenApiDocumentTest {

  @Test
  void everyRegisteredRoute_isDocumented_andEveryDocumentedRouteExists() {
    try (GridcastServer server = TestServers.start(Role.API, TestDatabases.sqlite(), 1)) {
      Http http = TestServers.client(server);
      Http.Res res = http.get("/api/openapi.json");
      assertThat(res.status()).isEqualTo(200);
      JsonNode doc = res.json();
      assertThat(doc.path("openapi").asText()).startsWith("3.");
      JsonNode paths = doc.path("paths");
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
}
