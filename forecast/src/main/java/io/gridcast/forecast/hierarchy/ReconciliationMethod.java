package io.gridcast.forecast.hierarchy;

import java.util.Arrays;
import java.util.Locale;

/**
 * How base forecasts {@code yhat} (one per node) become coherent ones {@code ytilde = S P yhat}.
 * With {@code S = [C; I]} (aggregates over bottom), {@code J = [0 | I_m]} and {@code U' = [I |
 * -C]}, the linear methods are generalised least squares, {@code P = (S' W^-1 S)^-1 S' W^-1},
 * computed in the equivalent form {@code P = J - J W U (U' W U)^-1 U'} (Wickramasuriya,
 * Athanasopoulos & Hyndman 2019, eq. 9), which only factors the {@code (n-m) x (n-m)} matrix {@code
 * U' W U}:
 *
 * <ul>
 *   <li>{@link #BOTTOM_UP}: {@code P = J}; aggregates are sums of the bottom base forecasts.
 *   <li>{@link #TOP_DOWN_FORECAST_PROPORTIONS}: the total's base forecast split down {@link
 *       Hierarchy#topDownChain()} in the proportions of the base forecasts of each node's children
 *       (Athanasopoulos, Ahmed & Hyndman 2009): {@code P = p e_1'}, {@code p_j = prod_l
 *       yhat(a_l(j)) / sum_{c in children(a_{l-1}(j))} yhat(c)} over the ancestors {@code a_l(j)}
 *       of bottom series {@code j} on the chain; a node whose children's forecasts sum to 0 splits
 *       equally. {@code P} depends on the forecasts, so it differs per step.
 *   <li>{@link #OLS}: {@code W = I}.
 *   <li>{@link #WLS_STRUCTURAL}: {@code W = diag(S 1)}, each node weighted by how many bottom
 *       series it sums.
 *   <li>{@link #WLS_VARIANCE}: {@code W = diag(W1)}, the in-sample one-step mean squared residuals.
 *   <li>{@link #MINT_SHRINK}: {@code W = lambda diag(W1) + (1 - lambda) W1}, {@code W1} the
 *       in-sample one-step residual covariance and {@code lambda} the Schäfer-Strimmer intensity
 *       ({@link ShrinkageCovariance}).
 * </ul>
 */
public enum ReconciliationMethod {
  BOTTOM_UP("bottom_up"),
  TOP_DOWN_FORECAST_PROPORTIONS("top_down_forecast_proportions"),
  OLS("ols"),
  WLS_STRUCTURAL("wls_structural"),
  WLS_VARIANCE("wls_variance"),
  MINT_SHRINK("mint_shrink");

  /** The default: MinT with the shrinkage covariance. */
  public static final ReconciliationMethod DEFAULT = MINT_SHRINK;

  /** What methods needing residuals fall back to when the covariance is not usable. */
  public static final ReconciliationMethod FALLBACK = WLS_STRUCTURAL;

  private final String label;

  ReconciliationMethod(String label) {
    this.label = label;
  }

  /** The stable name, e.g. {@code mint_shrink}. */
  public String label() {
    return label;
  }

  /** Whether the method needs in-sample residuals. */
  public boolean needsResiduals() {
    return this == WLS_VARIANCE || this == MINT_SHRINK;
  }

  /**
   * The method of that name ({@link #label()}, case-insensitive).
   *
   * @throws IllegalArgumentException naming the value and the known names
   */
  public static ReconciliationMethod of(String label) {
    String l = label == null ? "" : label.strip().toLowerCase(Locale.ROOT);
    for (ReconciliationMethod m : values()) {
      if (m.label.equals(l)) {
        return m;
      }
    }
    throw new IllegalArgumentException(
        "unknown reconciliation method '"
            + label
            + "'; known: "
            + Arrays.stream(values()).map(ReconciliationMethod::label).toList());
  }
}
