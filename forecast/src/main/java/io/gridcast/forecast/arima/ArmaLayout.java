package io.gridcast.forecast.arima;

/**
 * Where each coefficient sits in the parameter vector of a fit, in R's order {@code (ar1..arp,
 * ma1..maq, sar1..sarP, sma1..smaQ, regression coefficients)}, and the sizes derived from the
 * orders: the expanded polynomial degrees {@code p + mP} and {@code q + mQ}, the state dimension
 * {@code r = max(p + mP, q + mQ + 1)} and the differencing polynomial.
 *
 * @param order the ARIMA orders
 * @param period the seasonal period {@code m} (1 when the order is not seasonal)
 * @param regressors number of regression coefficients (mean, drift and external regressors)
 */
record ArmaLayout(ArimaOrder order, int period, int regressors) {
  ArmaLayout {
    if (period < 1) {
      throw new IllegalArgumentException("period must be >= 1: " + period);
    }
    if (order.seasonal() && period < 2) {
      throw new IllegalArgumentException("seasonal order " + order + " needs a period > 1");
    }
  }

  int p() {
    return order.p();
  }

  int q() {
    return order.q();
  }

  int sp() {
    return order.seasonalP();
  }

  int sq() {
    return order.seasonalQ();
  }

  /** Number of ARMA coefficients {@code p + q + P + Q}. */
  int arma() {
    return p() + q() + sp() + sq();
  }

  /** Length of the parameter vector. */
  int size() {
    return arma() + regressors;
  }

  /** Offset of the seasonal AR block. */
  int sarOffset() {
    return p() + q();
  }

  /** Offset of the seasonal MA block. */
  int smaOffset() {
    return p() + q() + sp();
  }

  /** Degree of the expanded AR polynomial {@code p + mP}. */
  int phiLength() {
    return p() + period * sp();
  }

  /** Degree of the expanded MA polynomial {@code q + mQ}. */
  int thetaLength() {
    return q() + period * sq();
  }

  /** State dimension of the ARMA part {@code r = max(p + mP, q + mQ + 1)}. */
  int stateDimension() {
    return Math.max(phiLength(), thetaLength() + 1);
  }

  /** Observations consumed by differencing, {@code d + mD}. */
  int differencingLength() {
    return order.d() + period * order.seasonalD();
  }

  /**
   * The differencing polynomial as R's {@code Delta}: {@code (1 - B)^d (1 - B^m)^D = 1 - sum_i
   * delta_i B^i}, returned as {@code delta_1..delta_{d+mD}}.
   */
  double[] delta() {
    double[] poly = {1.0};
    for (int i = 0; i < order.d(); i++) {
      poly = multiply(poly, 1);
    }
    for (int i = 0; i < order.seasonalD(); i++) {
      poly = multiply(poly, period);
    }
    double[] delta = new double[poly.length - 1];
    for (int i = 1; i < poly.length; i++) {
      delta[i - 1] = -poly[i];
    }
    return delta;
  }

  /** {@code poly * (1 - B^lag)}. */
  private static double[] multiply(double[] poly, int lag) {
    double[] out = new double[poly.length + lag];
    for (int i = 0; i < poly.length; i++) {
      out[i] += poly[i];
      out[i + lag] -= poly[i];
    }
    return out;
  }

  /** R's coefficient names, e.g. {@code ar1, ma1, sar1, sma1}, then the regressor names. */
  String[] armaNames() {
    String[] names = new String[arma()];
    int k = 0;
    for (int i = 1; i <= p(); i++) {
      names[k++] = "ar" + i;
    }
    for (int i = 1; i <= q(); i++) {
      names[k++] = "ma" + i;
    }
    for (int i = 1; i <= sp(); i++) {
      names[k++] = "sar" + i;
    }
    for (int i = 1; i <= sq(); i++) {
      names[k++] = "sma" + i;
    }
    return names;
  }
}
