package io.gridcast.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.gridcast.server.app.GridcastServer;
import io.gridcast.server.auth.UserRole;
import io.gridcast.server.config.Role;
import io.gridcast.server.it.Http;
import io.gridcast.server.it.SseReader;
import io.gridcast.server.it.TestDatabases;
import io.gridcast.server.it.TestServers;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * A planner's workflow in a real browser (Debian's headless Chromium) against a real server with
 * one worker: sign in, upload a CSV through the page, watch the queue reach 100%, open a SKU chart,
 * sort the results, download the CSV, cancel a job and a batch. One server and one browser serve
 * the whole class; the steps run in order and build on each other. Screenshots of each step go to
 * {@code target/web-screenshots}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WebPageTest {
  static final String MARKUP_SKU = "<img src=x onerror=alert(1)>";
  static final List<String> SKUS = List.of("SKU-A", "SKU-B", MARKUP_SKU);
  static final int HORIZON = 6;

  private GridcastServer server;
  private Browser browser;
  private Http api;
  private Path csv;
  private String datasetId;

  @BeforeAll
  void start() throws IOException {
    server = TestServers.start(Role.SERVE, TestDatabases.sqlite(), 1);
    String token = TestServers.addUser(server, "planner", UserRole.USER);
    api = new Http(server.url(), token);
    csv = Files.createTempFile("demand", ".csv");
    Files.writeString(csv, noisyMonthlyCsv(SKUS, 48, 7));
    browser = Browser.start();
  }

  @AfterAll
  void stop() {
    if (browser != null) {
      browser.close();
    }
    server.close();
  }

  /** Monthly series with trend, season and seeded noise, so the intervals have width. */
  static String noisyMonthlyCsv(List<String> skus, int months, long seed) {
    Random rnd = new Random(seed);
    StringBuilder sb = new StringBuilder("unique_id,ds,y\n");
    for (int s = 0; s < skus.size(); s++) {
      for (int m = 0; m < months; m++) {
        double y = 200 + 15 * s + 30 * Math.sin(2 * Math.PI * m / 12) + m + 12 * rnd.nextGaussian();
        sb.append('"')
            .append(skus.get(s).replace("\"", "\"\""))
            .append("\",")
            .append(String.format(Locale.ROOT, "%d-%02d-01,%.3f\n", 2020 + m / 12, m % 12 + 1, y));
      }
    }
    return sb.toString();
  }

  private WebElement el(String css) {
    return browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
  }

  private void waitText(String css, String text) {
    browser.wait.until(ExpectedConditions.textToBe(By.cssSelector(css), text));
  }

  private void go(String hash) {
    browser.driver.executeScript("location.hash = arguments[0]", hash);
  }

  private void signIn() {
    browser.driver.get(server.url() + "/");
    WebElement token = el("#token");
    token.clear();
    token.sendKeys(api.token());
    el("#signin-submit").click();
    el("#queue-toggle");
  }

  @Test
  @Order(1)
  void signIn_refusesABadToken_thenOpensTheForecastPage_withTheTokenOfAUser() {
    browser.driver.get(server.url() + "/");
    el("#token").sendKeys("gc_not-a-token");
    el("#signin-submit").click();
    assertThat(el("[role=alert]").getText()).contains("not valid");
    browser.shot("01-sign-in-refused");

    signIn();
    assertThat(el("main h1").getText()).isEqualTo("Forecast");
    // The page may show Offline for a moment before its store starts the stream: wait for Live.
    browser.wait.until(ExpectedConditions.textToBe(By.id("connection"), "Live"));
    browser.shot("02-forecast-page");
  }

  @Test
  @Order(2)
  void uploadingACsv_showsItsJobsAtOnce_andTheQueueReaches100Percent() {
    el("#csv-file").sendKeys(csv.toString());
    // Select-all, not clear(): clear() fires no input event, so a re-render would restore "12".
    el("input[name=horizon]")
        .sendKeys(
            org.openqa.selenium.Keys.chord(org.openqa.selenium.Keys.CONTROL, "a"), "" + HORIZON);
    el("#upload-submit").click();

    // The jobs are listed from the upload's answer, before any of them has run.
    assertThat(el("#upload-answer").getText()).contains("3 series").contains("3 jobs created");
    browser.wait.until(d -> d.findElements(By.cssSelector(".batch .job")).size() == SKUS.size());
    browser.shot("03-uploaded-jobs-listed");

    waitText("#batch-pct", "100%");
    browser.shot("04-queue-at-100-percent");
    JsonNode summary = api.get("/api/jobs/status").json().path("summary");
    assertThat(summary.path("completed").asInt()).isEqualTo(SKUS.size());
    datasetId = api.get("/api/datasets").json().path("datasets").get(0).path("id").asText();

    // Every panel reads the one store: the header and the popup show the same numbers.
    browser.wait.until(
        ExpectedConditions.textMatches(
            By.id("queue-toggle"), java.util.regex.Pattern.compile(".*100%$")));
    el("#queue-toggle").click();
    waitText("#popup-pct", "100%");
    assertThat(el("#queue-popup dd[data-status=completed]").getText())
        .isEqualTo(el(".batch dd[data-status=completed]").getText())
        .isEqualTo(String.valueOf(SKUS.size()));
    browser.shot("05-queue-popup");
    el("#queue-toggle").click();
  }

  @Test
  @Order(3)
  void aSkuNamedLikeMarkup_showsAsText_andNeverRuns() {
    List<String> names =
        browser.driver.findElements(By.cssSelector(".batch .job-sku")).stream()
            .map(WebElement::getText)
            .toList();
    assertThat(names).contains(MARKUP_SKU);
    assertThat(browser.driver.findElements(By.cssSelector("#app img"))).isEmpty();
    assertThatThrownBy(() -> browser.driver.switchTo().alert())
        .isInstanceOf(NoAlertPresentException.class);

    el("[aria-label='Open " + MARKUP_SKU + "']").click();
    waitText("#sku-title", MARKUP_SKU);
    el(".chart-canvas canvas");
    assertThat(browser.driver.findElements(By.cssSelector("#app img"))).isEmpty();
    assertThatThrownBy(() -> browser.driver.switchTo().alert())
        .isInstanceOf(NoAlertPresentException.class);
    browser.shot("06-markup-sku-as-text");
  }

  @Test
  @Order(4)
  void openingASku_drawsHistoryForecastAndBands_withTheBestModelBesideTheChart() {
    go("#/forecast");
    el("[aria-label='Open SKU-A']").click();
    waitText("#sku-title", "SKU-A");
    el(".chart-canvas canvas");
    JsonNode result = api.get("/api/datasets/" + datasetId + "/forecasts/SKU-A").json();
    waitText("#best-model", result.path("model").asText());
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
    assertThat(el(".sku-main").getText()).contains("Backtest scores");
    browser.shot("07-sku-chart");

    el("[aria-label='Zoom in']").click();
    el("[aria-label='Pan left']").click();
    browser.shot("08-sku-chart-zoomed");
  }

  @Test
  @Order(5)
  void theResultsTable_sortsByError_andDownloadsEveryForecastAsCsv() throws Exception {
    go("#/results/" + datasetId);
    el("#results-table");
    el("button[data-sort=score]").click();
    browser.wait.until(
        ExpectedConditions.attributeToBe(
            By.xpath("//th[button[@data-sort='score']]"), "aria-sort", "ascending"));
    List<String> expected = new ArrayList<>();
    api.get("/api/datasets/" + datasetId + "/results?sort=score&order=asc")
        .json()
        .path("results")
        .forEach(r -> expected.add(r.path("sku").asText()));
    browser.wait.until(d -> skuColumn().equals(expected));
    el("button[data-sort=score]").click();
    browser.wait.until(d -> skuColumn().equals(expected.reversed()));
    browser.shot("09-results-sorted");

    el("#download-csv").click();
    Path file = browser.downloads.resolve("forecasts-" + datasetId + ".csv");
    browser.wait.until(d -> Files.exists(file) && !Files.exists(Path.of(file + ".crdownload")));
    String downloaded = Files.readString(file, StandardCharsets.UTF_8);
    assertThat(downloaded).startsWith("unique_id,ds,model,y_hat,lo_80,hi_80,lo_95,hi_95\n");
    assertThat(downloaded.lines()).hasSize(1 + SKUS.size() * HORIZON);
    assertThat(downloaded)
        .isEqualTo(api.get("/api/datasets/" + datasetId + "/forecasts?format=csv").body());
  }

  /**
   * The table's SKU column, read in one script call: element by element, a re-render between
   * finding the cells and reading them made them stale.
   */
  @SuppressWarnings("unchecked")
  private List<String> skuColumn() {
    return (List<String>)
        browser.driver.executeScript(
            "return Array.from(document.querySelectorAll("
                + "'#results-table tbody td:first-child'), td => td.innerText.trim());");
  }

  @Test
  @Order(6)
  void cancellingAJobAndThenItsBatch_fromThePage_endsThemCancelled() throws IOException {
    int skus = 600;
    List<String> names = new ArrayList<>();
    for (int i = 0; i < skus; i++) {
      names.add(String.format(Locale.ROOT, "BULK-%03d", i));
    }
    Path bulk = Files.createTempFile("bulk", ".csv");
    Files.writeString(bulk, noisyMonthlyCsv(names, 120, 11));
    go("#/forecast");
    el("#csv-file").sendKeys(bulk.toString());
    el("#upload-submit").click();
    browser.wait.until(
        ExpectedConditions.textMatches(
            By.id("upload-answer"), java.util.regex.Pattern.compile(".*600 jobs created.*")));

    // The virtual list renders only the rows in view, not one per job.
    int rows = browser.driver.findElements(By.cssSelector(".batch .vrow")).size();
    assertThat(rows).isBetween(1, 40);
    assertThat(el(".batch .actions").getText()).contains("600 shown");

    // The newest job runs last (the queue claims oldest first): cancel it while it waits.
    el("[aria-label='Cancel BULK-599']").click();
    browser.wait.until(d ->
        d.findElement(By.cssSelector(".batch .job-sku[title='BULK-599']"))
            .findElement(By.xpath(".."))
            .getAttribute("class")
            .contains("s-cancelled"));
    browser.shot("10-job-cancelled");

    el(".batch button.danger").click(); // Cancel batch
    el(".batch [role=status]");
    waitText("#batch-pct", "100%");
    JsonNode summary = api.get("/api/jobs/status?status=pending,running").json();
    assertThat(summary.path("jobs")).isEmpty();
    String batch =
        api.get("/api/jobs/status?limit=1").json().path("jobs").get(0).path("batch_id").asText();
    int cancelledByApi = 0;
    for (String cursor = ""; cursor != null; ) {
      JsonNode page =
          api.get("/api/jobs/status?status=cancelled&limit=1000&batch=" + batch + cursor).json();
      cancelledByApi += page.path("jobs").size();
      cursor =
          page.path("next_cursor").isNull() ? null : "&cursor=" + page.path("next_cursor").asText();
    }
    assertThat(cancelledByApi).isGreaterThan(1);
    waitText(".batch dd[data-status=cancelled]", String.valueOf(cancelledByApi));
    browser.shot("11-batch-cancelled");

    el(".batch .actions button:not(.danger)").click(); // Clear finished of batch
    browser.wait.until(d -> d.findElements(By.cssSelector(".batch .job")).isEmpty());
    browser.shot("12-batch-cleared");
  }

  @Test
  @Order(7)
  void thePageOpensOneEventStream_howeverManyPanelsShowJobs() {
    browser.requests(); // forget what came before
    browser.driver.navigate().refresh();
    el("#queue-toggle");
    browser.wait.until(ExpectedConditions.textToBe(By.id("connection"), "Live"));
    for (String view : List.of("queue", "sku", "results", "reports", "performance", "forecast")) {
      el("nav a[href='#/" + view + "']").click();
      el("main h1");
    }
    el("#queue-toggle").click();
    el("#queue-popup");
    go("#/queue"); // the queue view and the popup at once
    el("#queue-view-pct");
    assertThat(Browser.count(browser.requests(), "/api/events")).isEqualTo(1);
    assertThat(browser.consoleErrors())
        .allMatch(
            m -> m.contains("Failed to load resource"), "only refused requests, no script errors");
  }

  @Test
  @Order(8)
  void withoutStreaming_thePagePollsTheStatus_andShowsTheSameCounts() {
    browser.requests();
    browser.driver.get(server.url() + "/?transport=poll#/queue");
    browser.wait.until(ExpectedConditions.textToBe(By.id("connection"), "Polling"));
    JsonNode summary = api.get("/api/jobs/status").json().path("summary");
    waitText("main dd[data-status=completed]", summary.path("completed").asText());
    assertThat(el("main dd[data-status=cancelled]").getText())
        .isEqualTo(summary.path("cancelled").asText());
    List<String> sent = browser.requests();
    assertThat(Browser.count(sent, "/api/events")).isZero();
    assertThat(Browser.count(sent, "/api/jobs/status")).isPositive();
    browser.shot("13-polling");
  }

  @Test
  @Order(9)
  @SuppressWarnings("unchecked")
  void lttb_keepsTheSpikeOfALongHistory_whenDownsamplingForDrawing() {
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

  @Test
  @Order(10)
  void onAPhoneSizedScreen_everyViewFitsTheWidth() {
    browser.driver.get(server.url() + "/#/forecast");
    el("#queue-toggle");
    browser.driver.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
    try {
      for (String view :
          List.of("forecast", "queue", "sku", "results/" + datasetId, "reports", "performance")) {
        go("#/" + view);
        el("main h1");
        browser.wait.until(d ->
            ((Number)
                        browser.driver.executeScript(
                            "return document.documentElement.scrollWidth"
                                + " - document.documentElement.clientWidth"))
                    .intValue()
                <= 0);
        browser.shot("14-phone-" + view.replace('/', '-').replace(datasetId, "dataset"));
      }
    } finally {
      browser.driver.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 900));
    }
  }

  @Test
  @Order(11)
  void aValidationJob_startedFromThePage_showsItsReportWhenDone() {
    go("#/reports");
    new org.openqa.selenium.support.ui.Select(el("select[name=job-type]"))
        .selectByValue("validation");
    browser.wait.until(d ->
        !d.findElements(
                By.cssSelector("select[name=report-dataset] option[value='" + datasetId + "']"))
            .isEmpty());
    new org.openqa.selenium.support.ui.Select(el("select[name=report-dataset]"))
        .selectByValue(datasetId);
    el("input[name=report-horizon]")
        .sendKeys(
            org.openqa.selenium.Keys.chord(org.openqa.selenium.Keys.CONTROL, "a"), "" + HORIZON);
    el("input[name=report-models]").sendKeys("naive,snaive");
    el(".reports form button[type=submit]").click();
    browser.wait.until(
        d -> d.findElements(By.cssSelector("#report-aggregate tbody tr")).size() == 2);
    assertThat(el("#report-aggregate").getText()).contains("naive").contains("snaive");
    assertThat(el(".report").getText()).contains("Status: completed").contains(MARKUP_SKU);
    assertThat(browser.driver.findElements(By.cssSelector("#app img"))).isEmpty();
    browser.shot("15-validation-report");
  }

  @Test
  @Order(12)
  void whenTheServerRefusesTheStream_thePagePolls_andGoesLiveOnceAStreamIsFree() {
    browser.driver.get("about:blank");
    List<SseReader> held = new ArrayList<>();
    try {
      // Take every event-stream slot of the user (the server allows a few per user, then 429).
      while (true) {
        SseReader r = new SseReader(api, "/api/events", null);
        held.add(r);
        await().atMost(Duration.ofSeconds(10)).until(() -> r.status() != 0);
        if (r.status() == 429) {
          break;
        }
        assertThat(held).as("streams before a refusal").hasSizeLessThan(20);
      }
      browser.driver.get(server.url() + "/#/queue");
      browser.wait.until(ExpectedConditions.textToBe(By.id("connection"), "Polling"));
      JsonNode summary = api.get("/api/jobs/status").json().path("summary");
      waitText("main dd[data-status=completed]", summary.path("completed").asText());
      browser.shot("16-stream-refused-polling");
    } finally {
      held.forEach(SseReader::close);
    }
    // A job event makes the server write to the closed streams, notice and free their slots; the
    // page's next reconnection attempt (exponential backoff) then gets a stream.
    api.post("/api/datasets?optimize=true&horizon=3", "text/csv", TestServers.monthlyCsv(1, 24, 1));
    browser.wait.until(ExpectedConditions.textToBe(By.id("connection"), "Live"));
    browser.shot("17-stream-reconnected");
  }

  @Test
  @Order(13)
  void theQueuePopup_opensAndClosesFromTheKeyboard_andGivesTheFocusBack() {
    go("#/results/" + datasetId);
    el("#results-table");
    WebElement toggle = el("#queue-toggle");
    toggle.sendKeys(org.openqa.selenium.Keys.ENTER);
    el("#queue-popup");
    assertThat(browser.driver.switchTo().activeElement().getAttribute("id"))
        .isEqualTo("queue-popup-title");
    assertThat(toggle.getAttribute("aria-expanded")).isEqualTo("true");
    browser.driver.switchTo().activeElement().sendKeys(org.openqa.selenium.Keys.ESCAPE);
    browser.wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("queue-popup")));
    assertThat(browser.driver.switchTo().activeElement().getAttribute("id"))
        .isEqualTo("queue-toggle");
    assertThat(toggle.getAttribute("aria-expanded")).isEqualTo("false");
  }
}
