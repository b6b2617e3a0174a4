package io.gridcast.server.job;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gridcast.forecast.model.ModelSpec;
import io.gridcast.forecast.registry.ModelRegistry;
import io.gridcast.forecast.search.CandidateSet;
import io.gridcast.forecast.search.Combination;
import io.gridcast.forecast.search.GridOptimizer;
import io.gridcast.forecast.search.OptimizationResult;
import io.gridcast.forecast.series.Series;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The stored JSON of one SKU's result: its fields, their order, and the spec read back. */
class ResultBodyTest {
  private static final ModelRegistry REGISTRY = ModelRegistry.standard();

  private static ResultBody searched() {
    double[] y = new double[36];
    for (int t = 0; t < y.length; t++) {
      y[t] = 100 + t + 10 * Math.sin(2 * Math.PI * t / 12);
    }
    Series s = Series.of("SKU-1", 12, y);
    ModelSpec ses = REGISTRY.create("ses", Map.of("alpha", 0.4));
    OptimizationResult r =
        GridOptimizer.builder()
            .horizon(3)
            .parallelism(1)
            .build()
            .optimize(s, CandidateSet.of(List.of(ses)));
    return ResultBody.of(s, r);
  }

  private static List<String> fields(JsonNode n) {
    List<String> names = new ArrayList<>();
    n.fieldNames().forEachRemaining(names::add);
    return names;
  }

  @Test
  void anOptimizationBody_writesItsFieldsInTheirOrder_andNoRescoringFields() throws Exception {
    JsonNode n = JobJson.MAPPER.readTree(JobJson.write(searched()));
    assertThat(fields(n))
        .containsExactly(
            "sku",
            "frequency",
            "seasonal_periods",
            "model",
            "parameters",
            "spec",
            "fitted_parameters",
            "metric",
            "score",
            "folds",
            "cv_scores",
            "forecast",
            "interval_method",
            "fallback",
            "covariates",
            "residuals");
    assertThat(n.get("frequency").asText()).isEqualTo("index");
    assertThat(n.get("covariates").isObject() && n.get("covariates").isEmpty())
        .as("written, empty, when the chosen model used no covariates")
        .isTrue();
    assertThat(n.get("fallback").isNull())
        .as("written, as null, when the search did not fall back")
        .isTrue();
    assertThat(fields(n.get("forecast")))
        .containsExactly("ds", "y_hat", "lo_80", "hi_80", "lo_95", "hi_95");
    assertThat(n.get("forecast").get("ds")).hasSize(3);
    assertThat(fields(n.get("spec"))).containsExactly("name", "parameters");
  }

  @Test
  void theRequestedLevels_giveOneLoHiPairEach_ascending() throws Exception {
    Series s = Series.of("SKU-1", 1, 10, 12, 11, 13, 12, 14, 13, 15, 14, 16);
    OptimizationResult r =
        GridOptimizer.builder()
            .horizon(2)
            .levels(99, 50, 97.5)
            .parallelism(1)
            .build()
            .optimize(s, CandidateSet.of(List.of(REGISTRY.create("naive", Map.of()))));
    JsonNode f = JobJson.MAPPER.readTree(JobJson.write(ResultBody.of(s, r))).get("forecast");
    assertThat(fields(f))
        .containsExactly("ds", "y_hat", "lo_50", "hi_50", "lo_97.5", "hi_97.5", "lo_99", "hi_99");
    assertThat(f.get("lo_99").get(1).asDouble()).isLessThan(f.get("lo_50").get(1).asDouble());
  }

  @Test
  void aShortSeries_saysItFellBack_withTheTypedCauseAndTheReason() throws Exception {
    Series s = Series.of("TINY", 1, 4, 5);
    OptimizationResult r =
        GridOptimizer.builder()
            .horizon(2)
            .parallelism(1)
            .build()
            .optimize(s, CandidateSet.of(List.of(REGISTRY.create("ses", Map.of()))));
    JsonNode fallback = JobJson.MAPPER.readTree(JobJson.write(ResultBody.of(s, r))).get("fallback");
    assertThat(fallback.get("cause").asText()).isEqualTo("short_series");
    assertThat(fallback.get("reason").asText()).isNotBlank();
  }

  @Test
  void aRescoredBody_addsPreviousScoreThresholdAndFlaggedLast_evenANullPreviousScore()
      throws Exception {
    ResultBody body = searched().rescored(new ResultBody.Rescore(null, 0.2, false));
    JsonNode n = JobJson.MAPPER.readTree(JobJson.write(body));
    List<String> names = fields(n);
    assertThat(names.subList(names.size() - 3, names.size()))
        .containsExactly("previous_score", "threshold", "flagged");
    assertThat(n.get("previous_score").isNull()).isTrue();
    assertThat(n.get("threshold").asDouble()).isEqualTo(0.2);
  }

  @Test
  void theComputation_dropsOnlyTheAskersSkuAndDates() throws Exception {
    JsonNode full = JobJson.MAPPER.readTree(JobJson.write(searched()));
    JsonNode computation = JobJson.MAPPER.readTree(JobJson.write(searched().computation()));
    ((ObjectNode) full).remove("sku");
    ((ObjectNode) full.get("forecast")).remove("ds");
    assertThat(computation).isEqualTo(full);
  }

  @Test
  void theStoredSpec_rebuildsACombinationThroughTheRegistry() {
    ModelSpec combination =
        new Combination(
            List.of(
                REGISTRY.create("ses", Map.of("alpha", 0.3)), REGISTRY.create("naive", Map.of())));
    String json =
        JobJson.write(new ResultBody.StoredModel("combination", ResultBody.Spec.of(combination)));
    ResultBody.StoredModel read = JobJson.read(json, ResultBody.StoredModel.class);
    assertThat(read.spec().build(REGISTRY)).isEqualTo(combination);
  }
}
