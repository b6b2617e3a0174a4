package io.gridcast.forecast.hierarchy;

import static io.gridcast.forecast.hierarchy.HierarchyFixtures.number;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ShrinkageCovarianceTest {

  private static ShrinkageCovariance estimate(String caseName) {
    Map<String, double[]> res = HierarchyFixtures.residuals(caseName);
    return ShrinkageCovariance.estimate(
        new ArrayList<>(res.values()), new ArrayList<>(res.keySet()));
  }

  @ParameterizedTest
  @ValueSource(strings = {"nested", "crossed", "weak", "strong"})
  void intensity_matchesTheFormulaOfHtsShrinkEstim(String caseName) {
    Map<String, String> ref = HierarchyFixtures.row("shrinkage.csv", caseName);
    ShrinkageCovariance cov = estimate(caseName);
    assertThat(cov.rows()).isEqualTo(Integer.parseInt(ref.get("rows")));
    assertThat(cov.lambda()).isCloseTo(number(ref.get("lambda")), within(1e-12));
  }

  @Test
  void intensity_isLargeForWeakCorrelationAndSmallForACommonFactor() {
    assertThat(estimate("weak").lambda()).isGreaterThan(0.5);
    assertThat(estimate("strong").lambda()).isLessThan(0.1);
  }

  @ParameterizedTest
  @ValueSource(strings = {"nested", "crossed"})
  void sampleAndShrunkMatrices_matchR_onCompleteTimesOnly(String caseName) {
    Map<String, double[]> res = HierarchyFixtures.residuals(caseName);
    List<String> names = new ArrayList<>(res.keySet());
    ShrinkageCovariance cov = ShrinkageCovariance.estimate(new ArrayList<>(res.values()), names);
    double[][] w1 = cov.sample();
    double[][] w = cov.shrunk();
    int checked = 0;
    for (Map<String, String> row : HierarchyFixtures.read("covariance.csv")) {
      if (row.get("case").equals(caseName)) {
        int i = names.indexOf(row.get("row"));
        int j = names.indexOf(row.get("col"));
        double r1 = number(row.get("w1"));
        double r = number(row.get("w"));
        assertThat(w1[i][j]).isCloseTo(r1, within(1e-10 * Math.max(1, Math.abs(r1))));
        assertThat(w[i][j]).isCloseTo(r, within(1e-10 * Math.max(1, Math.abs(r))));
        checked++;
      }
    }
    assertThat(checked).isEqualTo(names.size() * names.size());
  }

  @Test
  void nodeWithoutResiduals_isNotUsable_namingTheNode() {
    assertThatThrownBy(() ->
            ShrinkageCovariance.estimate(
                List.of(new double[] {1, 2, 3, 4}, new double[0]), List.of("total", "a")))
        .isInstanceOf(CovarianceNotUsableException.class)
        .hasMessageContaining("node a has no in-sample residuals");
  }

  @Test
  void tooFewCompleteTimes_isNotUsable_sayingHowMany() {
    double nan = Double.NaN;
    assertThatThrownBy(() ->
            ShrinkageCovariance.estimate(
                List.of(new double[] {1, 2, 3, 4}, new double[] {nan, nan, 1, 2}),
                List.of("total", "a")))
        .isInstanceOf(CovarianceNotUsableException.class)
        .hasMessageContaining("only 2 of 4 times");
  }

  @Test
  void zeroResidualVariance_isNotUsable_namingTheNode() {
    assertThatThrownBy(() ->
            ShrinkageCovariance.estimate(
                List.of(new double[] {1, -2, 3, 4}, new double[] {0, 0, 0, 0}),
                List.of("total", "a")))
        .isInstanceOf(CovarianceNotUsableException.class)
        .hasMessageContaining("node a has mean squared residual 0.0");
  }

  @Test
  void residualsOfDifferentLengths_areAlignedAtTheirEnds() {
    ShrinkageCovariance aligned =
        ShrinkageCovariance.estimate(
            List.of(new double[] {9, 9, 1, -2, 3, 1}, new double[] {2, -1, 1, 2}),
            List.of("total", "a"));
    ShrinkageCovariance cut =
        ShrinkageCovariance.estimate(
            List.of(new double[] {1, -2, 3, 1}, new double[] {2, -1, 1, 2}), List.of("total", "a"));
    assertThat(aligned.rows()).isEqualTo(4);
    assertThat(aligned.sample()[0][1]).isEqualTo(cut.sample()[0][1]);
    assertThat(aligned.lambda()).isEqualTo(cut.lambda());
  }
}
