package io.gridcast.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.gridcast.server.auth.UserRole;
import io.gridcast.server.it.Http;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;

/**
 * Whatever users name things, the page shows it as it is and stays usable: markup stays text, the
 * SKUs {@code .} and {@code ..} open like any other, a right-to-left override inside a name does
 * not reorder the text around it, and an address the page cannot decode shows an error. One server
 * and one browser; each test signs in as a user of its own and seeds its dataset.
 */
class NamesPageTest extends ServedPage {
  static final String MARKUP = "<img src=x onerror=alert(1)>";
  static final String OVERRIDE = "SKU\u202Egnp.exe";

  private Http planner;

  @BeforeEach
  void newUser() {
    planner = Seeds.user(server, UserRole.USER);
  }

  private void noScriptRan() {
    assertThat(page.all("#app img")).isEmpty();
    assertThatThrownBy(() -> browser.driver.switchTo().alert())
        .isInstanceOf(NoAlertPresentException.class);
  }

  @Test
  void aSkuNamedLikeMarkup_showsAsText_andNeverRuns() {
    Seeds.forecasts(planner, "markup.csv", Seeds.monthlyCsv(List.of("SKU-A", MARKUP)));
    page.signIn(planner, "#/queue");
    browser.wait.until(d -> page.texts("main .job-sku").contains(MARKUP));
    noScriptRan();

    page.el("[aria-label='Open " + MARKUP + "']").click();
    page.waitText("#sku-title", MARKUP);
    page.el(".chart-canvas canvas");
    noScriptRan();
    browser.shot("06-markup-sku-as-text");
  }

  @Test
  void theSkusDotAndDotDot_openFromTheResults_withTheirHistoryAndForecast() {
    String datasetId = Seeds.forecasts(planner, "dots.csv", Seeds.monthlyCsv(List.of(".", "..")));
    page.signIn(planner, "#/results/" + datasetId);
    for (String sku : List.of(".", "..")) {
      page.go("#/results/" + datasetId);
      browser.wait.until(d -> page.texts("#results-table .sku-link").equals(List.of(".", "..")));
      page.all("#results-table .sku-link").get(sku.length() - 1).click();
      page.waitText("#sku-title", sku);
      JsonNode result = planner.get("/api/datasets/" + datasetId + "/forecasts?sku=" + sku).json();
      page.waitText("#best-model", result.path("forecasts").get(0).path("model").asText());
      assertThat(page.el(".sku-main").getText())
          .contains("48 periods, frequency MS, seasonal periods 12");
      page.el(".chart-canvas canvas");
    }
    assertThat(browser.consoleErrors())
        .allMatch(m -> m.contains("Failed to load resource"), "no script errors");
  }

  @Test
  void theSkuQueryRoutes_answerAnyName_refuseAMissingOne_andStayOwnerScoped() {
    String datasetId =
        Seeds.dataset(planner, "dots.csv", Seeds.monthlyCsv(List.of("..", "a&b=c/d")));
    for (String sku : List.of("..", "a&b=c/d")) {
      Http.Res series =
          planner.get("/api/datasets/" + datasetId + "/series?sku=" + Seeds.encode(sku));
      assertThat(series.status()).as(series.body()).isEqualTo(200);
      assertThat(series.json().path("sku").asText()).isEqualTo(sku);
      assertThat(series.json().path("y")).hasSize(48);
    }
    Http.Res none = planner.get("/api/datasets/" + datasetId + "/forecasts?sku=..");
    assertThat(none.json().path("forecasts")).as("no job has run").isEmpty();
    Http.Res missing = planner.get("/api/datasets/" + datasetId + "/series");
    assertThat(missing.status()).isEqualTo(400);
    assertThat(missing.json().path("error").path("details").path("field").asText())
        .isEqualTo("sku");
    Http other = Seeds.user(server, UserRole.USER);
    assertThat(other.get("/api/datasets/" + datasetId + "/series?sku=..").status()).isEqualTo(404);
    assertThat(other.get("/api/datasets/" + datasetId + "/forecasts?sku=..").status())
        .isEqualTo(404);
  }

