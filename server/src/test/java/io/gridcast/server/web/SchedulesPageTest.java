package io.gridcast.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.gridcast.server.auth.UserRole;
import io.gridcast.server.it.Http;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.Select;

/**
 * The Schedules view in a real browser: a schedule created from the form is listed with the next
 * fire time the server computed, and its button pauses and resumes it.
 */
class SchedulesPageTest extends ServedPage {
  private static final DateTimeFormatter SHOWN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  @Test
  void createdSchedule_isListedWithItsNextFireTime_andPausesAndResumes() {
    Http user = Seeds.user(server, UserRole.USER);
    Seeds.dataset(user, "store-sales", Seeds.monthlyCsv(List.of("A", "B")));
    page.signIn(user, "#/schedules");

    page.type("input[name=schedule-name]", "morning refit");
    page.type("input[name=schedule-cron]", "0 6 * * *");
    page.type("input[name=schedule-zone]", "UTC");
    page.el("select[name=schedule-dataset] option[value=store-sales]");
    new Select(page.el("select[name=schedule-dataset]")).selectByValue("store-sales");
    new Select(page.el("select[name=schedule-type]")).selectByValue("validation");
    page.type("textarea[name=schedule-options]", "{\"horizon\": 6}");
    page.el("#schedule-create").click();

    page.el("#schedules td.next-fire");
    JsonNode listed = user.get("/api/schedules").json().path("schedules");
    assertThat(listed).hasSize(1);
    Instant next = Instant.parse(listed.get(0).path("next_fire_at").asText());
    assertThat(next.atZone(ZoneOffset.UTC).getHour()).isEqualTo(6);
    assertThat(listed.get(0).path("options").path("horizon").asInt()).isEqualTo(6);
    page.waitText("#schedules td.next-fire", SHOWN.format(next));
    assertThat(page.texts("#schedules td.last-fire")).containsExactly("–");

    page.el("#schedules button").click();
    page.waitText("#schedules td.next-fire", "paused");
    assertThat(
            user.get("/api/schedules").json().path("schedules").get(0).path("paused").asBoolean())
        .isTrue();

    page.el("#schedules button").click();
    page.waitText("#schedules td.next-fire", SHOWN.format(next));
  }

  @Test
  void badCron_isRefusedOnThePage_namingTheField() {
    Http user = Seeds.user(server, UserRole.USER);
    Seeds.dataset(user, "store-sales", Seeds.monthlyCsv(List.of("A")));
    page.signIn(user, "#/schedules");
    page.type("input[name=schedule-name]", "broken");
    page.type("input[name=schedule-cron]", "every morning");
    page.el("select[name=schedule-dataset] option[value=store-sales]");
    new Select(page.el("select[name=schedule-dataset]")).selectByValue("store-sales");
    page.el("#schedule-create").click();
    assertThat(page.el("form[aria-label='New schedule'] .error-text").getText())
        .startsWith("cron: ");
    assertThat(user.get("/api/schedules").json().path("schedules")).isEmpty();
  }
}
