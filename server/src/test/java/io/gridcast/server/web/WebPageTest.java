package io.gridcast.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.gridcast.server.auth.UserRole;
import io.gridcast.server.it.Http;
import io.gridcast.server.it.SseReader;
import io.gridcast.server.it.TestServers;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * A planner's work in a real browser (Debian's headless Chromium) against a real server with one
 * worker: sign in, upload a CSV through the page, watch the queue reach 100%, sort the results,
 * download the CSV, cancel a job and a batch, the one event stream and its polling fallback. One
 * server and one browser serve the class; each test signs in as a user of its own and seeds what it
 * needs through the API. Screenshots go to {@code target/web-screenshots}.
 */
class WebPageTest extends ServedPage {
  static final List<String> SKUS = List.of("SKU-A", "SKU-B", "SKU-C");

  private Http planner;

  @BeforeEach
  void newUser() {
    planner = Seeds.user(server, UserRole.USER);
  }

  private String seedForecasts() {
    return Seeds.forecasts(planner, "demand.csv", Seeds.monthlyCsv(SKUS));
  }

  @Test
  void signIn_refusesABadToken_thenOpensTheForecastPage_withTheTokenOfAUser() {
    page.signedOut("");
    page.el("#token").sendKeys("gc_not-a-token");
    page.el("#signin-submit").click();
    assertThat(page.el("[role=alert]").getText()).contains("not valid");
    browser.shot("01-sign-in-refused");

    WebElement token = page.el("#token");
    token.clear();
    token.sendKeys(planner.token());
    page.el("#signin-submit").click();
    page.waitText("main h1", "Forecast");
    // The page may show Offline for a moment before its store starts the stream: wait for Live.
    page.waitText("#connection", "Live");
    browser.shot("02-forecast-page");
  }

  @Test
  void aNameUploadedTwice_isListedOnceForEachVersion() {
    Seeds.dataset(planner, "weekly-sales", Seeds.monthlyCsv(SKUS));
    Seeds.dataset(planner, "weekly-sales", Seeds.monthlyCsv(SKUS));
    page.signIn(planner, "");
    browser.wait.until(d ->
        page.texts("ul.datasets li").stream()
            .filter(t -> t.contains("weekly-sales"))
            .map(t -> t.replaceAll("(?s).*(version \\d+).*", "$1"))
            .sorted()
            .toList()
            .equals(List.of("version 1", "version 2")));
  }

  @Test
  void uploadingACsv_showsItsJobsAtOnce_andTheQueueReaches100Percent() throws IOException {
    Path csv = Files.createTempFile("demand", ".csv");
    Files.writeString(csv, Seeds.monthlyCsv(SKUS, 48, 3, 200));
    page.signInLive(planner, "");
    page.el("#csv-file").sendKeys(csv.toString());
    page.type("input[name=horizon]", "" + Seeds.HORIZON);
    page.el("#upload-submit").click();

    // The jobs are listed from the upload's answer, before any of them has run.
    assertThat(page.el("#upload-answer").getText()).contains("3 series").contains("3 jobs created");
    browser.wait.until(d -> d.findElements(By.cssSelector(".batch .job")).size() == SKUS.size());
    browser.shot("03-uploaded-jobs-listed");

    page.waitText("#batch-pct", "100%");
    browser.shot("04-queue-at-100-percent");
    JsonNode summary = planner.get("/api/jobs/status").json().path("summary");
    assertThat(summary.path("completed").asInt()).isEqualTo(SKUS.size());

    // Every panel reads the one store: the header and the popup show the same numbers.
    browser.wait.until(
        ExpectedConditions.textMatches(By.id("queue-toggle"), Pattern.compile(".*100%$")));
    page.el("#queue-toggle").click();
    page.waitText("#popup-pct", "100%");
    assertThat(page.el("#queue-popup dd[data-status=completed]").getText())
        .isEqualTo(page.el(".batch dd[data-status=completed]").getText())
        .isEqualTo(String.valueOf(SKUS.size()));
    browser.shot("05-queue-popup");
    page.el("#queue-toggle").click();
  }

  @Test
  void thePresetChosenOnThePage_goesWithTheUpload_andChosenModelsReplaceIt() throws IOException {
    Path csv = Files.createTempFile("demand", ".csv");
    Files.writeString(csv, Seeds.monthlyCsv(List.of("SKU-P"), 48, 5, 200));
    page.signInLive(planner, "");
    browser.wait.until(d ->
        !d.findElements(By.cssSelector("select[name=preset] option[value=accurate]")).isEmpty());
    page.el("#csv-file").sendKeys(csv.toString());
    page.type("input[name=horizon]", "3");
    new Select(page.el("select[name=preset]")).selectByValue("accurate");
    page.el("#upload-submit").click();
    assertThat(page.el("#upload-answer").getText()).contains("1 jobs created");
    String id = planner.get("/api/jobs/status").json().path("jobs").get(0).path("id").asText();
    assertThat(planner.get("/api/jobs/" + id).json().path("payload").path("preset").asText())
        .isEqualTo("accurate");

    page.el("details.models summary").click();
    page.el("input[type=checkbox][value=naive]").click();
    assertThat(page.el("select[name=preset]").isEnabled()).isFalse();
  }

