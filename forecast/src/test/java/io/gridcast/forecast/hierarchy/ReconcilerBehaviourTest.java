package io.gridcast.forecast.hierarchy;

import static io.gridcast.forecast.hierarchy.HierarchyFixtures.number;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.gridcast.forecast.model.NormalQuantile;
import io.gridcast.forecast.model.PredictionInterval;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReconcilerBehaviourTest {

  private static double[] rFixture(String caseName, String method, String node) {
    double[] out = new double[3];
    for (Map<String, String> row : HierarchyFixtures.read("reconciled.csv")) {
      if (row.get("case").equals(caseName)
          && row.get("method").equals(method)
          && row.get("node").equals(node)) {
        out[Integer.parseInt(row.get("step")) - 1] = number(row.get("mean"));
      }
    }
    return out;
  }

  @Test
  void defaultIsMinTShrink() {
    Hierarchy h = HierarchyFixtures.hierarchy("crossed");
    Reconciliation r =
        Reconciler.builder(h).build().reconcile(HierarchyFixtures.base("crossed", h));
    assertThat(r.requested()).isEqualTo(ReconciliationMethod.MINT_SHRINK);
    assertThat(r.used()).isEqualTo(ReconciliationMethod.MINT_SHRINK);
    assertThat(r.shrinkageIntensity().orElseThrow())
        .isCloseTo(
            number(HierarchyFixtures.row("shrinkage.csv", "crossed").get("lambda")), within(1e-12));
    assertThat(r.residualRows()).isEqualTo(38);
  }

  @Test
  void minT_fallsBackToStructuralWls_whenANodeHasNoResiduals_sayingWhich() {
    Hierarchy h = HierarchyFixtures.hierarchy("crossed");
    List<BaseForecast> base = new ArrayList<>(HierarchyFixtures.base("crossed", h));
    int node = h.node("state=B*purpose=Hol").orElseThrow().index();
    BaseForecast b = base.get(node);
    base.set(node, BaseForecast.of(b.mean()).withStandardError(b.standardError()));
    Reconciliation r = Reconciler.builder(h).build().reconcile(base);
    assertThat(r.used()).isEqualTo(ReconciliationMethod.WLS_STRUCTURAL);
    assertThat(r.fallbackReason().orElseThrow())
        .isEqualTo(
            "mint_shrink not usable (node state=B*purpose=Hol has no in-sample residuals);"
                + " reconciled by wls_structural instead");
    assertThat(r.shrinkageIntensity()).isEmpty();
    for (int i = 0; i < h.size(); i++) {
      double[] expected = rFixture("crossed", "wls_structural", h.node(i).name());
      for (int s = 0; s < 3; s++) {
        assertThat(r.mean(i)[s]).isCloseTo(expected[s], within(1e-8 * Math.abs(expected[s])));
      }
    }
  }

  @Test
  void varianceScaledWls_fallsBackToo_whenTooFewTimesAreComplete() {
    Hierarchy h = HierarchyFixtures.hierarchy("nested");
    List<BaseForecast> base = new ArrayList<>();
    for (BaseForecast b : HierarchyFixtures.base("nested", h)) {
      base.add(BaseForecast.of(b.mean()).withResiduals(1.0, -2.0));
    }
    Reconciliation r =
        Reconciler.builder(h).method(ReconciliationMethod.WLS_VARIANCE).build().reconcile(base);
    assertThat(r.used()).isEqualTo(ReconciliationMethod.WLS_STRUCTURAL);
    assertThat(r.fallbackReason().orElseThrow())
        .contains("only 2 of 2 times have a residual for every node, fewer than 3");
  }

  @Test
  void methodsWithoutResiduals_ignoreMissingResiduals_andGiveNoIntervalWithoutStandardErrors() {
    Hierarchy h = HierarchyFixtures.hierarchy("nested");
    List<BaseForecast> base = new ArrayList<>();
    for (BaseForecast b : HierarchyFixtures.base("nested", h)) {
      base.add(BaseForecast.of(b.mean()));
    }
    Reconciliation r =
        Reconciler.builder(h).method(ReconciliationMethod.OLS).build().reconcile(base);
    assertThat(r.used()).isEqualTo(ReconciliationMethod.OLS);
    assertThat(r.fallbackReason()).isEmpty();
    assertThat(r.standardError(0)).isEmpty();
    assertThat(r.interval(0, 0.8)).isEmpty();
    double[] expected = rFixture("nested", "ols", "total");
    assertThat(r.mean(0)[1]).isCloseTo(expected[1], within(1e-8 * expected[1]));
  }

  @Test
  void interval_isTheMeanPlusMinusZTimesTheReconciledStandardError() {
    Hierarchy h = HierarchyFixtures.hierarchy("nested");
    Reconciliation r = Reconciler.builder(h).build().reconcile(HierarchyFixtures.base("nested", h));
    PredictionInterval pi = r.interval(2, 0.95).orElseThrow();
    double z = NormalQuantile.twoSided(0.95);
    double se = r.standardError(2).orElseThrow()[1];
    assertThat(pi.upper()[1] - r.mean(2)[1]).isCloseTo(z * se, within(1e-9));
    assertThat(r.mean(2)[1] - pi.lower()[1]).isCloseTo(z * se, within(1e-9));
  }

  @Test
  void nonNegative_setsNegativeBottomForecastsToZero_andStaysCoherent() {
    Hierarchy h = HierarchyFixtures.hierarchy("nested");
    List<BaseForecast> base = new ArrayList<>();
    for (Node node : h.nodes()) {
      // store N1 forecast far below zero, every other node positive
      double v =
          node.name().equals("region=North/store=N1") ? -50 : 10 * h.summing().count(node.index());
      base.add(BaseForecast.of(v, v).withStandardError(5, 6));
    }
    Reconciliation plain =
        Reconciler.builder(h).method(ReconciliationMethod.OLS).build().reconcile(base);
    Reconciliation clipped =
        Reconciler.builder(h)
            .method(ReconciliationMethod.OLS)
            .nonNegative(true)
            .build()
            .reconcile(base);
    int n1 = h.node("region=North/store=N1").orElseThrow().index();
    assertThat(plain.mean(n1)[0]).isNegative();
    assertThat(clipped.mean(n1)[0]).isZero();
    assertThat(clipped.negativesSetToZero()).isEqualTo(2);
    int north = h.node("region=North").orElseThrow().index();
    double sum = 0;
    for (int b : h.summing().row(north)) {
      sum += clipped.mean(h.aggregateCount() + b)[0];
    }
    assertThat(clipped.mean(north)[0]).isCloseTo(sum, within(1e-12 * sum));
    assertThat(clipped.interval(n1, 0.95).orElseThrow().lower()[0]).isZero();
  }

  @Test
  void topDown_splitsEquallyAmongChildrenWhoseForecastsSumToZero() {
    Hierarchy h = HierarchyFixtures.hierarchy("nested");
    List<BaseForecast> base = new ArrayList<>();
    for (Node node : h.nodes()) {
      double v =
          node.name().equals("total") ? 90 : node.name().startsWith("region=South/") ? 0 : 30;
      base.add(BaseForecast.of(v));
    }
    Reconciliation r =
        Reconciler.builder(h)
            .method(ReconciliationMethod.TOP_DOWN_FORECAST_PROPORTIONS)
            .build()
            .reconcile(base);
    // total 90 split North:South = 30:30, North's 45 by 30:30:30, South's 45 equally
    assertThat(r.mean(h.node("region=North/store=N2").orElseThrow().index())[0])
        .isCloseTo(15, within(1e-12));
    assertThat(r.mean(h.node("region=South/store=S1").orElseThrow().index())[0])
        .isCloseTo(22.5, within(1e-12));
  }

  @Test
  void topDown_withoutDuplicateNodes_equalsTopDownWithDuplicatesThatForecastLikeTheirCopies() {
    Hierarchy keep = HierarchyFixtures.hierarchy("crossed");
    Hierarchy drop =
        Hierarchy.of(
            HierarchySpec.parse(HierarchyFixtures.DECLARATIONS.get("crossed")),
            HierarchyFixtures.keys("crossed"),
            DuplicateNodes.DROP);
    assertThat(drop.size()).isEqualTo(keep.size() - 3); // state B and its two purposes
    List<BaseForecast> all = HierarchyFixtures.base("crossed", keep);
    List<BaseForecast> keepBase = new ArrayList<>(all);
    for (String[] copy :
        List.of(
            new String[] {"state=B", "state=B/region=b1"},
            new String[] {"state=B*purpose=Bus", "state=B/region=b1*purpose=Bus"},
            new String[] {"state=B*purpose=Hol", "state=B/region=b1*purpose=Hol"})) {
      keepBase.set(
          keep.node(copy[0]).orElseThrow().index(),
          all.get(keep.node(copy[1]).orElseThrow().index()));
    }
    List<BaseForecast> dropBase = new ArrayList<>();
    for (Node node : drop.nodes()) {
      dropBase.add(all.get(keep.node(node.name()).orElseThrow().index()));
    }
    ReconciliationMethod td = ReconciliationMethod.TOP_DOWN_FORECAST_PROPORTIONS;
    Reconciliation a = Reconciler.builder(keep).method(td).build().reconcile(keepBase);
    Reconciliation b = Reconciler.builder(drop).method(td).build().reconcile(dropBase);
    for (Node node : drop.nodes()) {
      int i = keep.node(node.name()).orElseThrow().index();
      for (int s = 0; s < 3; s++) {
        assertThat(b.mean(node.index())[s])
            .as(node.name())
            .isCloseTo(a.mean(i)[s], within(1e-9 * Math.abs(a.mean(i)[s])));
      }
    }
  }

  @Test
  void badBaseForecasts_areRefused_namingTheNode() {
    Hierarchy h = HierarchyFixtures.hierarchy("nested");
    Reconciler r = Reconciler.builder(h).build();
    List<BaseForecast> base = new ArrayList<>();
    for (int i = 0; i < h.size(); i++) {
      base.add(BaseForecast.of(1, 2));
    }
    assertThatThrownBy(() -> r.reconcile(base.subList(0, 3)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("expected one base forecast per node (8), got 3");
    base.set(4, BaseForecast.of(1, Double.NaN));
    assertThatThrownBy(() -> r.reconcile(base))
        .hasMessageContaining(
            "node region=North/store=N2 has a non-finite base forecast at step 2");
    base.set(4, BaseForecast.of(1));
    assertThatThrownBy(() -> r.reconcile(base))
        .hasMessageContaining("node region=North/store=N2 has 1 steps, node total has 2");
  }

  @Test
  void methodNames_readBackAndUnknownOnesAreRefused() {
    for (ReconciliationMethod m : ReconciliationMethod.values()) {
      assertThat(ReconciliationMethod.of(m.label().toUpperCase())).isEqualTo(m);
    }
    assertThatThrownBy(() -> ReconciliationMethod.of("mint"))
        .hasMessageContaining("unknown reconciliation method 'mint'; known: [bottom_up");
  }
}
