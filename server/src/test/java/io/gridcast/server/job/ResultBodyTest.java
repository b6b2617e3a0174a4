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
            "fallback_reason");
    assertThat(fields(n.get("forecast")))
        .containsExactly("ds", "y_hat", "lo_80", "hi_80", "lo_95", "hi_95");
    assertThat(n.get("forecast").get("ds")).hasSize(3);
    assertThat(fields(n.get("spec"))).containsExactly("name", "parameters");
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
