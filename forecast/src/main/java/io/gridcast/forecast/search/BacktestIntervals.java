package io.gridcast.forecast.search;

import io.gridcast.forecast.model.NormalQuantile;
import io.gridcast.forecast.model.PredictionInterval;
import java.util.Arrays;

/**
 * Prediction intervals from backtest errors, for models without an analytic form (and the
 * combination, intermittent models...): for horizon step {@code s}, {@code f_s ± w_s} with
 *
 * <ul>
 *   <li>with at least {@value #EMPIRICAL_MIN} folds, {@code w_s} the empirical conformal quantile
 *       of the absolute errors at step {@code s} (rank {@code ceil((K+1) level)}, capped at K);
 *   <li>with fewer folds, {@code w_s = z_level * sqrt(mean_j e_{j,s}²)} (normal errors with the
 *       backtest RMSE at that step), because a quantile of 2 or 3 values is not one;
 *   <li>{@code w_s} made non-decreasing in {@code s}, and steps beyond the backtest horizon {@code
 *       H} widened as {@code w_H sqrt(s / H)} (random-walk growth).
 * </ul>
 *
 * Widths are always finite and {@code >= 0}.
 */
final class BacktestIntervals {
  static final int EMPIRICAL_MIN = 20;

  private BacktestIntervals() {}

  /**
   * @param errors {@code errors[j * testHorizon + s]} = actual - forecast at fold j, step s
   */
  static PredictionInterval of(
      double[] forecast, double[] errors, int folds, int testHorizon, double level) {
    int h = forecast.length;
    double[] width = new double[h];
    double prev = 0;
    double[] column = new double[folds];
    for (int s = 0; s < Math.min(h, testHorizon); s++) {
      double w;
      if (folds == 0) {
        w = 0;
      } else if (folds >= EMPIRICAL_MIN) {
        for (int j = 0; j < folds; j++) {
          column[j] = Math.abs(errors[j * testHorizon + s]);
        }
        Arrays.sort(column);
        int rank = (int) Math.ceil((folds + 1) * level);
        w = column[Math.min(rank, folds) - 1];
      } else {
        double ss = 0;
        for (int j = 0; j < folds; j++) {
          double e = errors[j * testHorizon + s];
          ss += e * e;
        }
        w = NormalQuantile.twoSided(level) * Math.sqrt(ss / folds);
      }
      if (!Double.isFinite(w)) {
        w = prev;
      }
      prev = Math.max(prev, w);
      width[s] = prev;
    }
    for (int s = testHorizon; s < h; s++) {
      width[s] = prev * Math.sqrt((s + 1.0) / Math.max(1, testHorizon));
    }
    double[] lo = new double[h];
    double[] hi = new double[h];
    for (int s = 0; s < h; s++) {
      lo[s] = forecast[s] - width[s];
      hi[s] = forecast[s] + width[s];
    }
    return new PredictionInterval(level, lo, hi);
  }
}
