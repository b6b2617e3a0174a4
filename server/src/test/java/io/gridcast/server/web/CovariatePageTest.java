package io.gridcast.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.gridcast.server.auth.UserRole;
import io.gridcast.server.dataset.CovariateJobContract;
import io.gridcast.server.dataset.CovariateUploadContract;
import io.gridcast.server.it.Http;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Covariates on the page in a real browser: the history and its future covariates dropped in two
 * zones make the jobs, whose answer names the covariates; the SKU chart marks a 0/1 covariate's
 * periods on its time axis. One server and one browser; each test signs in as a user of its own.
 */
class CovariatePageTest extends ServedPage {
  private Http planner;

  private void waitContains(String css, String text) {
    browser.wait.until(
        ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(css), text));
  }

  @BeforeEach
  void newUser() {
    planner = Seeds.user(server, UserRole.USER);
  }

  @Test
  void historyAndFutureFiles_inTheirTwoZones_makeJobs_andTheChartMarksThePromotions()
      throws IOException {
    Path history = Files.createTempFile("history", ".csv");
    Files.writeString(history, CovariateJobContract.history());
    Path future = Files.createTempFile("future", ".csv");
    Files.writeString(future, CovariateUploadContract.future(1, 48, 54).replace("SKU0,", "A,"));
    page.signInLive(planner, "");
    page.el("#csv-file").sendKeys(history.toString());
    page.el("#future-file").sendKeys(future.toString());
    assertThat(page.el("#future-drop").getText()).contains(future.getFileName().toString());
    page.type("input[name=horizon]", "6");
    page.el("#upload-submit").click();
    waitContains("#upload-answer", "covariates price, promo");
    assertThat(page.el("#upload-answer").getText()).contains("1 jobs created");
    browser.shot("covariates-uploaded");

    JsonNode datasets = planner.get("/api/datasets").json().path("datasets");
    String id = datasets.get(0).path("id").asText();
    assertThat(planner.get("/api/datasets/" + id).json().path("future_horizon").asInt())
        .isEqualTo(6);
    page.go("#/sku/" + id + "/A");
    page.el(".chart-canvas canvas");
    // promo is 1 every fifth month of 48: ten marks, listed under the chart
    waitContains("#covariate-markers [data-marker=promo]", "promo: 10 marked");
    assertThat(page.el("#covariate-markers").getText()).doesNotContain("price");
    browser.shot("covariates-sku-markers");
  }

  @Test
  void historyWithCovariatesButNoFuture_isRefused_pointingToTheSecondZone() throws IOException {
    Path history = Files.createTempFile("history", ".csv");
    Files.writeString(history, CovariateJobContract.history());
    page.signInLive(planner, "");
    page.el("#csv-file").sendKeys(history.toString());
    page.type("input[name=horizon]", "6");
    page.el("#upload-submit").click();
    waitContains(".upload .error-text", "second zone");
    assertThat(page.el(".upload .error-text").getText()).contains("price");
    assertThat(planner.get("/api/datasets").json().path("datasets")).isEmpty();
  }
}
