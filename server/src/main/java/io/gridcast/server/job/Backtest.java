package io.gridcast.server.job;

import io.gridcast.forecast.covariate.CovariateModelSpec;
import io.gridcast.forecast.covariate.Covariates;
import io.gridcast.forecast.metric.Accuracy;
import io.gridcast.forecast.model.ModelSpec;
import io.gridcast.forecast.series.Series;
import java.util.Arrays;

/**
 * Rolling-origin backtest of one fixed model, the accuracy report of a validation job.
 *
 * <p>Fold {@code j} (1..K) trains on the first {@code o_j = n - h - (K - j) h} values and tests on
 * the next {@code h}; K shrinks until the first origin leaves {@code max(3, 2 period)} values (the
 * optimizer's rule), and a series too short for one full fold is tested on its last {@code n - 3}
 * values. Over all test points: {@code sMAPE = 200/N sum |y - f| / (|y| + |f|)} (a 0/0 point counts
 * 0), {@code MASE = mean over folds of MAE / scale(train)} with the in-sample seasonal naive MAE as
 * scale, {@code bias = mean(y - f)}.
 *
 * @param folds folds run (0 when the series is too short, then every figure is NaN)
 */
record Backtest(double smape, double mase, double bias, int folds, int points) {

  static Backtest run(ModelSpec spec, Series series, int horizon, int maxFolds) {
    return run(spec, series, Covariates.none(), horizon, maxFolds);
  }

  /**
   * As {@link #run(ModelSpec, Series, int, int)}, a covariate model fitted on each fold with that
   * fold's rows of {@code x} only (its history and its test horizon, never a later fold's).
   */
  static Backtest run(ModelSpec spec, Series series, Covariates x, int horizon, int maxFolds) {
    double[] y = series.values();
    int n = y.length;
    if (n < 4) {
      return new Backtest(Double.NaN, Double.NaN, Double.NaN, 0, 0);
    }
    int h = horizon;
    int k = maxFolds;
    if (n - h < 3) {
      h = Math.max(1, n - 3);
      k = 1;
    }
    int desired = Math.max(3, 2 * series.period());
    while (k > 1 && n - h - (long) (k - 1) * h < desired) {
      k--;
    }
    double smapeSum = 0;
    double biasSum = 0;
    double maseSum = 0;
    int maseFolds = 0;
    int points = 0;
    for (int j = 0; j < k; j++) {
      int origin = n - h - (k - 1 - j) * h;
      double[] f =
          spec instanceof CovariateModelSpec c
              ? c.fit(y, origin, series.period(), x.head(Math.min(x.rows(), origin + h)))
                  .forecast(h)
              : spec.fit(y, origin, series.period()).forecast(h);
      double[] actual = Arrays.copyOfRange(y, origin, origin + h);
      for (int s = 0; s < h; s++) {
        double denom = Math.abs(actual[s]) + Math.abs(f[s]);
        smapeSum += denom == 0 ? 0 : 200 * Math.abs(actual[s] - f[s]) / denom;
        biasSum += actual[s] - f[s];
      }
      points += h;
      double scale = Accuracy.maseScale(y, origin, series.period());
      if (scale > 0) {
        maseSum += Accuracy.mae(actual, f) / scale;
        maseFolds++;
      }
    }
    return new Backtest(
        smapeSum / points,
        maseFolds == 0 ? Double.NaN : maseSum / maseFolds,
        biasSum / points,
        k,
        points);
  }
}
