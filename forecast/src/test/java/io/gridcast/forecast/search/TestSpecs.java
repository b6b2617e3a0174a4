package io.gridcast.forecast.search;

import io.gridcast.forecast.model.FittedModel;
import io.gridcast.forecast.model.ModelFitException;
import io.gridcast.forecast.model.ModelSpec;
import java.util.Arrays;
import java.util.Map;
import java.util.OptionalDouble;

/** Small test-only models (the real ones live in other branches). */
final class TestSpecs {
  private TestSpecs() {}

  /** Forecasts a constant; optional AICc for pruning tests. */
  record Constant(double c, double aicc) implements ModelSpec {
    Constant(double c) {
      this(c, Double.NaN);
    }

    @Override
    public String name() {
      return "constant";
    }

    @Override
    public Map<String, Double> parameters() {
      return Map.of("c", c);
    }

    @Override
    public FittedModel fit(double[] y, int n, int period) {
      Constant self = this;
      return new FittedModel() {
        @Override
        public ModelSpec spec() {
          return self;
        }

        @Override
        public double[] forecast(int h) {
          double[] f = new double[h];
          Arrays.fill(f, c);
          return f;
        }

        @Override
        public OptionalDouble aicc() {
          return Double.isNaN(aicc) ? OptionalDouble.empty() : OptionalDouble.of(aicc);
        }
      };
    }
  }

  /** The mean of the fitted prefix; no analytic interval. */
  record Mean() implements ModelSpec {
    @Override
    public String name() {
      return "mean";
    }

    @Override
    public Map<String, Double> parameters() {
      return Map.of();
    }

    @Override
    public FittedModel fit(double[] y, int n, int period) {
      double s = 0;
      for (int i = 0; i < n; i++) {
        s += y[i];
      }
      return new Constant(s / n).fit(y, n, period);
    }
  }

  /** Repeats the last season; needs two full seasons. */
  record LastSeason() implements ModelSpec {
    @Override
    public String name() {
      return "last_season";
    }

    @Override
    public Map<String, Double> parameters() {
      return Map.of();
    }

    @Override
    public FittedModel fit(double[] y, int n, int period) {
      if (period < 2 || n < 2 * period) {
        throw new ModelFitException(name(), "needs two seasons of " + period + ", got " + n);
      }
      double[] season = Arrays.copyOfRange(y, n - period, n);
      LastSeason self = this;
      return new FittedModel() {
        @Override
        public ModelSpec spec() {
          return self;
        }

        @Override
        public double[] forecast(int h) {
          double[] f = new double[h];
          for (int i = 0; i < h; i++) {
            f[i] = season[i % period];
          }
          return f;
        }
      };
    }
  }

  /** Always fails to fit. */
  record Failing() implements ModelSpec {
    @Override
    public String name() {
      return "failing";
    }

    @Override
    public Map<String, Double> parameters() {
      return Map.of();
    }

    @Override
    public FittedModel fit(double[] y, int n, int period) {
      throw new ModelFitException(name(), "always fails");
    }
  }

  /** Fits but forecasts NaN. */
  record NanForecast() implements ModelSpec {
    @Override
    public String name() {
      return "nan";
    }

    @Override
    public Map<String, Double> parameters() {
      return Map.of();
    }

    @Override
    public FittedModel fit(double[] y, int n, int period) {
      return new Constant(Double.NaN).fit(y, n, period);
    }
  }

  static double[] seasonal(int n, int period, double level) {
    double[] y = new double[n];
    for (int t = 0; t < n; t++) {
      y[t] = level + 10 * Math.sin(2 * Math.PI * t / period) + (t % 3 == 0 ? 1 : -0.5);
    }
    return y;
  }
}
