package io.gridcast.forecast.ets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.gridcast.forecast.model.NormalQuantile;
import io.gridcast.forecast.model.PredictionInterval;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Analytic forecast variances against a seeded simulation of the fitted model itself (20,000 sample
 * paths drawn with Gaussian errors of variance sigma2 through the state equations): exact for
 * classes 1 and 2 up to Monte Carlo error (relative s.e. of a variance ~1%, tolerance 6%), an
 * approximation for multiplicative season (tolerance 15%).
 */
class EtsIntervalTest {
  private static final int PATHS = 20_000;
  private static final int H = 18;

  @ParameterizedTest
  @EnumSource(EtsStructure.class)
  void analyticVariance_matchesSimulatedPaths(EtsStructure s) {
    double[] y = RReference.series().get("N1500");
    EtsModel model = EtsSpec.of(s).fit(y, 12);
    Map<String, Double> p = model.spec().parameters();
    double z = NormalQuantile.twoSided(0.95);
    PredictionInterval pi = model.interval(H, 0.95).orElseThrow();
    double[] mean = model.forecast(H);

    double[][] paths = simulate(model, p, 12, new Random(20240607L));

    double tol = s.multiplicativeSeason() ? 0.15 : 0.06;
    for (int h = 0; h < H; h++) {
      double sum = 0;
      double sum2 = 0;
      for (double[] path : paths) {
        sum += path[h];
        sum2 += path[h] * path[h];
      }
      double simMean = sum / PATHS;
      double simVar = sum2 / PATHS - simMean * simMean;
      double half = (pi.upper()[h] - pi.lower()[h]) / 2;
      double analyticVar = (half / z) * (half / z);
      assertThat(analyticVar).as("%s h=%d", s, h + 1).isCloseTo(simVar, within(tol * simVar));
      assertThat(mean[h])
          .as("%s mean h=%d", s, h + 1)
          .isCloseTo(simMean, within(4 * Math.sqrt(simVar / PATHS) + 1e-9 * Math.abs(simMean)));
      assertThat(pi.lower()[h]).isLessThan(mean[h]);
      assertThat(pi.upper()[h]).isGreaterThan(mean[h]);
    }
  }

  /** Sample paths from the final state, written from the book's equations (independently). */
  private static double[][] simulate(EtsModel model, Map<String, Double> p, int m, Random rnd) {
    EtsStructure s = model.structure();
    double alpha = p.get("alpha");
    double beta = p.getOrDefault("beta", 0.0);
    double gamma = p.getOrDefault("gamma", 0.0);
    double phi = p.getOrDefault("phi", 1.0);
    double sigma = Math.sqrt(model.sigma2());
    double[] x = model.finalState();
    int off = s.hasTrend() ? 2 : 1;
    double[][] out = new double[PATHS][H];
    double[] seas = new double[m];
    for (int path = 0; path < PATHS; path++) {
      double l = x[0];
      double b = s.hasTrend() ? x[1] : 0;
      if (s.seasonal()) {
        // seas[0] = most recent, seas[m-1] = the one due next
        System.arraycopy(x, off, seas, 0, m);
      }
      for (int h = 0; h < H; h++) {
        double e = sigma * rnd.nextGaussian();
        double q = l + phi * b;
        double sd = s.seasonal() ? seas[m - 1] : (s.multiplicativeSeason() ? 1 : 0);
        double mu = s.multiplicativeSeason() ? q * sd : q + sd;
        double eps = s.multiplicativeError() ? mu * e : e;
        out[path][h] = mu + eps;
        // error-correction form: each state moves by its gain times the (scaled) error
        double lNew;
        double bNew;
        double sNew;
        if (s.multiplicativeSeason()) {
          lNew = q + alpha * eps / sd;
          bNew = phi * b + beta * eps / sd;
          sNew = sd + gamma * eps / q;
        } else {
          lNew = q + alpha * eps;
          bNew = phi * b + beta * eps;
          sNew = sd + gamma * eps;
        }
        l = lNew;
        b = s.hasTrend() ? bNew : 0;
        if (s.seasonal()) {
          System.arraycopy(seas, 0, seas, 1, m - 1);
          seas[0] = sNew;
        }
      }
    }
    return out;
  }
}
