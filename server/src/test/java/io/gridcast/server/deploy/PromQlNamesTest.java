package io.gridcast.server.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PromQlNamesTest {

  @Test
  void names_leaveOutFunctionsLabelsRangesGroupingAndVariables() {
    assertThat(
            PromQlNames.of(
                "histogram_quantile(0.95, sum by (le, route) (rate(http_bucket{job=~\"$job\","
                    + "route!=\"/api/events\"}[$__rate_interval])))"))
        .containsExactly("http_bucket");
  }

  @Test
  void names_findEveryOperandOfBinaryOperators() {
    assertThat(
            PromQlNames.of(
                "sum by (instance) (rate(hits_total{result=\"hit\"}[5m])) / on (instance)"
                    + " sum(rate(lookups_total[5m])) > 0.5 and up == 1 or vector(1e3)"))
        .containsExactly("hits_total", "lookups_total", "up");
  }
}
