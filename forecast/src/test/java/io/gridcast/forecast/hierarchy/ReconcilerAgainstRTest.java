package io.gridcast.forecast.hierarchy;

import static io.gridcast.forecast.hierarchy.HierarchyFixtures.number;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every method on a nested and a crossed hierarchy against the matrix algebra written out in R
 * ({@code bench/r/reconcile_fixtures.R}): projection matrices, reconciled forecasts and standard
 * errors within 1e-8, and coherence of the reconciled forecasts to 1e-9 relative.
 */
class ReconcilerAgainstRTest {

  static Stream<Arguments> cases() {
    List<Arguments> out = new ArrayList<>();
    for (String c : List.of("nested", "crossed")) {
      for (ReconciliationMethod m : ReconciliationMethod.values()) {
        out.add(Arguments.of(c, m));
      }
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("cases")
  void projection_matchesR(String caseName, ReconciliationMethod method) {
    Hierarchy h = HierarchyFixtures.hierarchy(caseName);
    List<BaseForecast> base = HierarchyFixtures.base(caseName, h);
    Reconciler r = Reconciler.builder(h).method(method).build();
    Reconciler.Plan plan = r.plan(base);
    assertThat(plan.used()).isEqualTo(method);
    int checked = 0;
    for (Map<String, String> row : HierarchyFixtures.read("projection.csv")) {
      if (!row.get("case").equals(caseName) || !row.get("method").equals(method.label())) {
        continue;
      }
      int step = Integer.parseInt(row.get("step")) - 1;
      double[] yhat = new double[h.size()];
      for (int i = 0; i < h.size(); i++) {
        yhat[i] = base.get(i).meanAt(step);
      }
      double[][] p = plan.projection(h, yhat);
      int b = h.node(row.get("bottom")).orElseThrow().index() - h.aggregateCount();
      int i = h.node(row.get("node")).orElseThrow().index();
      assertThat(p[b][i])
          .as("P[%s, %s] step %d", row.get("bottom"), row.get("node"), step + 1)
          .isCloseTo(number(row.get("value")), within(1e-8));
      checked++;
    }
    assertThat(checked).isEqualTo(3 * h.bottomCount() * h.size());
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("cases")
  void reconciledForecastsAndStandardErrors_matchR(String caseName, ReconciliationMethod method) {
    Hierarchy h = HierarchyFixtures.hierarchy(caseName);
    Reconciliation rec =
        Reconciler.builder(h).method(method).build().reconcile(HierarchyFixtures.base(caseName, h));
    int checked = 0;
    for (Map<String, String> row : HierarchyFixtures.read("reconciled.csv")) {
      if (!row.get("case").equals(caseName) || !row.get("method").equals(method.label())) {
        continue;
      }
      int i = h.node(row.get("node")).orElseThrow().index();
      int step = Integer.parseInt(row.get("step")) - 1;
      double mean = number(row.get("mean"));
      double se = number(row.get("se"));
      assertThat(rec.mean(i)[step])
          .as("mean %s step %d", row.get("node"), step + 1)
          .isCloseTo(mean, within(1e-8 * Math.max(1, Math.abs(mean))));
      assertThat(rec.standardError(i).orElseThrow()[step])
          .as("se %s step %d", row.get("node"), step + 1)
          .isCloseTo(se, within(1e-8 * Math.max(1, se)));
      checked++;
    }
    assertThat(checked).isEqualTo(3 * h.size());
    assertThat(rec.fallbackReason()).isEmpty();
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("cases")
  void reconciledForecasts_areCoherentAtEveryNode(String caseName, ReconciliationMethod method) {
    Hierarchy h = HierarchyFixtures.hierarchy(caseName);
    Reconciliation rec =
        Reconciler.builder(h).method(method).build().reconcile(HierarchyFixtures.base(caseName, h));
    SummingMatrix s = h.summing();
    for (int i = 0; i < h.size(); i++) {
      for (int step = 0; step < rec.horizon(); step++) {
        double sum = 0;
        for (int b : s.row(i)) {
          sum += rec.mean(h.aggregateCount() + b)[step];
        }
        assertThat(rec.mean(i)[step])
            .as("%s step %d", h.node(i).name(), step + 1)
            .isCloseTo(sum, within(1e-9 * Math.abs(sum)));
      }
    }
  }
}