  @Test
  void theResultsTable_sortsByError_andDownloadsEveryForecastAsCsv() throws Exception {
    String datasetId = seedForecasts();
    page.signIn(planner, "#/results/" + datasetId);
    page.el("#results-table");
    page.el("button[data-sort=score]").click();
    browser.wait.until(
        ExpectedConditions.attributeToBe(
            By.xpath("//th[button[@data-sort='score']]"), "aria-sort", "ascending"));
    List<String> expected = new ArrayList<>();
    planner
        .get("/api/datasets/" + datasetId + "/results?sort=score&order=asc")
        .json()
        .path("results")
        .forEach(r -> expected.add(r.path("sku").asText()));
    assertThat(expected).hasSize(SKUS.size());
    String skuColumn = "#results-table tbody td:first-child";
    browser.wait.until(d -> page.texts(skuColumn).equals(expected));
    page.el("button[data-sort=score]").click();
    browser.wait.until(d -> page.texts(skuColumn).equals(expected.reversed()));
    browser.shot("09-results-sorted");

    page.el("#download-csv").click();
    Path file = browser.downloads.resolve("forecasts-" + datasetId + ".csv");
    browser.wait.until(d -> Files.exists(file) && !Files.exists(Path.of(file + ".crdownload")));
    String downloaded = Files.readString(file, StandardCharsets.UTF_8);
    assertThat(downloaded)
        .startsWith("unique_id,ds,model,y_hat,lo_80,hi_80,lo_95,hi_95,frequency,fallback\n");
    assertThat(downloaded.lines()).hasSize(1 + SKUS.size() * Seeds.HORIZON);
    assertThat(downloaded)
        .isEqualTo(planner.get("/api/datasets/" + datasetId + "/forecasts?format=csv").body());
  }

  @Test
  void cancellingAJobAndThenItsBatch_fromThePage_endsThemCancelled() throws IOException {
    int skus = 600;
    List<String> names = new ArrayList<>();
    for (int i = 0; i < skus; i++) {
      names.add(String.format(Locale.ROOT, "BULK-%03d", i));
    }
    Path bulk = Files.createTempFile("bulk", ".csv");
    Files.writeString(bulk, Seeds.monthlyCsv(names, 120, 11, 200));
    page.signIn(planner, "");
    page.el("#csv-file").sendKeys(bulk.toString());
    page.el("#upload-submit").click();
    browser.wait.until(
        ExpectedConditions.textMatches(
            By.id("upload-answer"), Pattern.compile(".*600 jobs created.*")));

    // The virtual list renders only the rows in view, not one per job.
    assertThat(page.all(".batch .vrow").size()).isBetween(1, 40);
    assertThat(page.el(".batch .actions").getText()).contains("600 shown");

    // The newest job runs last (the queue claims oldest first): cancel it while it waits.
    page.el("[aria-label='Cancel BULK-599']").click();
    browser.wait.until(d ->
        d.findElement(By.cssSelector(".batch .job-sku[data-name='BULK-599']"))
            .findElement(By.xpath(".."))
            .getAttribute("class")
            .contains("s-cancelled"));
    browser.shot("10-job-cancelled");

    page.el(".batch button.danger").click(); // Cancel batch
    page.el(".batch [role=status]");
    page.waitText("#batch-pct", "100%");
    assertThat(planner.get("/api/jobs/status?status=pending,running").json().path("jobs"))
        .isEmpty();
    long cancelled =
        planner.get("/api/jobs/status").json().path("summary").path("cancelled").asLong();
    assertThat(cancelled).isGreaterThan(1);
    page.waitText(".batch dd[data-status=cancelled]", String.valueOf(cancelled));
    browser.shot("11-batch-cancelled");

    page.el(".batch .actions button:not(.danger)").click(); // Clear finished of batch
    browser.wait.until(d -> d.findElements(By.cssSelector(".batch .job")).isEmpty());
    browser.shot("12-batch-cleared");
  }

  @Test
  void thePageOpensOneEventStream_howeverManyPanelsShowJobs() {
    seedForecasts();
    page.signInLive(planner, "");
    browser.requests(); // forget what came before
    browser.driver.navigate().refresh();
    page.el("#queue-toggle");
    page.waitText("#connection", "Live");
    for (String view :
        List.of("queue", "sku", "results", "reports", "schedules", "performance", "forecast")) {
      page.el("nav a[href='#/" + view + "']").click();
      page.el("main h1");
    }
    page.el("#queue-toggle").click();
    page.el("#queue-popup");
    page.go("#/queue"); // the queue view and the popup at once
    page.el("#queue-view-pct");
    assertThat(Browser.count(browser.requests(), "/api/events")).isEqualTo(1);
    assertThat(browser.consoleErrors())
        .allMatch(
            m -> m.contains("Failed to load resource"), "only refused requests, no script errors");
  }

