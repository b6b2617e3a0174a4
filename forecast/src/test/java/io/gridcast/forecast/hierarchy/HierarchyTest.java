package io.gridcast.forecast.hierarchy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HierarchyTest {
  private static final HierarchySpec TOURISM_LIKE =
      HierarchySpec.parse("state/zone/region*purpose");

  private static BottomKey key(String state, String zone, String region, String purpose) {
    return new BottomKey(
        region + purpose,
        Map.of("state", state, "zone", zone, "region", region, "purpose", purpose));
  }

  /** 2 states, 3 zones, 4 regions, 2 purposes: 8 bottom series. */
  private static List<BottomKey> keys() {
    List<BottomKey> out = new ArrayList<>();
    for (String p : List.of("Hol", "Bus")) {
      out.add(key("A", "AA", "AAA", p));
      out.add(key("A", "AA", "AAB", p));
      out.add(key("A", "AB", "ABA", p));
      out.add(key("B", "BA", "BAA", p));
    }
    return out;
  }

  @Test
  void levels_areTheProductOfTheFactorsDepths_totalFirstBottomLast() {
    Hierarchy h = Hierarchy.of(TOURISM_LIKE, keys());
    assertThat(h.levels().stream().map(Level::name))
        .containsExactly(
            "total",
            "state",
            "zone",
            "region",
            "purpose",
            "state*purpose",
            "zone*purpose",
            "region*purpose");
    assertThat(h.levels().stream().map(Level::nodeCount)).containsExactly(1, 2, 3, 4, 2, 4, 6, 8);
    assertThat(h.size()).isEqualTo(30);
    assertThat(h.bottomCount()).isEqualTo(8);
    assertThat(h.aggregateCount()).isEqualTo(22);
  }

  @Test
  void nodeNames_spellThePathOfEachFactor() {
    Hierarchy h = Hierarchy.of(TOURISM_LIKE, keys());
    assertThat(h.node(0).name()).isEqualTo("total");
    assertThat(h.level("zone*purpose").orElseThrow().firstNode())
        .isEqualTo(h.node("state=A/zone=AA*purpose=Bus").orElseThrow().index());
    Node bottom = h.bottomNode("AAAHol").orElseThrow();
    assertThat(bottom.name()).isEqualTo("state=A/zone=AA/region=AAA*purpose=Hol");
    assertThat(bottom.keys())
        .containsExactly(
            Map.entry("state", "A"),
            Map.entry("zone", "AA"),
            Map.entry("region", "AAA"),
            Map.entry("purpose", "Hol"));
    assertThat(h.levelOf(bottom.index()).name()).isEqualTo("region*purpose");
    assertThat(h.node("state=B*purpose=Hol").orElseThrow().isBottom()).isFalse();
  }

  @Test
  void summingMatrix_rowsAreTheBottomSeriesEachNodeAdds() {
    Hierarchy h = Hierarchy.of(TOURISM_LIKE, keys());
    SummingMatrix s = h.summing();
    assertThat(s.count(0)).isEqualTo(8);
    int zoneAaHol = h.node("state=A/zone=AA*purpose=Hol").orElseThrow().index();
    List<String> ids = new ArrayList<>();
    for (int b : s.row(zoneAaHol)) {
      ids.add(h.node(h.aggregateCount() + b).seriesId().orElseThrow());
    }
    assertThat(ids).containsExactlyInAnyOrder("AAAHol", "AABHol");
    assertThat(s.nonZeros()).isEqualTo(8 * 8);
    double[][] dense = s.toDense();
    for (int b = 0; b < 8; b++) {
      assertThat(dense[h.aggregateCount() + b][b]).isEqualTo(1);
    }
  }

  @Test
  void order_dependsOnTheKeysNotOnTheUploadOrder() {
    List<BottomKey> shuffled = new ArrayList<>(keys());
    Collections.reverse(shuffled);
    Hierarchy a = Hierarchy.of(TOURISM_LIKE, keys());
    Hierarchy b = Hierarchy.of(TOURISM_LIKE, shuffled);
    assertThat(b.nodes().stream().map(Node::name).toList())
        .isEqualTo(a.nodes().stream().map(Node::name).toList());
  }

  @Test
  void aggregate_sumsTheBottomSeriesAtEveryTime_compensatingCancellation() {
    Hierarchy h = Hierarchy.of(TOURISM_LIKE, keys());
    double[] big = {1e16, 1, -1e16, 1, 1e16, 1, -1e16, 1}; // plain left-to-right sum: 1
    Map<String, double[]> values = new LinkedHashMap<>();
    for (int j = 0; j < h.bottomCount(); j++) {
      String id = h.node(h.aggregateCount() + j).seriesId().orElseThrow();
      values.put(id, new double[] {j + 1, 0.1 * (j + 1), big[j]});
    }
    double[][] all = h.aggregate(values);
    assertThat(all[0][0]).isEqualTo(36);
    assertThat(all[0][1]).isEqualTo(3.6);
    assertThat(all[0][2]).isEqualTo(4);
    for (int i = 0; i < h.size(); i++) {
      double sum = 0;
      for (int b : h.summing().row(i)) {
        sum += b + 1;
      }
      assertThat(all[i][0]).as(h.node(i).name()).isEqualTo(sum);
    }
  }

  @Test
  void aggregate_refusesAMissingSeriesOrUnequalLengths() {
    Hierarchy h = Hierarchy.of(TOURISM_LIKE, keys());
    Map<String, double[]> values = new LinkedHashMap<>();
    for (BottomKey b : keys()) {
      values.put(b.seriesId(), new double[] {1, 2});
    }
    values.put("ABABus", new double[] {1});
    assertThatThrownBy(() -> h.aggregate(values))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'ABABus' has 1 values");
    values.remove("ABABus");
    assertThatThrownBy(() -> h.aggregate(values))
        .hasMessageContaining("no values for bottom series 'ABABus'");
  }

  @Test
  void aRegionUnderTwoStates_isRefused_namingTheKeysAndASeriesOnEachSide() {
    List<BottomKey> keys = new ArrayList<>(keys());
    keys.add(
        new BottomKey(
            "AAAOth", Map.of("state", "B", "zone", "BA", "region", "AAA", "purpose", "Oth")));
    NestingConflictException e =
        catchThrowableOfType(
            NestingConflictException.class, () -> Hierarchy.of(TOURISM_LIKE, keys));
    assertThat(e.conflicts())
        .extracting(NestingConflictException.Conflict::toString)
        .containsExactly(
            "region=AAA is under zone=AA (series AAAHol) and under zone=BA (series AAAOth)");
    assertThat(e)
        .hasMessageContaining("'state/zone/region*purpose' (1 conflict)")
        .hasMessageContaining("region=AAA is under zone=AA (series AAAHol)");
  }

  @Test
  void aZoneUnderTwoStates_isReportedOncePerParentPair() {
    List<BottomKey> keys = new ArrayList<>(keys());
    keys.add(key("B", "AB", "ABX", "Hol"));
    keys.add(key("B", "AB", "ABX", "Bus"));
    NestingConflictException e =
        catchThrowableOfType(
            NestingConflictException.class, () -> Hierarchy.of(TOURISM_LIKE, keys));
    assertThat(e.conflicts()).hasSize(1);
    assertThat(e.conflicts().get(0).column()).isEqualTo("zone");
    assertThat(e.conflicts().get(0).secondSeriesId()).isEqualTo("ABXHol");
  }

  @Test
  void missingOrBlankKeys_areRefused_namingTheSeries() {
    List<BottomKey> keys = new ArrayList<>(keys());
    keys.add(new BottomKey("x1", Map.of("state", "A", "zone", "AA", "region", " ")));
    HierarchyKeyException e =
        catchThrowableOfType(HierarchyKeyException.class, () -> Hierarchy.of(TOURISM_LIKE, keys));
    assertThat(e)
        .hasMessageContaining("series x1 has a blank region")
        .hasMessageContaining("series x1 has no key 'purpose'");
    assertThat(e.seriesIds()).containsExactly("x1");
  }

  @Test
  void twoSeriesWithTheSameKeys_areRefused_namingBoth() {
    List<BottomKey> keys = new ArrayList<>(keys());
    keys.add(new BottomKey("copy", keys.get(0).keys()));
    HierarchyKeyException e =
        catchThrowableOfType(HierarchyKeyException.class, () -> Hierarchy.of(TOURISM_LIKE, keys));
    assertThat(e).hasMessageContaining("series AAAHol and copy have the same keys");
    assertThat(e.seriesIds()).containsExactly("AAAHol", "copy");
  }

  @Test
  void valuesWithStructuralCharacters_areEscapedInNodeNames() {
    Hierarchy h =
        Hierarchy.of(
            HierarchySpec.parse("region/store"),
            List.of(
                new BottomKey("s1", Map.of("region", "N/E", "store", "a*b=c%")),
                new BottomKey("s2", Map.of("region", "N/E", "store", "d"))));
    assertThat(h.bottomNode("s1").orElseThrow().name())
        .isEqualTo("region=N%2FE/store=a%2Ab%3Dc%25");
    assertThat(h.bottomNode("s1").orElseThrow().keys()).containsEntry("store", "a*b=c%");
  }

  @Test
  void droppingDuplicates_leavesOutAggregatesThatEqualADeeperNode() {
    Hierarchy h = Hierarchy.of(TOURISM_LIKE, keys(), DuplicateNodes.DROP);
    // zone AB has the single region ABA; state B the single zone BA with the single region BAA
    assertThat(h.levels().stream().map(Level::nodeCount)).containsExactly(1, 1, 1, 4, 2, 2, 2, 8);
    assertThat(h.node("state=A/zone=AB")).isEmpty();
    assertThat(h.node("state=B")).isEmpty();
    assertThat(h.node("state=B/zone=BA*purpose=Hol")).isEmpty();
    assertThat(h.node("state=A/zone=AB/region=ABA")).isPresent();
    assertThat(h.node("state=A/zone=AA*purpose=Hol")).isPresent();
    assertThat(h.size()).isEqualTo(21);
    for (Node node : h.nodes()) {
      assertThat(h.levelOf(node.index()).contains(node.index())).isTrue();
    }
  }

  @Test
  void droppingDuplicates_removesALevelThatIsACopyOfADeeperOne() {
    List<BottomKey> keys =
        List.of(
            new BottomKey("x", Map.of("region", "N", "store", "n1")),
            new BottomKey("y", Map.of("region", "S", "store", "s1")));
    Hierarchy h = Hierarchy.of(HierarchySpec.parse("region/store"), keys, DuplicateNodes.DROP);
    assertThat(h.levels().stream().map(Level::name)).containsExactly("total", "store");
    assertThat(h.topDownChain().stream().map(Level::name)).containsExactly("total", "store");
  }

  @Test
  void topDownChain_descendsTheFirstFactorThenCrossesTheNext() {
    Hierarchy h = Hierarchy.of(TOURISM_LIKE, keys());
    assertThat(h.topDownChain().stream().map(Level::name))
        .containsExactly("total", "state", "zone", "region", "region*purpose");
  }
}
