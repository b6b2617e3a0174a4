package io.gridcast.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridcast.server.auth.UserRole;
import io.gridcast.server.it.Http;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/**
 * Timestamped data through the page in a real browser: the upload form's frequency and gap choices,
 * an hourly upload whose stamps ({@code 2024-01-01 00:00:00}) come back on the chart's time axis
 * (date and time) and in the forecast table, and a refused gap named in the page. One server and
 * one browser; each test signs in as a user of its own.
 */
class TimeAxisPageTest extends ServedPage {
  private Http planner;

  @BeforeEach
  void newUser() {
    planner = Seeds.user(server, UserRole.USER);
  }

  /** Hourly rows from 2024-01-01 00:00:00, {@code skipped} hour left out. */
  private static Path hourlyCsv(int hours, int skipped) throws IOException {
    StringBuilder b = new StringBuilder("unique_id,ds,y\n");
    for (int t = 0; t < hours; t++) {
      if (t == skipped) {
        continue;
      }
      b.append(
          String.format(
              Locale.ROOT,
              "METER-1,2024-01-%02d %02d:00:00,%.2f%n",
              1 + t / 24,
              t % 24,
              40 + 12 * Math.sin(2 * Math.PI * t / 24) + t % 3));
    }
    Path file = Files.createTempFile("hourly", ".csv");
    return Files.writeString(file, b);
  }

  /** Records the texts drawn on canvases (uPlot's axis labels) in {@code window.drawnTexts}. */
  private static final String RECORD_CANVAS_TEXT =
      "window.drawnTexts = [];"
          + "const fill = CanvasRenderingContext2D.prototype.fillText;"
          + "CanvasRenderingContext2D.prototype.fillText = function (text, x, y, ...rest) {"
          + "  window.drawnTexts.push(String(text));"
          + "  return fill.call(this, text, x, y, ...rest);"
          + "};";

  @Test
  void theUploadForm_offersInferenceAndEveryFrequency_andRefusingGapsFirst() {
    page.signInLive(planner, "");
    List<String> frequencies =
        new Select(page.el("select[name=frequency]"))
            .getOptions().stream().map(o -> o.getAttribute("value")).toList();
    assertThat(frequencies)
        .startsWith("")
        .contains("15min", "h", "D", "B", "W-MON", "W-SUN", "MS", "ME", "QS", "QE", "YS", "YE")
        .contains("index");
    Select fill = new Select(page.el("select[name=fill]"));
    assertThat(fill.getFirstSelectedOption().getAttribute("value")).isEqualTo("none");
    assertThat(fill.getOptions())
        .extracting(o -> o.getAttribute("value"))
        .containsExactly("none", "zero", "previous", "linear");
  }

  @Test
  @SuppressWarnings("unchecked")
  void hourlyTimestamps_uploadedThroughThePage_appearOnTheChartsTimeAxis_andInTheForecast()
      throws IOException {
    Path csv = hourlyCsv(96, 50);
    page.signInLive(planner, "");
    page.el("#csv-file").sendKeys(csv.toString());
    page.type("input[name=horizon]", "6");
    new Select(page.el("select[name=fill]")).selectByValue("linear");
    page.el("#upload-submit").click();
    assertThat(page.el("#upload-answer").getText())
        .contains("1 series")
        .contains("frequency h")
        .contains("1 missing values filled (linear)");
    page.waitText("#batch-pct", "100%");
    String datasetId =
        planner.get("/api/datasets?limit=1").json().path("datasets").get(0).path("id").asText();

    browser.driver.executeScript(RECORD_CANVAS_TEXT);
    page.go("#/sku/" + datasetId + "/METER-1");
    page.el(".chart-canvas canvas");
    page.waitText("#result-frequency", "Frequency: h");
    assertThat(page.el("#history-shape").getText())
        .contains("frequency h")
        .contains("1 missing values filled");
    browser.wait.until(d ->
        ((List<Object>) browser.driver.executeScript("return window.drawnTexts"))
            .stream().anyMatch(t -> String.valueOf(t).matches("\\d{2}:\\d{2}")));
    List<String> drawn = (List<String>) browser.driver.executeScript("return window.drawnTexts");
    assertThat(drawn)
        .as("the time axis: dates and times of day on it")
        .anyMatch(t -> t.matches("2024-01-0\\d"));
    assertThat(drawn).anyMatch(t -> t.matches("\\d{2}:00"));
    browser.shot("20-hourly-chart-time-axis");

    List<String> forecastDs = page.texts("#forecast-table td.ds");
    assertThat(forecastDs)
        .containsExactly(
            "2024-01-05 00:00:00",
            "2024-01-05 01:00:00",
            "2024-01-05 02:00:00",
            "2024-01-05 03:00:00",
            "2024-01-05 04:00:00",
            "2024-01-05 05:00:00");
    assertThat(page.texts("#forecast-table thead th"))
        .containsExactly("ds", "y_hat", "lo_80", "hi_80", "lo_95", "hi_95");
  }

  @Test
  void aGapRefused_isNamedOnThePage_andNothingIsStored() throws IOException {
    Path csv = hourlyCsv(30, 7);
    page.signInLive(planner, "");
    page.el("#csv-file").sendKeys(csv.toString());
    page.el("#upload-submit").click();
    String alert = page.el(".upload [role=alert]").getText();
    assertThat(alert)
        .contains("series 'METER-1' misses 1 value (2024-01-01 07:00:00)")
        .contains("line 9, column ds");
    browser.shot("21-gap-refused");
    assertThat(planner.get("/api/datasets").json().path("datasets")).isEmpty();
    assertThat(browser.driver.findElements(By.id("upload-answer"))).isEmpty();
  }
}
