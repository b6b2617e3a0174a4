package io.gridcast.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.gridcast.server.auth.UserRole;
import io.gridcast.server.it.Http;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/**
 * Retrying from the page in a real browser against a real server with one worker ({@link
 * ServedPage}). The failures are real: rescoring a dataset that was never optimized fails on every
 * attempt; once the dataset is optimized (through the API), the retried job completes.
 */
class RetryPageTest extends ServedPage {

  /** A rescoring job of a fresh one-SKU dataset, failed for good; returns its answer. */
  private static JsonNode failedRescoring(Http who, String sku) {
    String dataset = Seeds.dataset(who, sku + ".csv", Seeds.monthlyCsv(List.of(sku)));
    Http.Res r =
        who.postJson(
            "/api/jobs",
            "{\"dataset_id\":\"" + dataset + "\",\"type\":\"rescoring\",\"horizon\":3}");
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    String job = r.json().path("job_ids").get(0).asText();
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> who.get("/api/jobs/" + job).json().path("status").asText(), "failed"::equals);
    Seeds.job(who, "{\"dataset_id\":\"" + dataset + "\",\"horizon\":3}");
    return r.json();
  }

  private void waitRowStatus(String job, String status) {
    browser.wait.until(d ->
        d.findElement(By.cssSelector(".job[data-job='" + job + "']"))
            .getAttribute("class")
            .contains("s-" + status));
  }

  @Test
  void aFailedJobsRetryButton_runsItAgain_untilItCompletes_keepingTheFailedRun() {
    Http planner = Seeds.user(server, UserRole.USER);
    String job = failedRescoring(planner, "RETRY-ONE").path("job_ids").get(0).asText();
    page.signInLive(planner, "#/queue");
    waitRowStatus(job, "failed");
    browser.shot("40-failed-job-with-retry");

    page.el("[aria-label='Retry RETRY-ONE']").click();
    page.waitText(".queue [role=status]", "Retrying \u2068RETRY-ONE\u2069");
    waitRowStatus(job, "completed");
    assertThat(page.all("[aria-label='Retry RETRY-ONE']")).isEmpty();
    browser.shot("41-retried-job-completed");

    JsonNode detail = planner.get("/api/jobs/" + job).json();
    assertThat(detail.path("status").asText()).isEqualTo("completed");
    assertThat(detail.path("runs")).hasSize(1);
    assertThat(detail.path("runs").get(0).path("error").asText()).contains("optimize first");
  }

  @Test
  void retryFailed_ofABatch_runsItsFailedJobsAgain() {
    Http planner = Seeds.user(server, UserRole.USER);
    JsonNode answer = failedRescoring(planner, "RETRY-BATCH");
    String job = answer.path("job_ids").get(0).asText();
    String batch = answer.path("batch_id").asText();
    page.signInLive(planner, "#/queue");
    waitRowStatus(job, "failed");

    new Select(page.el(".queue select[name=batch]")).selectByValue(batch);
    browser.shot("42-batch-selected");
    page.el("#queue-view-retry-failed").click();
    page.waitText(".queue [role=status]", "Retrying 1 failed jobs of the batch");
    waitRowStatus(job, "completed");
    page.waitText(".queue dd[data-status=failed]", "0");
    browser.shot("43-batch-retried");
    assertThat(planner.get("/api/jobs/" + job).json().path("runs")).hasSize(1);
  }
}
