package io.gridcast.forecast.hierarchy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Reconciles one base forecast per node of a {@link Hierarchy} into coherent forecasts by a {@link
 * ReconciliationMethod} (default {@link ReconciliationMethod#MINT_SHRINK}).
 *
 * <p>Methods that need the in-sample residuals ({@link ReconciliationMethod#needsResiduals()}) fall
 * back to {@link ReconciliationMethod#FALLBACK} (WLS with structural scaling) when the residual
 * covariance is not usable: a node without residuals, fewer than {@value
 * ShrinkageCovariance#MIN_ROWS} complete times, a node with zero mean squared residual, or a weight
 * matrix whose {@code U' W U} is not positive definite; {@link Reconciliation#fallbackReason()}
 * says which.
 *
 * <p>With {@link Builder#nonNegative(boolean)} a negative reconciled bottom forecast is set to 0
 * and the aggregates are summed again (FoReco's set-negative-to-zero heuristic): coherent and
 * non-negative, no longer exactly the projection.
 *
 * <p>Cost for {@code n} nodes, {@code m} bottom series, {@code T} residual times and {@code h}
 * steps: {@code O(n² T)} for the covariance, {@code O((n-m)³ + m (n-m)²)} for {@code P}, {@code O(m
 * n h)} for the forecasts and {@code O(m n T h)} for the interval variances. Immutable and
 * thread-safe.
 *
 * <pre>{@code
 * Reconciliation r = Reconciler.builder(hierarchy).build().reconcile(baseForecasts);
 * double[] total = r.mean(0);
 * }</pre>
 */
public final class Reconciler {
  private final Hierarchy hierarchy;
  private final ReconciliationMethod method;
  private final boolean nonNegative;

  private Reconciler(Hierarchy hierarchy, ReconciliationMethod method, boolean nonNegative) {
    this.hierarchy = hierarchy;
    this.method = method;
    this.nonNegative = nonNegative;
  }

  public static Builder builder(Hierarchy hierarchy) {
    return new Builder(hierarchy);
  }

  public Hierarchy hierarchy() {
    return hierarchy;
  }

  public ReconciliationMethod method() {
    return method;
  }

  /** The method chosen, its fallback reason, the covariance and the fixed projection. */
  record Plan(
      ReconciliationMethod used,
      Optional<String> reason,
      ShrinkageCovariance covariance,
      double[][] fixedProjection) {

    /** {@code P} at one step, {@code yhat} the base forecasts of that step. */
    double[][] projection(Hierarchy h, double[] yhat) {
      return fixedProjection != null ? fixedProjection : Projections.topDown(h, yhat);
    }
  }

  /**
   * Reconciles the base forecasts.
   *
   * @param base one per node, in {@link Hierarchy#nodes()} order, all of one horizon
   * @throws IllegalArgumentException naming the node when the count, a horizon or a value is wrong
   */
  public Reconciliation reconcile(List<BaseForecast> base) {
    check(base);
    Plan plan = plan(base);
    int n = hierarchy.size();
    int h = base.get(0).horizon();
    SummingMatrix s = hierarchy.summing();
    boolean intervals = base.stream().allMatch(BaseForecast::hasStandardError);
    double[][] mean = new double[n][h];
    double[][] se = intervals ? new double[n][h] : null;
    double[][] fixedSp =
        intervals && plan.fixedProjection() != null
            ? ReconciledVariance.sp(s, plan.fixedProjection())
            : null;
    double[] yhat = new double[n];
    double[] sigma = new double[n];
    int negatives = 0;
    for (int step = 0; step < h; step++) {
      for (int i = 0; i < n; i++) {
        yhat[i] = base.get(i).meanAt(step);
      }
      double[][] p = plan.projection(hierarchy, yhat);
      double[] b = Projections.apply(p, yhat);
      if (nonNegative) {
        for (int j = 0; j < b.length; j++) {
          if (b[j] < 0) {
            b[j] = 0;
            negatives++;
          }
        }
      }
      double[] y = s.sum(b);
      for (int i = 0; i < n; i++) {
        mean[i][step] = y[i];
      }
      if (intervals) {
        for (int i = 0; i < n; i++) {
          sigma[i] = base.get(i).standardErrorAt(step);
        }
        double[][] sp = fixedSp != null ? fixedSp : ReconciledVariance.sp(s, p);
        double[] var = ReconciledVariance.of(s, p, sp, sigma, plan.covariance());
        for (int i = 0; i < n; i++) {
          se[i][step] = Math.sqrt(Math.max(0, var[i]));
        }
      }
    }
    ShrinkageCovariance cov = plan.covariance();
    return new Reconciliation(
        method,
        plan.used(),
        plan.reason(),
        cov == null ? OptionalDouble.empty() : OptionalDouble.of(cov.lambda()),
        cov == null ? 0 : cov.rows(),
        mean,
        se,
        negatives,
        nonNegative);
  }

  /** Chooses the method (or its fallback) and computes what does not depend on the step. */
  Plan plan(List<BaseForecast> base) {
    boolean intervals = base.stream().allMatch(BaseForecast::hasStandardError);
    ShrinkageCovariance cov = null;
    String problem = null;
    if (method.needsResiduals() || intervals) {
      try {
        cov = covariance(base);
      } catch (CovarianceNotUsableException e) {
        problem = e.getMessage();
      }
    }
    try {
      return switch (method) {
        case BOTTOM_UP -> new Plan(method, Optional.empty(), cov, Projections.bottomUp(hierarchy));
        case TOP_DOWN_FORECAST_PROPORTIONS -> new Plan(method, Optional.empty(), cov, null);
        case OLS -> gls(method, cov, new Projections.Diagonal(ones()));
        case WLS_STRUCTURAL -> gls(method, cov, new Projections.Diagonal(counts()));
        case WLS_VARIANCE ->
            cov == null
                ? fallback(problem, null)
                : gls(method, cov, new Projections.Diagonal(cov.variance()));
        case MINT_SHRINK -> {
          if (cov == null) {
            yield fallback(problem, null);
          }
          try {
            yield gls(method, cov, new Projections.Dense(cov));
          } catch (Projections.NotPositiveDefinite e) {
            yield fallback("the shrunk residual covariance: " + e.getMessage(), cov);
          }
        }
      };
    } catch (Projections.NotPositiveDefinite e) {
      throw new IllegalStateException(method.label() + ": " + e.getMessage(), e);
    }
  }

  private Plan gls(ReconciliationMethod m, ShrinkageCovariance cov, Projections.Weights w)
      throws Projections.NotPositiveDefinite {
    return new Plan(m, Optional.empty(), cov, Projections.generalizedLeastSquares(hierarchy, w));
  }

  private Plan fallback(String problem, ShrinkageCovariance cov)
      throws Projections.NotPositiveDefinite {
    ReconciliationMethod f = ReconciliationMethod.FALLBACK;
    String reason =
        method.label() + " not usable (" + problem + "); reconciled by " + f.label() + " instead";
    return new Plan(
        f,
        Optional.of(reason),
        cov,
        Projections.generalizedLeastSquares(hierarchy, new Projections.Diagonal(counts())));
  }

  private ShrinkageCovariance covariance(List<BaseForecast> base) {
    List<double[]> residuals = new ArrayList<>(base.size());
    List<String> names = new ArrayList<>(base.size());
    for (int i = 0; i < base.size(); i++) {
      residuals.add(base.get(i).residualsView());
      names.add(hierarchy.node(i).name());
    }
    return ShrinkageCovariance.estimate(residuals, names);
  }

  private double[] ones() {
    double[] w = new double[hierarchy.size()];
    Arrays.fill(w, 1);
    return w;
  }

  private double[] counts() {
    double[] w = new double[hierarchy.size()];
    for (int i = 0; i < w.length; i++) {
      w[i] = hierarchy.summing().count(i);
    }
    return w;
  }

  private void check(List<BaseForecast> base) {
    if (base.size() != hierarchy.size()) {
      throw new IllegalArgumentException(
          "expected one base forecast per node (" + hierarchy.size() + "), got " + base.size());
    }
    int h = base.get(0).horizon();
    for (int i = 0; i < base.size(); i++) {
      BaseForecast f = base.get(i);
      String node = hierarchy.node(i).name();
      if (f.horizon() != h) {
        throw new IllegalArgumentException(
            "node "
                + node
                + " has "
                + f.horizon()
                + " steps, node "
                + hierarchy.node(0).name()
                + " has "
                + h);
      }
      for (int s = 0; s < h; s++) {
        if (!Double.isFinite(f.meanAt(s))) {
          throw new IllegalArgumentException(
              "node "
                  + node
                  + " has a non-finite base forecast at step "
                  + (s + 1)
                  + ": "
                  + f.meanAt(s));
        }
        if (f.hasStandardError() && !(f.standardErrorAt(s) >= 0)) {
          throw new IllegalArgumentException(
              "node "
                  + node
                  + " has an invalid standard error at step "
                  + (s + 1)
                  + ": "
                  + f.standardErrorAt(s));
        }
      }
    }
  }

  /** Builder; setters validate at once. */
  public static final class Builder {
    private final Hierarchy hierarchy;
    private ReconciliationMethod method = ReconciliationMethod.DEFAULT;
    private boolean nonNegative;

    private Builder(Hierarchy hierarchy) {
      this.hierarchy = Objects.requireNonNull(hierarchy, "hierarchy");
    }

    /** The method (default MinT-shrink). */
    public Builder method(ReconciliationMethod method) {
      this.method = Objects.requireNonNull(method, "method");
      return this;
    }

    /** Set negative reconciled bottom forecasts to 0 and sum again (default off). */
    public Builder nonNegative(boolean nonNegative) {
      this.nonNegative = nonNegative;
      return this;
    }

    public Reconciler build() {
      return new Reconciler(hierarchy, method, nonNegative);
    }
  }
}
