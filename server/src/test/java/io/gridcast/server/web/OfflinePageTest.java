package io.gridcast.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gridcast.server.app.GridcastServer;
import io.gridcast.server.auth.UserRole;
import io.gridcast.server.config.ServerConfig;
import io.gridcast.server.it.Http;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every view while its server is away: the server is stopped under the open view, which keeps what
 * it loaded, marked "last updated HH:MM:SS, server unreachable"; meanwhile another server on the
 * same database changes the data; the server then starts again (same database, same port) and the
 * view shows the change without a reload. One browser; each test signs in as a user of its own and
 * seeds what it needs.
 */
class OfflinePageTest extends ServedPage {
  private static final Pattern STALE =
      Pattern.compile("last updated (\\d{2}:\\d{2}:\\d{2}), server unreachable");
  private static final List<String> SKUS = List.of("SKU0", "SKU1", "SKU2");

  private ServerConfig config;

  @BeforeAll
  void keepTheConfiguration() {
    config = server.config().toBuilder().port(server.port()).build();
  }

  /** The browser's local time, as the page writes it. */
  private String browserClock() {
    return (String)
        browser.driver.executeScript(
            "const d = new Date(), two = (n) => String(n).padStart(2, '0');"
                + "return `${two(d.getHours())}:${two(d.getMinutes())}:${two(d.getSeconds())}`;");
  }

  /**
   * Stops the server under the open view and checks its stale line (its time no earlier than {@code
   * opened}, when the test opened the page) and that {@code kept} still holds; runs {@code
   * meanwhile} as {@code user} on another server on the same database; starts the server again on
   * its port and waits until the view is current again.
   */
  private void outage(
      String view, String opened, Http user, Runnable kept, Consumer<Http> meanwhile) {
    server.close();
    page.waitText("#connection", "Server unreachable");
    browser.wait.until(d -> !page.all("main .stale").isEmpty());
    String line = page.el("main .stale").getText();
    String now = browserClock();
    Matcher m = STALE.matcher(line);
    assertThat(m.matches()).as(line).isTrue();
    String updated = m.group(1);
    if (opened.compareTo(now) <= 0) { // else the clock passed midnight
      assertThat(updated).isBetween(opened, now);
    }
    kept.run();
    browser.shot("30-offline-" + view);

    GridcastServer other = GridcastServer.create(config.toBuilder().port(0).build()).start();
    try {
      meanwhile.accept(new Http(other.url(), user.token()));
    } finally {
      other.close();
    }
    server = GridcastServer.create(config).start();
    page.waitText("#connection", "Live");
    page.waitGone("main .freshness");
  }

  private Http newUser(UserRole role) {
    return Seeds.user(server, role);
  }

  @Test
  void theForecastView_keepsItsDatasets_whileTheServerIsAway_andListsTheNewOneAfter() {
    Http user = newUser(UserRole.USER);
    Seeds.dataset(user, "before.csv", Seeds.monthlyCsv(SKUS));
    String opened = browserClock();
    page.signInLive(user, "");
    String names = ".datasets li a";
    browser.wait.until(d -> page.texts(names).equals(List.of("before.csv")));
    outage(
        "forecast",
        opened,
        user,
        () -> assertThat(page.texts(names)).containsExactly("before.csv"),
        other -> Seeds.dataset(other, "during.csv", Seeds.monthlyCsv(SKUS)));
    browser.wait.until(d -> page.texts(names).equals(List.of("during.csv", "before.csv")));
  }

  @Test
  void theQueueView_keepsItsCounts_whileTheServerIsAway_andCountsTheNewJobsAfter() {
    Http user = newUser(UserRole.USER);
    Seeds.forecasts(user, "queue.csv", Seeds.monthlyCsv(SKUS.subList(0, 2)));
    String opened = browserClock();
    page.signInLive(user, "#/queue");
    String completed = "main dd[data-status=completed]";
    page.waitText(completed, "2");
    outage(
        "queue",
        opened,
        user,
        () -> {
          assertThat(page.el(completed).getText()).isEqualTo("2");
          assertThat(page.all("main .job")).hasSize(2);
        },
        other -> Seeds.forecasts(other, "more.csv", Seeds.monthlyCsv(List.of("NEW"), 48, 9, 300)));
    page.waitText(completed, "3");
    browser.wait.until(d -> page.texts("main .job-sku").contains("NEW"));
  }

