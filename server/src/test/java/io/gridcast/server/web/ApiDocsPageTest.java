package io.gridcast.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridcast.server.it.OpenApiSchemas;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The API reference in a real browser, signed out: Swagger UI renders every operation of the
 * document, and every file it loads comes from this server.
 */
class ApiDocsPageTest extends ServedPage {

  @Test
  void reference_rendersEveryOperation_withoutAToken_fromThisServerOnly() {
    int operations = 0;
    for (var p = OpenApiSchemas.document().json().path("paths").elements(); p.hasNext(); ) {
      operations += p.next().size();
    }
    int expected = operations;
    browser.requests();
    browser.driver.get(server.url() + "/api/docs");
    browser.wait.until(d -> d.findElements(By.cssSelector(".opblock")).size() == expected);
    assertThat(browser.driver.findElement(By.cssSelector(".info .title")).getText())
        .contains("Gridcast API");
    assertThat(browser.driver.findElements(By.cssSelector(".opblock-summary-path")))
        .extracting(e -> e.getAttribute("data-path"))
        .contains("/api/jobs/{id}", "/api/datasets/{id}/forecasts/{sku}");
    browser.shot("api-docs");
    List<String> sent = new ArrayList<>(browser.requests());
    assertThat(sent)
        .contains(server.url() + "/api/openapi.json")
        .allMatch(u -> u.startsWith(server.url() + "/") || u.startsWith("data:"));
    assertThat(browser.consoleErrors()).isEmpty();
  }
}
