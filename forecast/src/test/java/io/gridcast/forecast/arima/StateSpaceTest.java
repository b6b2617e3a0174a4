package io.gridcast.forecast.arima;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The state-space pieces against direct, slow references: the stationary covariance solves the
 * Lyapunov equation and agrees with Gardner's algorithm where that is accurate; the hybrid Kalman
 * filter equals a dense filter on the full state; the Chandrasekhar recursions equal the Kalman
 * filter on the differenced series.
 */
class StateSpaceTest {
  @ParameterizedTest(name = "(p,q,P,Q) = ({0},{1},{2},{3})[{4}]")
  @CsvSource({"1,1,0,0,1", "3,2,0,0,1", "2,2,1,1,12", "1,0,2,0,12", "0,2,0,1,12", "2,1,2,2,4"})
  void stationaryCovariance_solvesTheLyapunovEquation(int p, int q, int sp, int sq, int m) {
    ArmaExpansion e = expansion(p, q, sp, sq, m, 0.3);
    int r = Math.max(e.phi.length, e.theta.length + 1);
    double[] p0 = new double[r * r];
    assertThat(
            new StationaryCovariance(r)
                .compute(e.phi, e.phi.length, e.theta, e.theta.length, r, p0))
        .isTrue();
    double[] lhs = propagate(p0, e.phi, e.theta, r);
    for (int i = 0; i < r * r; i++) {
      assertThat(lhs[i]).isCloseTo(p0[i], within(1e-12 * (1 + Math.abs(p0[0]))));
    }
    double[] g = new double[r * r];
    new GardnerCovariance(r).compute(e.phi, e.phi.length, e.theta, e.theta.length, r, g);
    for (int i = 0; i < r * r; i++) {
      assertThat(g[i]).isCloseTo(p0[i], within(1e-10));
    }
  }

  @ParameterizedTest(name = "(p,d,q)(P,D,Q) = ({0},{1},{2})({3},{4},{5})[{6}]")
  @CsvSource({"1,1,1,0,0,0,1", "2,0,1,0,0,0,1", "1,1,1,0,1,1,4", "0,2,2,0,0,0,1", "1,0,0,1,1,0,4"})
  void hybridFilter_equalsTheDenseFilterOnTheFullState(
      int p, int d, int q, int sp, int sd, int sq, int m) {
    ArmaLayout layout = new ArmaLayout(ArimaOrder.of(p, d, q, sp, sd, sq), m, 0);
    ArmaExpansion e = expansion(p, q, sp, sq, m, 0.25);
    double[] y = series(60, 7);
    ArimaKalmanFilter f = new ArimaKalmanFilter(layout.stateDimension(), layout.delta());
    double[] res = new double[y.length];
    f.run(e.phi, e.phi.length, e.theta, e.theta.length, y, y.length, res);
    double[] dense = DenseFilter.run(e.phi, e.theta, layout.delta(), y);
    assertThat(f.ssq).isCloseTo(dense[0], within(1e-9 * dense[0]));
    assertThat(f.sumLog).isCloseTo(dense[1], within(1e-9 * (1 + Math.abs(dense[1]))));
    assertThat(f.used).isEqualTo((int) dense[2]);
  }

  @ParameterizedTest(name = "(p,q,P,Q) = ({0},{1},{2},{3})[{4}]")
  @CsvSource({"1,1,0,0,1", "2,2,0,0,1", "1,1,1,1,12", "0,1,0,1,12", "2,0,2,0,4"})
  void chandrasekhar_equalsTheKalmanFilterFromTheStationaryStart(
      int p, int q, int sp, int sq, int m) {
    ArmaExpansion e = expansion(p, q, sp, sq, m, 0.2);
    int r = Math.max(e.phi.length, e.theta.length + 1);
    double[] y = series(80, 3);
    ArimaKalmanFilter k = new ArimaKalmanFilter(r, new double[0]);
    k.run(e.phi, e.phi.length, e.theta, e.theta.length, y, y.length, null);
    ChandrasekharFilter c = new ChandrasekharFilter(r);
    c.run(e.phi, e.phi.length, e.theta, e.theta.length, y, y.length);
    assertThat(c.ssq).isCloseTo(k.ssq, within(1e-10 * k.ssq));
    assertThat(c.sumLog).isCloseTo(k.sumLog, within(1e-10 * (1 + Math.abs(k.sumLog))));
    assertThat(c.used).isEqualTo(k.used);
  }

  private static ArmaExpansion expansion(int p, int q, int sp, int sq, int m, double scale) {
    ArmaLayout layout = new ArmaLayout(ArimaOrder.of(p, 0, q, sp, 0, sq), sp + sq > 0 ? m : 1, 0);
    ArmaExpansion e = new ArmaExpansion(layout);
    double[] par = new double[layout.size()];
    for (int i = 0; i < par.length; i++) {
      par[i] = scale * (i % 2 == 0 ? 1 : -0.7) / (1 + i / 2);
    }
    e.expand(par, false);
    return e;
  }

  private static double[] series(int n, long seed) {
    Random rnd = new Random(seed);
    double[] y = new double[n];
    double level = 100;
    for (int t = 0; t < n; t++) {
      level += rnd.nextGaussian();
      y[t] = level + 5 * Math.sin(t * 2 * Math.PI / 12) + rnd.nextGaussian();
    }
    return y;
  }

  /** {@code T P T' + R R'} for the ARMA state. */
  private static double[] propagate(double[] p0, double[] phi, double[] theta, int r) {
    double[][] t = new double[r][r];
    for (int i = 0; i < phi.length; i++) {
      t[i][0] = phi[i];
    }
    for (int i = 1; i < r; i++) {
      t[i - 1][i] = 1;
    }
    double[] rv = new double[r];
    rv[0] = 1;
    for (int i = 0; i < theta.length && i + 1 < r; i++) {
      rv[i + 1] = theta[i];
    }
    double[] out = new double[r * r];
    for (int i = 0; i < r; i++) {
      for (int j = 0; j < r; j++) {
        double s = rv[i] * rv[j];
        for (int a = 0; a < r; a++) {
          for (int b = 0; b < r; b++) {
            s += t[i][a] * p0[a * r + b] * t[j][b];
          }
        }
        out[i * r + j] = s;
      }
    }
    return out;
  }
}
