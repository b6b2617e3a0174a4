package io.gridcast.forecast.metric;

import io.gridcast.forecast.ForecastException;
import java.util.Arrays;
import java.util.Locale;

/**
 * An accuracy metric to minimise, in the per-point form the optimizer accumulates: a metric's value
 * over any set of points is {@code finish(sum of pointLoss, number of counted points)}.
 *
 * <ul>
 *   <li>MAE: {@code |y - f|}
 *   <li>RMSE: {@code (y - f)²}, finished by a square root
 *   <li>MAPE: {@code 100 |y - f| / |y|}; points with {@code y = 0} are not counted
 *   <li>SMAPE: {@code 200 |y - f| / (|y| + |f|)}, 0 when {@code y = f = 0} (M3/M4 definition)
 *   <li>MASE: {@code |y - f| / scale}, {@code scale} the in-sample MAE of the seasonal naive
 *       forecast (see {@link Accuracy#maseScale})
 * </ul>
 */
public enum Metric {
  MAE,
  RMSE,
  MAPE,
  SMAPE,
  MASE;

  /** The loss of one point, or NaN when the point does not count (MAPE at {@code y = 0}). */
  public double pointLoss(double y, double f, double scale) {
    double e = y - f;
    return switch (this) {
      case MAE -> Math.abs(e);
      case RMSE -> e * e;
      case MAPE -> y == 0 ? Double.NaN : 100 * Math.abs(e) / Math.abs(y);
      case SMAPE -> {
        double d = Math.abs(y) + Math.abs(f);
        yield d == 0 ? 0 : 200 * Math.abs(e) / d;
      }
      case MASE -> Math.abs(e) / scale;
    };
  }

  /** The metric from the sum of point losses over {@code count} counted points; NaN if none. */
  public double finish(double sum, long count) {
    if (count == 0) {
      return Double.NaN;
    }
    double mean = sum / count;
    return this == RMSE ? Math.sqrt(mean) : mean;
  }

  /** The lowercase name used on the command line and in the API ({@code smape}). */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Parses a metric name case-insensitively.
   *
   * @throws UnknownMetricException listing the known names
   */
  public static Metric parse(String name) {
    for (Metric m : values()) {
      if (m.key().equalsIgnoreCase(name.trim())) {
        return m;
      }
    }
    throw new UnknownMetricException(name);
  }

  /** An unknown metric name; the message lists the known ones. */
  public static final class UnknownMetricException extends ForecastException {
    private static final long serialVersionUID = 1L;

    public UnknownMetricException(String name) {
      super(
          "unknown metric '"
              + name
              + "'; known: "
              + Arrays.stream(values()).map(Metric::key).toList());
    }
  }
}
