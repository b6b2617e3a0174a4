package io.gridcast.server.job;

import io.gridcast.forecast.hierarchy.BaseForecast;
import io.gridcast.forecast.hierarchy.Hierarchy;
import io.gridcast.forecast.hierarchy.LevelScores;
import io.gridcast.forecast.hierarchy.LevelScores.LevelScore;
import io.gridcast.forecast.hierarchy.Reconciler;
import io.gridcast.forecast.hierarchy.Reconciliation;
import io.gridcast.forecast.hierarchy.ReconciliationMethod;
import io.gridcast.forecast.model.FittedModel;
import io.gridcast.forecast.model.ModelSpec;
import io.gridcast.forecast.model.PredictionInterval;
import io.gridcast.forecast.series.Series;
import io.gridcast.server.dataset.StoredHierarchy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The per-level score of a hierarchy in a validation: the last {@code horizon} values of every node
 * are held out, each node's model is fitted on the rest and forecasts them, the base forecasts are
 * reconciled, and the mean MASE of each level (in-sample seasonal-naive scale) is reported for the
 * base and the reconciled forecasts, with the mean over the levels ({@link LevelScores}).
 * Stateless.
 */
final class HierarchyValidation {
  private HierarchyValidation() {}

  /**
   * The scores.
   *
   * @param series every node's series, in the hierarchy's order
   * @param modelOf the model of a node's series
   * @param method how the base forecasts are reconciled
   * @return the report, or empty when the series are too short to hold {@code horizon} values out
   */
  static Optional<ValidationReport.HierarchyScores> score(
      StoredHierarchy stored,
      List<Series> series,
      Function<Series, ModelSpec> modelOf,
      int horizon,
      ReconciliationMethod method) {
    Hierarchy h = stored.hierarchy();
    int n = h.size();
    int length = series.get(0).length();
    int origin = length - horizon;
    if (origin < 3) {
      return Optional.empty();
    }
    int period = series.get(0).period();
    double[][] train = new double[n][];
    double[][] test = new double[n][];
    double[][] baseRows = new double[n][];
    List<BaseForecast> base = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      Series s = series.get(i);
      double[] y = s.values();
      train[i] = Arrays.copyOf(y, origin);
      test[i] = Arrays.copyOfRange(y, origin, length);
      FittedModel f = modelOf.apply(s).fit(y, origin, period);
      baseRows[i] = f.forecast(horizon);
      BaseForecast b = BaseForecast.of(baseRows[i]);
      Optional<PredictionInterval> interval = f.interval(horizon, 0.95);
      if (interval.isPresent() && allFinite(interval.get().upper())) {
        b = b.withInterval(interval.get());
      }
      Optional<double[]> fitted = f.fittedValues();
      if (fitted.isPresent()) {
        double[] fv = fitted.get();
        double[] r = new double[origin];
        for (int t = 0; t < origin; t++) {
          r[t] = t < fv.length ? y[t] - fv[t] : Double.NaN;
        }
        b = b.withResiduals(r);
      }
      base.add(b);
    }
    Reconciliation rec = Reconciler.builder(h).method(method).build().reconcile(base);
    List<LevelScore> before = LevelScores.mase(h, train, test, baseRows, period);
    List<LevelScore> after = LevelScores.mase(h, train, test, LevelScores.rows(rec), period);
    List<ValidationReport.LevelLine> lines = new ArrayList<>();
    for (int l = 0; l < before.size(); l++) {
      LevelScore b = before.get(l);
      lines.add(
          new ValidationReport.LevelLine(
              b.level(),
              b.nodes(),
              b.unscored(),
              JobJson.finite(b.meanMase()),
              JobJson.finite(after.get(l).meanMase())));
    }
    return Optional.of(
        new ValidationReport.HierarchyScores(
            stored.declaration(),
            horizon,
            rec.requested().label(),
            rec.used().label(),
            rec.fallbackReason().orElse(null),
            lines,
            JobJson.finite(LevelScores.meanOfLevels(before)),
            JobJson.finite(LevelScores.meanOfLevels(after))));
  }

  private static boolean allFinite(double[] v) {
    for (double x : v) {
      if (!Double.isFinite(x)) {
        return false;
      }
    }
    return true;
  }
}
