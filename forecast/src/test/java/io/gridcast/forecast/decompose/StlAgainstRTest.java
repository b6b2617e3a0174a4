package io.gridcast.forecast.decompose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.gridcast.forecast.decompose.DecomposeFixtures.StlCase;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * STL against R's {@code stl()} (bench/r/stl_fixtures.R): periodic and numeric seasonal windows,
 * robust and not, periods 4, 12, 24, 168 and 365.25, default and explicit windows, degrees and
 * jumps. Every component and weight within 1e-6; the resolved settings equal R's.
 */
class StlAgainstRTest {
  private static final double TOLERANCE = 1e-6;

  static List<StlCase> cases() {
    return DecomposeFixtures.stlCases();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void decompose_matchesR_componentsWithinOneMillionth(StlCase c) {
    double[] y = DecomposeFixtures.series().get(c.get("series_id"));
    StlDecomposition d = stl(c).decompose(y);

    String id = c.get("case_id");
    assertClose(d.seasonal(), DecomposeFixtures.column("stl.csv", "case_id", id, "seasonal"), id);
    assertClose(d.trend(), DecomposeFixtures.column("stl.csv", "case_id", id, "trend"), id);
    assertClose(d.remainder(), DecomposeFixtures.column("stl.csv", "case_id", id, "remainder"), id);
    assertClose(d.weights(), DecomposeFixtures.column("stl.csv", "case_id", id, "weight"), id);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void parametersFor_resolvesRsDefaults(StlCase c) {
    int n = DecomposeFixtures.series().get(c.get("series_id")).length;
    StlParameters p = stl(c).parametersFor(n);

    assertThat(p.seasonalWindow()).isEqualTo(c.integer("s_window_used"));
    assertThat(p.trendWindow()).isEqualTo(c.integer("t_window_used"));
    assertThat(p.lowPassWindow()).isEqualTo(c.integer("l_window_used"));
    assertThat(p.seasonalDegree()).isEqualTo(c.integer("s_degree_used"));
    assertThat(p.seasonalJump()).isEqualTo(c.integer("s_jump_used"));
    assertThat(p.trendJump()).isEqualTo(c.integer("t_jump_used"));
    assertThat(p.lowPassJump()).isEqualTo(c.integer("l_jump_used"));
    assertThat(p.inner()).isEqualTo(c.integer("inner_used"));
    assertThat(p.outer()).isEqualTo(c.integer("outer_used"));
  }

  private static Stl stl(StlCase c) {
    SeasonalWindow window =
        c.get("s_window").equals("periodic")
            ? SeasonalWindow.periodic()
            : SeasonalWindow.of(c.integer("s_window"));
    Stl.Builder b =
        Stl.builder(Double.parseDouble(c.get("period")), window)
            .robust(Boolean.parseBoolean(c.get("robust").toLowerCase(Locale.ROOT)));
    if (c.given("s_degree_arg")) {
      b.seasonalDegree(c.integer("s_degree_arg"));
    }
    if (c.given("t_window_arg")) {
      b.trendWindow(c.integer("t_window_arg"));
    }
    if (c.given("t_jump_arg")) {
      b.trendJump(c.integer("t_jump_arg"));
    }
    if (c.given("l_jump_arg")) {
      b.lowPassJump(c.integer("l_jump_arg"));
    }
    if (c.given("inner_arg")) {
      b.inner(c.integer("inner_arg"));
    }
    return b.build();
  }

  static void assertClose(double[] actual, double[] expected, String what) {
    assertThat(actual).as(what + " length").hasSameSizeAs(expected);
    for (int i = 0; i < expected.length; i++) {
      assertThat(actual[i]).as("%s at %d", what, i + 1).isCloseTo(expected[i], within(TOLERANCE));
    }
  }
}
