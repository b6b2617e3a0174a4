package io.gridcast.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.gridcast.server.auth.UserRole;
import io.gridcast.server.config.AlertThresholds;
import io.gridcast.server.config.MonitorConfig;
import io.gridcast.server.it.Http;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.assertj.core.data.Offset;
import org.assertj.core.data.Percentage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Performance page in a real browser against a real server with one worker: sampling started
 * and stopped from the page, the charts, the result cache's figures, the memory alert (the server's
 * limit is 1 MiB, so the first sample raises it) in the list and the header, benchmark and profile
 * reports, and what an ordinary user sees. One server and one browser; every test starts with
 * sampling off, signs in as a user of its own and seeds what it needs.
 */
class PerformancePageTest extends ServedPage {
  private static final MonitorConfig MONITOR =
      MonitorConfig.DEFAULTS
          .withSampleInterval(Duration.ZERO)
          .withThresholds(AlertThresholds.DEFAULTS.withMemoryBytes(1024 * 1024));

  private Http admin;

  @Override
  protected MonitorConfig monitor() {
    return MONITOR;
  }

  @BeforeEach
  void samplingOff() {
    admin = Seeds.user(server, UserRole.ADMIN);
    Http.Res r = admin.postJson("/api/performance/monitoring/stop", "{}");
    assertThat(r.status()).as(r.body()).isEqualTo(200);
  }

