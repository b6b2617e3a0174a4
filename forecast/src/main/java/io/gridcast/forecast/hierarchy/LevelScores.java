package io.gridcast.forecast.hierarchy;

import io.gridcast.forecast.metric.Accuracy;
import java.util.ArrayList;
import java.util.List;

/**
 * Accuracy of a hierarchy's forecasts per level: each node's MASE (M4 definition, {@link
 * Accuracy#mase}: the test MAE over the in-sample seasonal naive MAE of its own training part),
 * averaged over the nodes of each level, then over the levels, so that the one total counts as much
 * as the hundreds of bottom series. A node whose scale is 0 (a training part without seasonal
 * change) has no MASE; it is left out of its level's mean and counted in {@link
 * LevelScore#unscored()}.
 */
public final class LevelScores {
  private LevelScores() {}

  /**
   * One level's score.
   *
   * @param level the level name
   * @param nodes nodes in the level
   * @param unscored nodes without a finite MASE, left out of the mean
   * @param meanMase mean MASE over the scored nodes (NaN when none is)
   */
  public record LevelScore(String level, int nodes, int unscored, double meanMase) {}

  /**
   * MASE per level.
   *
   * @param train each node's training values (rows in node order)
   * @param actual each node's test values
   * @param forecast each node's forecasts, same length as its test values
   * @param period the seasonal period of the scale
   */
  public static List<LevelScore> mase(
      Hierarchy hierarchy, double[][] train, double[][] actual, double[][] forecast, int period) {
    int n = hierarchy.size();
    if (train.length != n || actual.length != n || forecast.length != n) {
      throw new IllegalArgumentException(
          "expected "
              + n
              + " rows of training, test and forecast values, got "
              + train.length
              + ", "
              + actual.length
              + ", "
              + forecast.length);
    }
    List<LevelScore> out = new ArrayList<>();
    for (Level level : hierarchy.levels()) {
      double sum = 0;
      int scored = 0;
      for (int i = level.firstNode(); i < level.firstNode() + level.nodeCount(); i++) {
        double v = Accuracy.mase(actual[i], forecast[i], train[i], period);
        if (Double.isFinite(v)) {
          sum += v;
          scored++;
        }
      }
      out.add(
          new LevelScore(
              level.name(),
              level.nodeCount(),
              level.nodeCount() - scored,
              scored == 0 ? Double.NaN : sum / scored));
    }
    return List.copyOf(out);
  }

  /** The mean of the levels' mean MASE (NaN when a level has none). */
  public static double meanOfLevels(List<LevelScore> scores) {
    double sum = 0;
    for (LevelScore s : scores) {
      sum += s.meanMase();
    }
    return sum / scores.size();
  }

  /** The forecasts of a reconciliation as rows in node order, for {@link #mase}. */
  public static double[][] rows(Reconciliation r) {
    double[][] out = new double[r.size()][];
    for (int i = 0; i < out.length; i++) {
      out[i] = r.mean(i);
    }
    return out;
  }
}
