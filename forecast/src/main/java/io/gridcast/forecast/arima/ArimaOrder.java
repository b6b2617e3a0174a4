package io.gridcast.forecast.arima;

/**
 * The orders of a seasonal ARIMA model {@code (p,d,q)(P,D,Q)[m]}:
 *
 * <pre>
 *   phi(B) Phi(B^m) (1 - B)^d (1 - B^m)^D (y(t) - c(t)) = theta(B) Theta(B^m) e(t)
 * </pre>
 *
 * with {@code phi} of degree {@code p}, {@code Phi} of degree {@code P} in {@code B^m}, {@code
 * theta} of degree {@code q}, {@code Theta} of degree {@code Q} in {@code B^m}, {@code e(t)} white
 * noise with variance {@code sigma2} and {@code c(t)} the regression part (mean, drift, external
 * regressors). The seasonal period {@code m} is the series' period, given at fit time.
 *
 * @param p non-seasonal autoregressive order
 * @param d non-seasonal differences
 * @param q non-seasonal moving-average order
 * @param seasonalP seasonal autoregressive order
 * @param seasonalD seasonal differences
 * @param seasonalQ seasonal moving-average order
 */
public record ArimaOrder(int p, int d, int q, int seasonalP, int seasonalD, int seasonalQ) {
  /** Largest order accepted for any polynomial (R's state-space code supports lags up to 350). */
  public static final int MAX_ORDER = 50;

  public ArimaOrder {
    check("p", p);
    check("d", d);
    check("q", q);
    check("P", seasonalP);
    check("D", seasonalD);
    check("Q", seasonalQ);
  }

  /** A non-seasonal order {@code (p,d,q)}. */
  public static ArimaOrder of(int p, int d, int q) {
    return new ArimaOrder(p, d, q, 0, 0, 0);
  }

  /** A seasonal order {@code (p,d,q)(P,D,Q)}. */
  public static ArimaOrder of(int p, int d, int q, int seasonalP, int seasonalD, int seasonalQ) {
    return new ArimaOrder(p, d, q, seasonalP, seasonalD, seasonalQ);
  }

  /** Whether any seasonal order is positive. */
  public boolean seasonal() {
    return seasonalP + seasonalD + seasonalQ > 0;
  }

  /** This order without its seasonal part (R's {@code Arima} drops it when the period is 1). */
  public ArimaOrder nonSeasonal() {
    return new ArimaOrder(p, d, q, 0, 0, 0);
  }

  /** Total differencing {@code d + D}. */
  public int differences() {
    return d + seasonalD;
  }

  /** R's label, e.g. {@code ARIMA(1,1,1)(0,1,1)[12]}. */
  public String label(int period) {
    String base = "ARIMA(" + p + "," + d + "," + q + ")";
    return seasonal() && period > 1
        ? base + "(" + seasonalP + "," + seasonalD + "," + seasonalQ + ")[" + period + "]"
        : base;
  }

  private static void check(String name, int v) {
    if (v < 0 || v > MAX_ORDER) {
      throw new IllegalArgumentException(
          "ARIMA order " + name + " must be in [0, " + MAX_ORDER + "]: " + v);
    }
  }
}
