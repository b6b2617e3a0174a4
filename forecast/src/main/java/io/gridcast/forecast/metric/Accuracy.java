package io.gridcast.forecast.metric;

/**
 * Accuracy of a forecast {@code f} against actuals {@code y} (same length), as in the M3 and M4
 * competitions. Every method is a pure function; arrays are never modified.
 *
 * <p>sMAPE follows M3/M4: {@code mean_t 200 |y_t - f_t| / (|y_t| + |f_t|)}. MASE follows M4: {@code
 * mean_t |y_t - f_t| / (1/(n-m) sum_{t>m} |x_t - x_{t-m}|)} over the training part {@code x} with
 * seasonal period {@code m} (lag 1 when {@code n <= m}). OWA (M4): {@code 0.5 (sMAPE / sMAPE_Naive2
 * + MASE / MASE_Naive2)} on subset averages.
 */
public final class Accuracy {
  private Accuracy() {}

  /** Mean absolute error. */
  public static double mae(double[] y, double[] f) {
    return of(Metric.MAE, y, f, 1);
  }

  /** Root mean squared error. */
  public static double rmse(double[] y, double[] f) {
    return of(Metric.RMSE, y, f, 1);
  }

  /** Mean absolute percentage error in percent, over points with {@code y != 0}; NaN if none. */
  public static double mape(double[] y, double[] f) {
    return of(Metric.MAPE, y, f, 1);
  }

  /** Symmetric MAPE in percent (0..200), M3/M4 definition; a point with {@code y = f = 0} is 0. */
  public static double smape(double[] y, double[] f) {
    return of(Metric.SMAPE, y, f, 1);
  }

  /**
   * Mean absolute scaled error with the in-sample seasonal naive MAE of {@code train} as the scale;
   * infinite or NaN when that scale is 0 (a constant training series).
   */
  public static double mase(double[] y, double[] f, double[] train, int period) {
    return of(Metric.MASE, y, f, maseScale(train, train.length, period));
  }

  /** Bias as the mean error {@code mean(y - f)}: positive when the forecast is too low. */
  public static double bias(double[] y, double[] f) {
    checkLengths(y, f);
    double s = 0;
    for (int i = 0; i < y.length; i++) {
      s += y[i] - f[i];
    }
    return s / y.length;
  }

  /**
   * The MASE scale: {@code 1/(n-m) sum_{t=m}^{n-1} |x_t - x_{t-m}|} over the first {@code n}
   * values, with {@code m = period} when {@code n > period}, else 1; 0 when {@code n < 2}.
   */
  public static double maseScale(double[] x, int n, int period) {
    int m = n > period ? period : 1;
    if (n <= m) {
      return 0;
    }
    double s = 0;
    for (int t = m; t < n; t++) {
      s += Math.abs(x[t] - x[t - m]);
    }
    return s / (n - m);
  }

  /** M4's overall weighted average: {@code 0.5 (smape / smapeNaive2 + mase / maseNaive2)}. */
  public static double owa(double smape, double mase, double smapeNaive2, double maseNaive2) {
    return 0.5 * (smape / smapeNaive2 + mase / maseNaive2);
  }

  /** Any metric over whole arrays, with the MASE scale given. */
  public static double of(Metric metric, double[] y, double[] f, double scale) {
    checkLengths(y, f);
    double sum = 0;
    long count = 0;
    for (int i = 0; i < y.length; i++) {
      double l = metric.pointLoss(y[i], f[i], scale);
      if (!Double.isNaN(l)) {
        sum += l;
        count++;
      }
    }
    return metric.finish(sum, count);
  }

  private static void checkLengths(double[] y, double[] f) {
    if (y.length != f.length) {
      throw new IllegalArgumentException(
          "actuals and forecasts differ in length: " + y.length + " vs " + f.length);
    }
  }
}
