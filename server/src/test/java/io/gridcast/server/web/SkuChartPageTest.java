package io.gridcast.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.gridcast.server.auth.UserRole;
import io.gridcast.server.it.Http;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The SKU view's chart in a real browser: history, forecast and bands drawn, the best model beside
 * it, zoom and pan, LTTB downsampling, and a y axis as wide as its labels. One server and one
 * browser; each test signs in as a user of its own and seeds its dataset.
 */
class SkuChartPageTest extends ServedPage {
  private Http planner;

  @BeforeEach
  void newUser() {
    planner = Seeds.user(server, UserRole.USER);
  }

  @Test
  void openingASku_drawsHistoryForecastAndBands_withTheBestModelBesideTheChart() {
    String datasetId =
        Seeds.forecasts(planner, "demand.csv", Seeds.monthlyCsv(List.of("SKU-A", "SKU-B")));
    page.signIn(planner, "#/queue");
    page.el("[aria-label='Open SKU-A']").click();
    page.waitText("#sku-title", "SKU-A");
    page.el(".chart-canvas canvas");
    JsonNode result = planner.get("/api/datasets/" + datasetId + "/forecasts/SKU-A").json();
    page.waitText("#best-model", result.path("model").asText());
    // The forecast line and the shaded bands are drawn in red tones; the history in blue.
    Number reddish =
        (Number)
            browser.driver.executeScript(
                "const c = document.querySelector('.chart-canvas canvas');"
                    + "const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;"
                    + "let n = 0; for (let i = 0; i < d.length; i += 4) {"
                    + "  if (d[i + 3] > 0 && d[i] > d[i + 2] + 20) n++; }"
                    + "return n;");
    assertThat(reddish.longValue()).as("red pixels of forecast and bands").isGreaterThan(500);
    assertThat(page.el(".sku-main").getText()).contains("Backtest scores");
    browser.shot("07-sku-chart");

    page.el("[aria-label='Zoom in']").click();
    page.el("[aria-label='Pan left']").click();
    browser.shot("08-sku-chart-zoomed");
  }

  /**
   * Records every text the page draws on a canvas with where its ink starts and ends (canvas
   * pixels), so a test can read the axis labels uPlot draws and see whether they fit.
   */
  private static final String RECORD_CANVAS_TEXT =
      "window.drawnTexts = [];"
          + "const fill = CanvasRenderingContext2D.prototype.fillText;"
          + "CanvasRenderingContext2D.prototype.fillText = function (text, x, y, ...rest) {"
          + "  const m = this.measureText(String(text));"
          + "  window.drawnTexts.push({text: String(text), align: this.textAlign,"
          + "    left: x - m.actualBoundingBoxLeft, right: x + m.actualBoundingBoxRight});"
          + "  return fill.call(this, text, x, y, ...rest);"
          + "};";

  @Test
  @SuppressWarnings("unchecked")
  void aSeriesInTheTensOfThousands_showsItsFullYAxisLabels() {
    String datasetId =
        Seeds.forecasts(planner, "big.csv", Seeds.monthlyCsv(List.of("BIG"), 48, 5, 14_000));
    page.signIn(planner, "");
    browser.driver.executeScript(RECORD_CANVAS_TEXT);
    page.go("#/sku/" + datasetId + "/BIG");
    page.el(".chart-canvas canvas");
    page.el("#best-model");
    browser.wait.until(d ->
        !((List<Object>)
                browser.driver.executeScript(
                    "return window.drawnTexts.filter(t => t.align === 'right')"))
            .isEmpty());
    // The left y axis draws its labels right-aligned against the ticks; the x axis centres dates.
    List<Map<String, Object>> labels =
        (List<Map<String, Object>>)
            browser.driver.executeScript(
                "return window.drawnTexts.filter(t => t.align === 'right');");
    browser.shot("08b-sku-chart-tens-of-thousands");
    assertThat(labels)
        .extracting(l -> (String) l.get("text"))
        .allMatch(t -> t.matches("\\d{1,3}(,\\d{3})*"), "whole numbers with thousands separators")
        .anyMatch(t -> Integer.parseInt(t.replace(",", "")) >= 10_000);
    for (Map<String, Object> l : labels) {
      assertThat(((Number) l.get("left")).doubleValue())
          .as("left edge of the label %s (0 is the canvas's edge)", l.get("text"))
          .isGreaterThanOrEqualTo(0);
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void lttb_keepsTheSpikeOfALongHistory_whenDownsamplingForDrawing() {
    browser.driver.get(server.url() + "/");
    Object kept =
        browser.driver.executeAsyncScript(
            "const done = arguments[0];"
                + "import('/js/parts/chart.js').then((m) => {"
                + "  const n = 100000; const xs = [], ys = [];"
                + "  for (let i = 0; i < n; i++) { xs.push(i); ys.push(Math.sin(i / 50)); }"
                + "  ys[77777] = 40; ys[33333] = -40;"
                + "  const idx = m.lttb(xs, ys, 0, n, 1000);"
                + "  done([idx.length, idx.includes(77777), idx.includes(33333), idx[0], idx[idx.length - 1]]);"
                + "});");
    assertThat((List<Object>) kept).containsExactly(1000L, true, true, 0L, 99999L);
  }
}
