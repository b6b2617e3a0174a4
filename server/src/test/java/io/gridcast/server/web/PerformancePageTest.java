package io.gridcast.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.gridcast.server.app.GridcastServer;
import io.gridcast.server.auth.UserRole;
import io.gridcast.server.config.Role;
import io.gridcast.server.it.Http;
import io.gridcast.server.it.TestDatabases;
import io.gridcast.server.it.TestServers;
import io.gridcast.server.monitor.AlertThresholds;
import io.gridcast.server.monitor.MonitorConfig;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * An admin's visit to the Performance page in a real browser against a real server with one worker:
 * start sampling from the page and watch the charts fill, read the result cache's figures, see the
 * memory alert (the server's limit is 1 MiB, so the first sample raises it) listed and in the
 * header, run a benchmark and a profile and read their reports. One server and one browser; the
 * steps build on each other and the whole visit opens one event stream.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PerformancePageTest {
  private static final MonitorConfig MONITOR =
      MonitorConfig.DEFAULTS
          .withSampleInterval(Duration.ZERO)
          .withThresholds(AlertThresholds.DEFAULTS.withMemoryBytes(1024 * 1024));

  private GridcastServer server;
  private Browser browser;
  private Http admin;

  @BeforeAll
  void start() throws IOException {
    server = TestServers.start(Role.SERVE, TestDatabases.sqlite(), 1, MONITOR);
    admin = new Http(server.url(), TestServers.addUser(server, "ops", UserRole.ADMIN));
    // The same question twice: the second answer comes from the result cache.
    for (int round = 1; round <= 2; round++) {
      Http.Res up =
          admin.post(
              "/api/datasets?optimize=true&horizon=3",
              "text/csv",
              TestServers.monthlyCsv(1, 36, 1));
      assertThat(up.status()).as(up.body()).isEqualTo(201);
      int completed = round;
      await()
          .atMost(Duration.ofSeconds(60))
          .until(() ->
              admin.get("/api/jobs/status").json().path("summary").path("completed").asInt()
                  == completed);
    }
    browser = Browser.start();
  }

  @AfterAll
  void stop() {
    if (browser != null) {
      browser.close();
    }
    server.close();
  }

  private WebElement el(String css) {
    return browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
  }

  private void go(String hash) {
    browser.driver.executeScript("location.hash = arguments[0]", hash);
  }

  /** Types into an input, replacing its value (select all first: a re-render may refill it). */
  private void type(String css, String text) {
    WebElement input = el(css);
    input.sendKeys(Keys.chord(Keys.CONTROL, "a"), text);
    browser.wait.until(ExpectedConditions.attributeToBe(By.cssSelector(css), "value", text));
  }

  private int points(String chart) {
    List<WebElement> figs = browser.driver.findElements(By.cssSelector(chart));
    return figs.isEmpty() ? 0 : Integer.parseInt(figs.get(0).getAttribute("data-points"));
  }

  @Test
  @Order(1)
  void startingSamplingFromThePage_fillsTheCpuMemoryThroughputAndLatencyCharts() {
    browser.requests(); // the visit starts here
    browser.driver.get(server.url() + "/");
    el("#token").sendKeys(admin.token());
    el("#signin-submit").click();
    el("#queue-toggle");
    el("nav a[href='#/performance']").click();
    assertThat(el("main h1").getText()).isEqualTo("Performance");
    browser.wait.until(ExpectedConditions.textToBe(By.id("sampling-state"), "Sampling is off"));
    el("#perf-no-samples");

    type("input[name=sample-interval]", "0.2");
    el("#sampling-start").click();
    browser.wait.until(
        ExpectedConditions.textToBe(By.id("sampling-state"), "Sampling every 0.2 s"));
    browser.wait.until(d -> points("#chart-cpu") >= 3);
    for (String chart : List.of("cpu", "memory", "throughput", "latency")) {
      assertThat(browser.driver.findElements(By.cssSelector("#chart-" + chart + " canvas")))
          .hasSize(1);
      assertThat(points("#chart-" + chart)).as(chart).isPositive();
    }
    // The memory chart draws the resident size: its canvas has blue pixels.
    Number blue =
        (Number)
            browser.driver.executeScript(
                "const c = document.querySelector('#chart-memory canvas');"
                    + "const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;"
                    + "let n = 0; for (let i = 0; i < d.length; i += 4) {"
                    + "  if (d[i + 3] > 0 && d[i + 2] > d[i] + 40) n++; }"
                    + "return n;");
    assertThat(blue.longValue()).as("blue pixels of the resident line").isPositive();
    browser.shot("20-performance-charts");
  }

  @Test
  @Order(2)
  void theMemoryAlert_arrivesOnTheEventStream_andIsListedWithAHeaderBadge() {
    WebElement item = el("#alerts-list li[data-rule=memory]");
    assertThat(item.getText()).contains("memory");
    assertThat(el("#alert-badge").getText()).matches("\\d+ alerts?");
    JsonNode active = admin.get("/api/performance/alerts").json().path("active");
    assertThat(active.findValuesAsText("rule")).contains("memory");
    browser.shot("21-performance-alert");
  }

  @Test
  @Order(3)
  void theCachePanel_showsTheFiguresOfTheCacheStatsEndpoint() {
    JsonNode stats = admin.get("/api/cache/stats").json();
    assertThat(stats.path("hits").asLong()).as("the second upload hit the cache").isPositive();
    for (String field : List.of("hits", "misses", "evictions")) {
      browser.wait.until(
          ExpectedConditions.textToBe(
              By.cssSelector("#cache-figures dd[data-field='" + field + "']"),
              stats.path(field).asText()));
    }
    assertThat(el("#cache-figures dd[data-field='memory.entries']").getText())
        .isEqualTo(stats.path("memory").path("entries").asText());
    assertThat(el("#cache-figures dd[data-field='disk.entries']").getText())
        .isEqualTo(stats.path("disk").path("entries").asText());
    double rate = stats.path("hit_rate").asDouble() * 100;
    String shown = el("#cache-figures dd[data-field=hit_rate]").getText();
    assertThat(shown).endsWith("%");
    assertThat(Double.parseDouble(shown.substring(0, shown.length() - 1)))
        .isCloseTo(rate, org.assertj.core.data.Offset.offset(0.5));
  }

  @Test
  @Order(4)
  void aBenchmarkRunFromThePage_showsItsTimings() {
    for (String[] f :
        List.of(
            new String[] {"series", "4"},
            new String[] {"length", "48"},
            new String[] {"iterations", "2"},
            new String[] {"horizon", "6"})) {
      type("input[name=bench-" + f[0] + "]", f[1]);
    }
    el("input[name=bench-models]").sendKeys("naive,ses");
    el("#benchmark-submit").click();
    browser.wait.until(
        ExpectedConditions.textToBe(By.id("perf-report-status"), "Status: completed"));
    String jobId = browser.driver.getCurrentUrl().replaceAll(".*#/performance/", "");
    JsonNode result = admin.get("/api/jobs/" + jobId).json().path("result");
    assertThat(el("#benchmark-result dd[data-field=series]").getText()).isEqualTo("4");
    assertThat(el("#benchmark-result dd[data-field=iterations]").getText()).isEqualTo("2");
    assertThat(Double.parseDouble(el("#benchmark-result dd[data-field=median]").getText()))
        .isCloseTo(
            result.path("seconds").path("median").asDouble(),
            org.assertj.core.data.Percentage.withPercentage(0.1));
    browser.shot("22-benchmark-report");
  }

  @Test
  @Order(5)
  void aProfileStartedFromThePage_listsItsHottestMethods_andLinksTheRecording() {
    type("input[name=profile-seconds]", "1");
    el("#profile-submit").click();
    browser.wait.until(
        ExpectedConditions.textToBe(By.id("perf-report-status"), "Status: completed"));
    String jobId = browser.driver.getCurrentUrl().replaceAll(".*#/performance/", "");
    assertThat(el("#profile-result").getText()).contains(" in 1 s.");
    assertThat(el("#profile-download").getAttribute("href"))
        .endsWith("/api/performance/profile/" + jobId + "/jfr");
    JsonNode hottest = admin.get("/api/jobs/" + jobId).json().path("result").path("hottest");
    assertThat(browser.driver.findElements(By.cssSelector("#profile-hottest tbody tr")))
        .hasSize(hottest.size());
    assertThat(admin.get("/api/performance/profile/" + jobId + "/jfr").status()).isEqualTo(200);
    browser.shot("23-profile-report");
  }

  @Test
  @Order(6)
  void onAPhoneSizedScreen_thePerformancePageFitsTheWidth() {
    browser.driver.manage().window().setSize(new Dimension(390, 844));
    try {
      go("#/performance");
      el("#chart-cpu canvas");
      browser.wait.until(d ->
          ((Number)
                      browser.driver.executeScript(
                          "return document.documentElement.scrollWidth"
                              + " - document.documentElement.clientWidth"))
                  .intValue()
              <= 0);
      browser.shot("24-performance-phone");
    } finally {
      browser.driver.manage().window().setSize(new Dimension(1280, 900));
    }
  }

  @Test
  @Order(7)
  void stoppingSamplingFromThePage_stopsIt_andKeepsTheChartsOfTheLastPoints() {
    el("#sampling-stop").click();
    browser.wait.until(ExpectedConditions.textToBe(By.id("sampling-state"), "Sampling is off"));
    assertThat(
            admin
                .get("/api/performance/status")
                .json()
                .path("monitoring")
                .path("running")
                .asBoolean())
        .isFalse();
    assertThat(points("#chart-cpu")).isPositive();
  }

  @Test
  @Order(8)
  void theWholeVisit_openedOneEventStream_andPolledOnlyFigures() {
    List<String> sent = browser.requests();
    assertThat(Browser.count(sent, "/api/events")).isEqualTo(1);
    assertThat(Browser.count(sent, "/api/performance/history")).isGreaterThan(1);
    assertThat(sent.stream().filter(u -> Pattern.matches(".*/api/jobs/status.*", u)).count())
        .as("job state comes from the stream, not from polling")
        .isLessThan(10);
    assertThat(browser.consoleErrors())
        .allMatch(m -> m.contains("Failed to load resource"), "no script errors");
  }

  @Test
  @Order(9)
  void anOrdinaryUser_seesFiguresAndAlerts_butNoSamplingOrProfilingControls() {
    String token = TestServers.addUser(server, "planner", UserRole.USER);
    browser.driver.findElement(By.xpath("//button[text()='Sign out']")).click();
    el("#token").sendKeys(token);
    el("#signin-submit").click();
    el("#queue-toggle");
    go("#/performance");
    browser.wait.until(
        ExpectedConditions.textToBe(
            By.id("sampling-state"), "Sampling is off (an admin starts it)."));
    el("#chart-cpu canvas");
    el("#alerts-list li[data-rule=memory]");
    el("#benchmark-form");
    assertThat(browser.driver.findElements(By.cssSelector("#sampling-start, #profile-form")))
        .isEmpty();
    browser.shot("25-performance-user");
  }
}