  @Test
  void theSkuView_keepsItsChart_whileTheServerIsAway_andShowsTheForecastFinishedMeanwhile() {
    Http user = newUser(UserRole.USER);
    String dataset = Seeds.dataset(user, "sku.csv", Seeds.monthlyCsv(SKUS.subList(0, 1)));
    String opened = browserClock();
    page.signInLive(user, "#/sku/" + dataset + "/SKU0");
    page.el(".chart-canvas canvas");
    assertThat(page.el(".sku-main .note").getText()).startsWith("No forecast for this SKU yet");
    outage(
        "sku",
        opened,
        user,
        () -> {
          assertThat(page.all(".chart-canvas canvas")).hasSize(1);
          assertThat(page.el(".sku-main").getText()).contains("48 periods");
        },
        other -> Seeds.job(other, "{\"dataset_id\":\"" + dataset + "\",\"horizon\":6}"));
    page.el("#best-model");
    assertThat(page.all(".sku-main .note")).isEmpty();
  }

  @Test
  void theResultsView_keepsItsRows_whileTheServerIsAway_andShowsTheRowsAddedMeanwhile() {
    Http user = newUser(UserRole.USER);
    String dataset = Seeds.dataset(user, "results.csv", Seeds.monthlyCsv(SKUS));
    Seeds.job(user, "{\"dataset_id\":\"" + dataset + "\",\"skus\":[\"SKU0\"],\"horizon\":6}");
    String opened = browserClock();
    page.signInLive(user, "#/results/" + dataset);
    String skus = "#results-table .sku-link";
    browser.wait.until(d -> page.texts(skus).equals(List.of("SKU0")));
    outage(
        "results",
        opened,
        user,
        () -> {
          assertThat(page.texts(skus)).containsExactly("SKU0");
          assertThat(page.all("select[name=dataset] option[value='" + dataset + "']")).hasSize(1);
        },
        other ->
            Seeds.job(
                other,
                "{\"dataset_id\":\"" + dataset + "\",\"skus\":[\"SKU1\",\"SKU2\"],\"horizon\":6}"));
    browser.wait.until(d -> page.texts(skus).equals(SKUS));
  }

  @Test
  void theReportsView_keepsItsDatasets_whileTheServerIsAway_andListsTheValidationRunMeanwhile() {
    Http user = newUser(UserRole.USER);
    String dataset = Seeds.forecasts(user, "reports.csv", Seeds.monthlyCsv(SKUS.subList(0, 1)));
    String opened = browserClock();
    page.signInLive(user, "#/reports");
    String option = "select[name=report-dataset] option[value='" + dataset + "']";
    browser.wait.until(d -> page.all(option).size() == 1);
    assertThat(page.el(".reports").getText()).contains("None yet.");
    outage(
        "reports",
        opened,
        user,
        () -> assertThat(page.all(option)).hasSize(1),
        other ->
            Seeds.job(
                other,
                "{\"dataset_id\":\""
                    + dataset
                    + "\",\"type\":\"validation\",\"horizon\":6,"
                    + "\"models\":[\"naive\"]}"));
    browser.wait.until(
        d -> page.texts(".report-list li").stream().anyMatch(t -> t.startsWith("validation")));
  }

  @Test
  void thePerformanceView_keepsItsFigures_whileTheServerIsAway_andListsTheBenchmarkRunMeanwhile() {
    Http admin = newUser(UserRole.ADMIN);
    String opened = browserClock();
    page.signInLive(admin, "#/performance");
    page.el("#cache-figures");
    outage(
        "performance",
        opened,
        admin,
        () -> {
          assertThat(page.all("#cache-figures")).hasSize(1);
          assertThat(page.el("#sampling-state").getText()).startsWith("Sampling");
        },
        other -> {
          Http.Res r =
              other.postJson(
                  "/api/performance/benchmark",
                  "{\"generate\":{\"series\":2,\"length\":24,\"period\":12},"
                      + "\"models\":[\"naive\"],\"iterations\":1,\"horizon\":3}");
          assertThat(r.status()).as(r.body()).isIn(200, 201, 202);
          Seeds.completed(other, idsOf(r));
        });
    browser.wait.until(
        d -> page.texts(".report-list li").stream().anyMatch(t -> t.startsWith("benchmark")));
  }

  /** A benchmark's answer ({@code job_id}) in the shape {@link Seeds#completed} reads. */
  private static JsonNode idsOf(Http.Res benchmark) {
    ObjectNode o = Http.JSON.createObjectNode();
    o.putArray("job_ids").add(benchmark.json().path("job_id").asText());
    return o;
  }
}
