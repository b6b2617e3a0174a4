package io.gridcast.forecast.decompose;

import static io.gridcast.forecast.decompose.StlAgainstRTest.assertClose;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * MSTL against R's {@code mstl()} with its defaults (bench/r/stl_fixtures.R): trend, every seasonal
 * component and the remainder within 1e-6.
 */
class MstlAgainstRTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "h1_24_168, H1, 0, '24,168'",
    "hourly2_24_168, synth_hourly2, 0, '24,168'",
    "daily_7_365.25, synth_daily, 0, '7,365.25'",
    "h1_first300_24_168, H1, 300, '24,168'",
    "n1500_12, N1500, 0, '12'"
  })
  void decompose_matchesR_componentsWithinOneMillionth(
      String caseId, String seriesId, int length, String periods) {
    double[] all = DecomposeFixtures.series().get(seriesId);
    double[] y = length > 0 ? Arrays.copyOf(all, length) : all;
    double[] p = Arrays.stream(periods.split(",")).mapToDouble(Double::parseDouble).toArray();

    MstlDecomposition d = Mstl.of(p).decompose(y);

    assertClose(d.trend(), component(caseId, "Trend"), caseId + " trend");
    assertClose(d.remainder(), component(caseId, "Remainder"), caseId + " remainder");
    for (int i = 0; i < d.periods().length; i++) {
      String name = "Seasonal" + label(d.periods()[i]);
      assertClose(d.seasonal(i), component(caseId, name), caseId + " " + name);
    }
  }

  @Test
  void decompose_dropsPeriodsThatDoNotFitMoreThanTwice() {
    double[] y = Arrays.copyOf(DecomposeFixtures.series().get("H1"), 300);

    MstlDecomposition d = Mstl.of(168, 24).decompose(y);

    assertThat(d.periods()).containsExactly(24);
    assertThat(d.seasonals()).hasSize(1);
  }

  @Test
  void decompose_refusesASeriesWhereNoPeriodFits() {
    double[] y = Arrays.copyOf(DecomposeFixtures.series().get("H1"), 48);

    assertThatThrownBy(() -> Mstl.of(24, 168).decompose(y))
        .isInstanceOf(TooFewCyclesException.class)
        .hasMessageContaining("period 24.0")
        .hasMessageContaining("got 48");
  }

  @Test
  void adjusted_isTheSeriesWithoutItsSeasonalComponents() {
    double[] y = DecomposeFixtures.series().get("synth_hourly2");

    MstlDecomposition d = Mstl.of(24, 168).decompose(y);

    double[] adjusted = d.adjusted();
    for (int t = 0; t < y.length; t++) {
      assertThat(adjusted[t] + d.seasonal(0)[t] + d.seasonal(1)[t]).isCloseTo(y[t], within(1e-9));
    }
  }

  private static double[] component(String caseId, String name) {
    double[] v =
        DecomposeFixtures.column("mstl.csv", Map.of("case_id", caseId, "component", name), "value");
    assertThat(v).as("fixture %s %s", caseId, name).isNotEmpty();
    return v;
  }

  /** R's column label: the period rounded to 2 decimals, without trailing zeros. */
  private static String label(double period) {
    return period == Math.rint(period) ? String.valueOf((long) period) : String.valueOf(period);
  }
}