  /**
   * Where the text after the name {@code el} in its line is drawn: {@code [name's right edge, left
   * edge of the text after it, whether the text after it runs left to right]}.
   */
  private static final String LAYOUT_AFTER_NAME =
      "const name = arguments[0]; const after = arguments[1];"
          + "const text = after.firstChild; const r = document.createRange();"
          + "const at = (i) => { r.setStart(text, i); r.setEnd(text, i + 1);"
          + "  return r.getBoundingClientRect().left; };"
          + "const n = text.length; let inOrder = true;"
          + "for (let i = 0; i + 1 < n; i++) if (text.data[i] !== ' ' && text.data[i + 1] !== ' '"
          + "  && at(i + 1) < at(i)) inOrder = false;"
          + "return [name.getBoundingClientRect().right, after.getBoundingClientRect().left,"
          + "  inOrder];";

  @Test
  @SuppressWarnings("unchecked")
  void aRightToLeftOverrideInAName_reordersNothingAroundTheName() throws SQLException {
    String name = "demand\u202Evsc.exe";
    String datasetId =
        Seeds.forecasts(planner, "demand-plain", Seeds.monthlyCsv(List.of("SKU-A", "SKU-B")));
    // The API refuses bidirectional controls in names; the page isolates names all the same, so
    // the names are written straight into the database.
    renamed(datasetId, name, "SKU-A", OVERRIDE);
    page.signIn(planner, "");
    // The datasets list: "<name> version 1 · 2 series · <date>".
    var item = page.el(".datasets li");
    List<Object> layout =
        (List<Object>)
            browser.driver.executeScript(
                LAYOUT_AFTER_NAME,
                item.findElement(By.cssSelector("bdi")),
                item.findElement(By.cssSelector(".muted")));
    browser.shot("18-bidi-dataset-name");
    assertThat(((Number) layout.get(1)).doubleValue())
        .as("the text after the name starts right of it")
        .isGreaterThanOrEqualTo(((Number) layout.get(0)).doubleValue() - 0.5);
    assertThat(layout.get(2)).as("the text after the name reads left to right").isEqualTo(true);

    // Names in plain-text places (the dataset picker's options) are wrapped in FSI ... PDI.
    page.go("#/results/" + datasetId);
    browser.wait.until(
        d -> !page.all("select[name=dataset] option[value='" + datasetId + "']").isEmpty());
    String option =
        page.all("select[name=dataset] option[value='" + datasetId + "']")
            .get(0)
            .getAttribute("text");
    assertThat(option).startsWith("\u2068" + name + "\u2069 v1 · 2 series");
    // Every SKU in the results table is in an isolate.
    browser.wait.until(d -> page.all("#results-table .sku-link bdi").size() == 2);
    assertThat(page.texts("#results-table .sku-link bdi")).contains(OVERRIDE);
  }

  /**
   * Gives dataset {@code id} the name {@code name} and its SKU {@code from} the name {@code to}.
   */
  private void renamed(String id, String name, String from, String to) throws SQLException {
    try (Connection c = server.database().dataSource().getConnection()) {
      update(c, "UPDATE dataset SET name = ? WHERE id = ?", name, id);
      for (String table : List.of("dataset_series", "forecast_result")) {
        update(
            c, "UPDATE " + table + " SET sku = ? WHERE dataset_id = ? AND sku = ?", to, id, from);
      }
    }
  }

  private static void update(Connection c, String sql, String... values) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < values.length; i++) {
        ps.setString(i + 1, values[i]);
      }
      assertThat(ps.executeUpdate()).as(sql).isEqualTo(1);
    }
  }

  @Test
  void aMalformedAddress_showsAnError_andThePageStaysUsable() {
    page.signIn(planner, "");
    page.go("#/sku/%E0%A4%A/x");
    assertThat(page.el("#route-error").getText())
        .contains("could not be read (URI malformed)")
        .contains("showing SKU without it");
    assertThat(page.el("main h1").getText()).startsWith("SKU");
    browser.shot("19-malformed-address");

    page.el("nav a[href='#/queue']").click();
    page.waitText("main h1", "Queue");
    assertThat(page.all("#route-error")).isEmpty();
    page.go("#/results/100%");
    page.el("#route-error");
    page.waitText("main h1", "Results");
    assertThat(browser.consoleErrors())
        .allMatch(m -> m.contains("Failed to load resource"), "no uncaught script error");
  }
}