  @Test
  void withoutStreaming_thePagePollsTheStatus_andShowsTheSameCounts() {
    seedForecasts();
    page.signIn(planner, "");
    browser.requests();
    browser.driver.get(server.url() + "/?transport=poll#/queue");
    page.waitText("#connection", "Polling");
    page.waitText("main dd[data-status=completed]", String.valueOf(SKUS.size()));
    assertThat(page.el("main dd[data-status=cancelled]").getText()).isEqualTo("0");
    List<String> sent = browser.requests();
    assertThat(Browser.count(sent, "/api/events")).isZero();
    assertThat(Browser.count(sent, "/api/jobs/status")).isPositive();
    browser.shot("13-polling");
  }

  @Test
  void onAPhoneSizedScreen_everyViewFitsTheWidth() {
    String datasetId = seedForecasts();
    page.signIn(planner, "");
    browser.driver.manage().window().setSize(Page.PHONE);
    try {
      for (String view :
          List.of(
              "forecast",
              "queue",
              "sku/" + datasetId + "/SKU-A",
              "results/" + datasetId,
              "reports",
              "performance")) {
        page.go("#/" + view);
        page.el("main h1");
        browser.wait.until(d -> page.fitsWidth());
        browser.shot("14-phone-" + view.replace(datasetId, "dataset").replace('/', '-'));
      }
    } finally {
      browser.driver.manage().window().setSize(Page.DESKTOP);
    }
  }

  @Test
  void aValidationJob_startedFromThePage_showsItsReportWhenDone() {
    String datasetId = seedForecasts();
    page.signIn(planner, "#/reports");
    new Select(page.el("select[name=job-type]")).selectByValue("validation");
    browser.wait.until(d ->
        !d.findElements(
                By.cssSelector("select[name=report-dataset] option[value='" + datasetId + "']"))
            .isEmpty());
    new Select(page.el("select[name=report-dataset]")).selectByValue(datasetId);
    page.type("input[name=report-horizon]", "" + Seeds.HORIZON);
    page.el("input[name=report-models]").sendKeys("naive,snaive");
    page.el(".reports form button[type=submit]").click();
    browser.wait.until(
        d -> d.findElements(By.cssSelector("#report-aggregate tbody tr")).size() == 2);
    assertThat(page.el("#report-aggregate").getText()).contains("naive").contains("snaive");
    assertThat(page.el(".report").getText()).contains("Status: completed").contains("SKU-C");
    browser.shot("15-validation-report");
  }

  @Test
  void whenTheServerRefusesTheStream_thePagePolls_andGoesLiveOnceAStreamIsFree() {
    seedForecasts();
    List<SseReader> held = new ArrayList<>();
    try {
      // Take every event-stream slot of the user (the server allows a few per user, then 429).
      while (true) {
        SseReader r = new SseReader(planner, "/api/events", null);
        held.add(r);
        await().atMost(Duration.ofSeconds(10)).until(() -> r.status() != 0);
        if (r.status() == 429) {
          break;
        }
        assertThat(held).as("streams before a refusal").hasSizeLessThan(20);
      }
      page.signIn(planner, "#/queue");
      page.waitText("#connection", "Polling");
      page.waitText("main dd[data-status=completed]", String.valueOf(SKUS.size()));
      browser.shot("16-stream-refused-polling");
    } finally {
      held.forEach(SseReader::close);
    }
    // A job event makes the server write to the closed streams, notice and free their slots; the
    // page's next reconnection attempt (exponential backoff) then gets a stream.
    planner.post(
        "/api/datasets?optimize=true&horizon=3", "text/csv", TestServers.monthlyCsv(1, 24, 1));
    page.waitText("#connection", "Live");
    browser.shot("17-stream-reconnected");
  }

  @Test
  void theQueuePopup_opensAndClosesFromTheKeyboard_andGivesTheFocusBack() {
    String datasetId = seedForecasts();
    page.signIn(planner, "#/results/" + datasetId);
    page.el("#results-table");
    WebElement toggle = page.el("#queue-toggle");
    toggle.sendKeys(Keys.ENTER);
    page.el("#queue-popup");
    assertThat(browser.driver.switchTo().activeElement().getAttribute("id"))
        .isEqualTo("queue-popup-title");
    assertThat(toggle.getAttribute("aria-expanded")).isEqualTo("true");
    browser.driver.switchTo().activeElement().sendKeys(Keys.ESCAPE);
    page.waitGone("#queue-popup");
    assertThat(browser.driver.switchTo().activeElement().getAttribute("id"))
        .isEqualTo("queue-toggle");
    assertThat(toggle.getAttribute("aria-expanded")).isEqualTo("false");
  }
}
