package io.gridcast.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.gridcast.server.auth.UserRole;
import io.gridcast.server.it.Http;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.Select;

/**
 * A hierarchy in a real browser: the Results view's level selector (all series, a level, a node),
 * the SKU chart of a node with its base and reconciled forecasts, and the batch's continuation with
 * its state in the queue. One server and one browser; the test seeds its own user and dataset.
 */
class HierarchyPageTest extends ServedPage {
  private Http planner;

  @BeforeEach
  void newUser() {
    planner = Seeds.user(server, UserRole.USER);
  }

  private static String fixture() {
    try (InputStream in =
        HierarchyPageTest.class.getResourceAsStream("/hierarchy/tourism-small.csv")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void results_selectALevelOrANode_andTheNodesChartShowsBaseAndReconciledForecasts() {
    Http.Res up =
        planner.post(
            "/api/datasets?name=tourism&hierarchy=state/zone/region*purpose&optimize=true"
                + "&horizon=6&models=snaive,theta",
            "text/csv",
            fixture());
    assertThat(up.status()).as(up.body()).isEqualTo(201);
    Seeds.completed(planner, up.json());
    String id = up.json().path("dataset_id").asText();
    String batch = up.json().path("batch_id").asText();
    JsonNode rec = planner.get("/api/datasets/" + id + "/reconciliation").json();

    page.signIn(planner, "#/results/" + id);
    page.el("#level-select");
    page.el("#download-reconciled");
    assertThat(page.el("#reconciliation-note").getText()).contains(rec.path("used").asText());
    new Select(page.el("#level-select")).selectByValue("level:state");
    browser.wait.until(d -> page.texts("#results-table tbody tr").size() == 2);
    assertThat(page.texts("#results-table td.level")).containsOnly("state");
    new Select(page.el("#level-select")).selectByValue("level:region*purpose");
    browser.wait.until(d -> page.texts("#results-table tbody tr").size() == 10);
    browser.shot("hierarchy-results-level");

    new Select(page.el("#level-select")).selectByValue("node:total");
    page.waitText("#sku-title", "total");
    page.el("#reconciled-note");
    page.el(".chart-canvas canvas");
    List<String> reconciled = page.texts("#reconciled-table tbody tr td:nth-child(2)");
    JsonNode total = rec.path("nodes").get(0).path("reconciled").path("y_hat");
    assertThat(reconciled).hasSize(total.size());
    assertThat(Double.parseDouble(reconciled.get(0)))
        .isCloseTo(total.get(0).asDouble(), within(1e-3 * Math.abs(total.get(0).asDouble())));
    // the reconciled line is drawn in green
    Number greenish =
        (Number)
            browser.driver.executeScript(
                "const c = document.querySelector('.chart-canvas canvas');"
                    + "const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;"
                    + "let n = 0; for (let i = 0; i < d.length; i += 4) {"
                    + "  if (d[i + 3] > 0 && d[i + 1] > d[i] + 40 && d[i + 1] > d[i + 2] + 40) n++; }"
                    + "return n;");
    assertThat(greenish.longValue()).as("green pixels of the reconciled line").isGreaterThan(20);
    browser.shot("hierarchy-node-chart");

    page.go("#/queue");
    new Select(page.el("select[name=batch]")).selectByValue(batch);
    page.el("#queue-view-continuation");
    browser.wait.until(d ->
        page.el("#queue-view-continuation").getText().contains("reconciliation")
            && page.el("#queue-view-continuation").getText().contains("completed"));
  }
}
