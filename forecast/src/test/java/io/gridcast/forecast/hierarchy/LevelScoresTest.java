package io.gridcast.forecast.hierarchy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class LevelScoresTest {

  @Test
  void mase_isAveragedPerLevelThenOverLevels_leavingOutNodesWithoutScale() {
    Hierarchy h = HierarchyFixtures.hierarchy("nested"); // total, 2 regions, 5 stores
    double[][] train = new double[h.size()][];
    double[][] actual = new double[h.size()][];
    double[][] forecast = new double[h.size()][];
    for (int i = 0; i < h.size(); i++) {
      train[i] = new double[] {0, 2, 4, 6}; // seasonal naive (m = 1) MAE 2
      actual[i] = new double[] {10, 10};
      forecast[i] = new double[] {10 + i, 10 - i}; // MAE i -> MASE i / 2
    }
    train[7] = new double[] {5, 5, 5, 5}; // scale 0: no MASE
    List<LevelScores.LevelScore> scores = LevelScores.mase(h, train, actual, forecast, 1);
    assertThat(scores)
        .extracting(LevelScores.LevelScore::level)
        .containsExactly("total", "region", "store");
    assertThat(scores.get(0).meanMase()).isEqualTo(0);
    assertThat(scores.get(1).meanMase()).isCloseTo((0.5 + 1) / 2, within(1e-12));
    assertThat(scores.get(2).meanMase()).isCloseTo((1.5 + 2 + 2.5 + 3) / 4, within(1e-12));
    assertThat(scores.get(2).unscored()).isEqualTo(1);
    assertThat(scores.get(2).nodes()).isEqualTo(5);
    assertThat(LevelScores.meanOfLevels(scores)).isCloseTo((0 + 0.75 + 2.25) / 3, within(1e-12));
  }
}
