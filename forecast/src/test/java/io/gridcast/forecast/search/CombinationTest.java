package io.gridcast.forecast.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.gridcast.forecast.model.Drift;
import io.gridcast.forecast.model.FittedModel;
import io.gridcast.forecast.model.Mean;
import io.gridcast.forecast.model.ModelFitException;
import io.gridcast.forecast.model.Naive;
import io.gridcast.forecast.search.TestSpecs.Constant;
import io.gridcast.forecast.search.TestSpecs.Failing;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class CombinationTest {
  private static final double[] Y = {1, 2, 3, 10};

  @Test
  void forecast_isTheMeanOfTheMembers() {
    FittedModel f = Combination.of(new Naive(), new Constant(4)).fit(Y, 1);
    assertThat(f.forecast(3)).containsExactly(7, 7, 7);
    assertThat(f.interval(3, 0.8)).isEmpty();
  }

  @Test
  void fitsOnThePrefixOnly() {
    assertThat(Combination.of(new Naive(), new Constant(0)).fit(Y, 3, 1).forecast(1))
        .containsExactly(1.5);
  }

  @Test
  void failingMember_isLeftOut_andAllFailing_isAFitError() {
    assertThat(Combination.of(new Failing(), new Constant(4)).fit(Y, 1).forecast(1))
        .containsExactly(4);
    assertThatThrownBy(() -> Combination.of(new Failing(), new Failing()).fit(Y, 1))
        .isInstanceOf(ModelFitException.class)
        .hasMessageContaining("always fails");
  }

  @Test
  void labelAndParameters_nameTheMembers() {
    Combination c = Combination.of(new Constant(1), new Naive(), new Constant(2));
    assertThat(c.label()).isEqualTo("combination(constant+naive+constant)");
    assertThat(c.parameters()).containsEntry("constant.c", 1.0).containsEntry("constant#2.c", 2.0);
    assertThat(SpecLabel.name(c)).isEqualTo(c.label());
    assertThat(SpecLabel.describe(new Constant(1))).isEqualTo("constant(c=1.0)");
  }

  @Test
  void median_takesTheMiddleForecast_orTheMeanOfTheTwoMiddleOnes() {
    FittedModel odd = Combination.median(new Naive(), new Constant(4), new Constant(100)).fit(Y, 1);
    assertThat(odd.forecast(2)).containsExactly(10, 10);
    FittedModel even =
        Combination.median(new Constant(1), new Constant(4), new Constant(100), new Naive())
            .fit(Y, 1);
    assertThat(even.forecast(1)).containsExactly(7);
    assertThat(odd.interval(2, 0.8)).isEmpty();
    assertThat(odd.spec()).isInstanceOf(Combination.class);
    assertThat(((Combination) odd.spec()).aggregation()).isEqualTo(Combination.Aggregation.MEDIAN);
  }

  @Test
  void median_isNamedAndLabelledApartFromTheMean() {
    Combination m = Combination.median(new Naive(), new Constant(1), new Constant(2));
    assertThat(m.name()).isEqualTo(Combination.MEDIAN_NAME);
    assertThat(m.label()).isEqualTo("median(naive,constant,constant)");
    assertThat(Combination.forName("median", m.members())).isEqualTo(m);
    assertThat(Combination.forName("combination", m.members()).aggregation())
        .isEqualTo(Combination.Aggregation.MEAN);
  }

  @Test
  void fittedValues_ofTheMean_areTheMeanOfTheMembers_NaNWhereOneHasNone() {
    double[] y = {3, 5, 4, 8, 7, 9};
    double[] naive = new Naive().fit(y, 1).fittedValues().orElseThrow();
    double[] mean = new Mean().fit(y, 1).fittedValues().orElseThrow();
    double[] drift = new Drift().fit(y, 1).fittedValues().orElseThrow();
    double[] got =
        Combination.of(new Naive(), new Mean(), new Drift()).fit(y, 1).fittedValues().orElseThrow();
    assertThat(got).hasSize(y.length);
    for (int t = 0; t < y.length; t++) {
      double want = (naive[t] + mean[t] + drift[t]) / 3;
      if (Double.isNaN(naive[t]) || Double.isNaN(mean[t]) || Double.isNaN(drift[t])) {
        assertThat(got[t]).as("step %d", t).isNaN();
      } else {
        assertThat(got[t]).as("step %d", t).isCloseTo(want, within(1e-12));
      }
    }
    assertThat(got[0]).isNaN();
    assertThat(got[y.length - 1]).isNotNaN();
  }

  @Test
  void fittedValues_ofTheMedian_areTheMiddleMembersValue() {
    double[] y = {3, 5, 4, 8, 7, 9, 2, 6};
    double[][] members = {
      new Naive().fit(y, 1).fittedValues().orElseThrow(),
      new Mean().fit(y, 1).fittedValues().orElseThrow(),
      new Drift().fit(y, 1).fittedValues().orElseThrow()
    };
    double[] got =
        Combination.median(new Naive(), new Mean(), new Drift())
            .fit(y, 1)
            .fittedValues()
            .orElseThrow();
    int checked = 0;
    for (int t = 0; t < y.length; t++) {
      double[] v = {members[0][t], members[1][t], members[2][t]};
      if (Double.isNaN(v[0]) || Double.isNaN(v[1]) || Double.isNaN(v[2])) {
        assertThat(got[t]).as("step %d", t).isNaN();
        continue;
      }
      Arrays.sort(v);
      assertThat(got[t]).as("step %d", t).isEqualTo(v[1]);
      checked++;
    }
    assertThat(checked).isGreaterThanOrEqualTo(y.length - 2);
  }

  @Test
  void fittedValues_areEmpty_whenAMemberDefinesNone() {
    assertThat(Combination.of(new Naive(), new Constant(4)).fit(Y, 1).fittedValues()).isEmpty();
  }

  @Test
  void fewerThanTwoMembers_isRejected() {
    assertThatThrownBy(() -> Combination.of(new Naive())).hasMessageContaining("at least 2");
  }
}