  /** Starts sampling through the API and waits for the memory alert its first sample raises. */
  private void sampleUntilTheMemoryAlert() {
    Http.Res r = admin.postJson("/api/performance/monitoring/start", "{\"interval_seconds\":0.2}");
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() ->
            admin
                .get("/api/performance/alerts")
                .json()
                .path("active")
                .findValuesAsText("rule")
                .contains("memory"));
  }

  private int points(String chart) {
    var figs = page.all(chart);
    return figs.isEmpty() ? 0 : Integer.parseInt(figs.get(0).getAttribute("data-points"));
  }

  @Test
  void startingSamplingFromThePage_fillsTheCpuMemoryThroughputAndLatencyCharts() {
    page.signIn(admin, "");
    page.el("nav a[href='#/performance']").click();
    assertThat(page.el("main h1").getText()).isEqualTo("Performance");
    page.waitText("#sampling-state", "Sampling is off");

    page.type("input[name=sample-interval]", "0.2");
    page.el("#sampling-start").click();
    page.waitText("#sampling-state", "Sampling every 0.2 s");
    browser.wait.until(d -> points("#chart-cpu") >= 3);
    for (String chart : List.of("cpu", "memory", "throughput", "latency")) {
      assertThat(page.all("#chart-" + chart + " canvas")).hasSize(1);
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
  void theMemoryAlert_isListed_andShownAsAHeaderBadge() {
    sampleUntilTheMemoryAlert();
    page.signIn(admin, "#/performance");
    assertThat(page.el("#alerts-list li[data-rule=memory]").getText()).contains("memory");
    assertThat(page.el("#alert-badge").getText()).matches("\\d+ alerts?");
    browser.shot("21-performance-alert");
  }

  @Test
  void theCachePanel_showsTheFiguresOfTheCacheStatsEndpoint() {
    // The same question twice: the second answer comes from the result cache.
    String csv = Seeds.monthlyCsv(List.of("CACHED"), 36, 13, 150);
    Seeds.forecasts(admin, "first.csv", csv);
    Seeds.forecasts(admin, "second.csv", csv);
    page.signIn(admin, "#/performance");
    page.el("#cache-figures");
    JsonNode stats = admin.get("/api/cache/stats").json();
    assertThat(stats.path("hits").asLong()).as("the second upload hit the cache").isPositive();
    for (String field : List.of("hits", "misses", "evictions")) {
      page.waitText("#cache-figures dd[data-field='" + field + "']", stats.path(field).asText());
    }
    assertThat(page.el("#cache-figures dd[data-field='memory.entries']").getText())
        .isEqualTo(stats.path("memory").path("entries").asText());
    assertThat(page.el("#cache-figures dd[data-field='disk.entries']").getText())
        .isEqualTo(stats.path("disk").path("entries").asText());
    double rate = stats.path("hit_rate").asDouble() * 100;
    String shown = page.el("#cache-figures dd[data-field=hit_rate]").getText();
    assertThat(shown).endsWith("%");
    assertThat(Double.parseDouble(shown.substring(0, shown.length() - 1)))
        .isCloseTo(rate, Offset.offset(0.5));
  }

  @Test
  void aBenchmarkRunFromThePage_showsItsTimings() {
    page.signIn(admin, "#/performance");
    page.type("input[name=bench-series]", "4");
    page.type("input[name=bench-length]", "48");
    page.type("input[name=bench-iterations]", "2");
    page.type("input[name=bench-horizon]", "6");
    page.el("input[name=bench-models]").sendKeys("naive,ses");
    page.el("#benchmark-submit").click();
    page.waitText("#perf-report-status", "Status: completed");
    String jobId = browser.driver.getCurrentUrl().replaceAll(".*#/performance/", "");
    JsonNode result = admin.get("/api/jobs/" + jobId).json().path("result");
    assertThat(page.el("#benchmark-result dd[data-field=series]").getText()).isEqualTo("4");
    assertThat(page.el("#benchmark-result dd[data-field=iterations]").getText()).isEqualTo("2");
    assertThat(Double.parseDouble(page.el("#benchmark-result dd[data-field=median]").getText()))
        .isCloseTo(
            result.path("seconds").path("median").asDouble(), Percentage.withPercentage(0.1));
    browser.shot("22-benchmark-report");
  }

  @Test
  void aProfileStartedFromThePage_listsItsHottestMethods_andLinksTheRecording() {
    page.signIn(admin, "#/performance");
    page.type("input[name=profile-seconds]", "1");
    page.el("#profile-submit").click();
    page.waitText("#perf-report-status", "Status: completed");
    String jobId = browser.driver.getCurrentUrl().replaceAll(".*#/performance/", "");
    assertThat(page.el("#profile-result").getText()).contains(" in 1 s.");
    assertThat(page.el("#profile-download").getAttribute("href"))
        .endsWith("/api/performance/profile/" + jobId + "/jfr");
    JsonNode hottest = admin.get("/api/jobs/" + jobId).json().path("result").path("hottest");
    assertThat(page.all("#profile-hottest tbody tr")).hasSize(hottest.size());
    assertThat(admin.get("/api/performance/profile/" + jobId + "/jfr").status()).isEqualTo(200);
    browser.shot("23-profile-report");
  }

  @Test
  void onAPhoneSizedScreen_thePerformancePageFitsTheWidth() {
    sampleUntilTheMemoryAlert();
    page.signIn(admin, "#/performance");
    browser.driver.manage().window().setSize(Page.PHONE);
    try {
      page.el("#chart-cpu canvas");
      browser.wait.until(d -> page.fitsWidth());
      browser.shot("24-performance-phone");
    } finally {
      browser.driver.manage().window().setSize(Page.DESKTOP);
    }
  }

  @Test
  void stoppingSamplingFromThePage_stopsIt_andKeepsTheChartsOfTheLastPoints() {
    sampleUntilTheMemoryAlert();
    page.signIn(admin, "#/performance");
    page.waitText("#sampling-state", "Sampling every 0.2 s");
    browser.wait.until(d -> points("#chart-cpu") >= 1);
    page.el("#sampling-stop").click();
    page.waitText("#sampling-state", "Sampling is off");
    JsonNode monitoring = admin.get("/api/performance/status").json().path("monitoring");
    assertThat(monitoring.path("running").asBoolean()).isFalse();
    assertThat(points("#chart-cpu")).isPositive();
  }

  @Test
  void aVisitWithSamplingOn_opensOneEventStream_andPollsOnlyFigures() {
    sampleUntilTheMemoryAlert();
    browser.requests(); // the visit starts here
    page.signIn(admin, "");
    page.el("nav a[href='#/performance']").click();
    page.el("#chart-cpu canvas");
    List<String> sent = new ArrayList<>();
    browser.wait.until(d -> {
      sent.addAll(browser.requests());
      return Browser.count(sent, "/api/performance/history") >= 3;
    });
    assertThat(Browser.count(sent, "/api/events")).isEqualTo(1);
    assertThat(sent.stream().filter(u -> Pattern.matches(".*/api/jobs/status.*", u)).count())
        .as("job state comes from the stream, not from polling")
        .isLessThan(10);
    assertThat(browser.consoleErrors())
        .allMatch(m -> m.contains("Failed to load resource"), "no script errors");
  }

  @Test
  void anOrdinaryUser_seesFiguresAndAlerts_butNoSamplingOrProfilingControls() {
    sampleUntilTheMemoryAlert();
    page.signIn(Seeds.user(server, UserRole.USER), "#/performance");
    page.waitText("#sampling-state", "Sampling every 0.2 s");
    page.el("#chart-cpu canvas");
    page.el("#alerts-list li[data-rule=memory]");
    page.el("#benchmark-form");
    assertThat(page.all("#sampling-start, #profile-form")).isEmpty();
    browser.shot("25-performance-user");
  }
}
