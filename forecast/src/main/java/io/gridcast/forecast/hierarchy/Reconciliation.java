package io.gridcast.forecast.hierarchy;

import io.gridcast.forecast.model.NormalQuantile;
import io.gridcast.forecast.model.PredictionInterval;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Coherent forecasts for every node of a {@link Hierarchy}: {@code ytilde_h = S btilde_h}, the
 * bottom series reconciled by the method used, the aggregates their compensated sums (so every
 * aggregate equals the sum of its bottom series to rounding).
 *
 * <p>Intervals assume Gaussian base forecast errors with covariance {@code W_h = D_h^(1/2) R
 * D_h^(1/2)} at step h: each node's own base standard error ({@code D_h}) and the correlation
 * {@code R} of the shrunk in-sample one-step residual covariance (identity when the residuals give
 * none). The reconciled error {@code S P e_h} is then Gaussian with variance {@code diag(S P W_h P'
 * S')}, and the interval is {@code ytilde ± z sqrt(var)} ({@link ReconciledVariance}). Under the
 * non-negative option the bounds are clamped at 0 as well. Immutable; accessors copy.
 */
public final class Reconciliation {
  private final ReconciliationMethod requested;
  private final ReconciliationMethod used;
  private final Optional<String> fallbackReason;
  private final OptionalDouble shrinkageIntensity;
  private final int residualRows;
  private final double[][] mean;
  private final double[][] standardError;
  private final int negativesSetToZero;
  private final boolean clampAtZero;

  Reconciliation(
      ReconciliationMethod requested,
      ReconciliationMethod used,
      Optional<String> fallbackReason,
      OptionalDouble shrinkageIntensity,
      int residualRows,
      double[][] mean,
      double[][] standardError,
      int negativesSetToZero,
      boolean clampAtZero) {
    this.requested = requested;
    this.used = used;
    this.fallbackReason = fallbackReason;
    this.shrinkageIntensity = shrinkageIntensity;
    this.residualRows = residualRows;
    this.mean = mean;
    this.standardError = standardError;
    this.negativesSetToZero = negativesSetToZero;
    this.clampAtZero = clampAtZero;
  }

  /** The method asked for. */
  public ReconciliationMethod requested() {
    return requested;
  }

  /** The method that produced the forecasts: the one asked for, or its fallback. */
  public ReconciliationMethod used() {
    return used;
  }

  /** Why the requested method was not used, when it was not. */
  public Optional<String> fallbackReason() {
    return fallbackReason;
  }

  /** The shrinkage intensity of the residual covariance, when one was estimated. */
  public OptionalDouble shrinkageIntensity() {
    return shrinkageIntensity;
  }

  /** Complete residual times behind the covariance (0 when none was estimated). */
  public int residualRows() {
    return residualRows;
  }

  /** Number of nodes. */
  public int size() {
    return mean.length;
  }

  /** Number of steps. */
  public int horizon() {
    return mean[0].length;
  }

  /** How many reconciled bottom values (series x step) were negative and set to 0. */
  public int negativesSetToZero() {
    return negativesSetToZero;
  }

  /** Reconciled point forecasts of node {@code i}, steps 1..h. */
  public double[] mean(int node) {
    return mean[node].clone();
  }

  /** Reconciled standard errors of node {@code i}, when every base forecast had them. */
  public Optional<double[]> standardError(int node) {
    return standardError == null ? Optional.empty() : Optional.of(standardError[node].clone());
  }

  /** The reconciled interval of node {@code i} at {@code level} (e.g. 0.8), when available. */
  public Optional<PredictionInterval> interval(int node, double level) {
    if (standardError == null) {
      return Optional.empty();
    }
    double z = NormalQuantile.twoSided(level);
    int h = horizon();
    double[] lo = new double[h];
    double[] hi = new double[h];
    for (int s = 0; s < h; s++) {
      double w = z * standardError[node][s];
      lo[s] = mean[node][s] - w;
      hi[s] = mean[node][s] + w;
      if (clampAtZero) {
        lo[s] = Math.max(0, lo[s]);
        hi[s] = Math.max(0, hi[s]);
      }
    }
    return Optional.of(new PredictionInterval(level, lo, hi));
  }
}
