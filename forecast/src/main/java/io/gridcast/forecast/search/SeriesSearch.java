package io.gridcast.forecast.search;

import io.gridcast.forecast.ForecastException;
import io.gridcast.forecast.covariate.Covariates;
import io.gridcast.forecast.metric.Accuracy;
import io.gridcast.forecast.metric.Metric;
import io.gridcast.forecast.model.FittedModel;
import io.gridcast.forecast.model.ModelSpec;
import io.gridcast.forecast.model.Naive;
import io.gridcast.forecast.model.PredictionInterval;
import io.gridcast.forecast.series.Series;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The search on one series, on the calling thread. Stateless apart from its settings. */
final class SeriesSearch {
  private final GridOptimizer.Settings settings;

  SeriesSearch(GridOptimizer.Settings settings) {
    this.settings = settings;
  }

  OptimizationResult run(
      Series series, CandidateSet set, ProgressListener progress, CancellationCheck cancel) {
    return run(series, Covariates.none(), set, progress, cancel);
  }

  /**
   * The search with covariates {@code x} (history and future rows; {@link Covariates#none()} for
   * none): covariate models are fitted with each fold's own rows ({@link CovariateUse}) and left
   * out, with the reason, when {@code x} is empty or does not cover the horizon.
   */
  OptimizationResult run(
      Series series,
      Covariates x,
      CandidateSet given,
      ProgressListener progress,
      CancellationCheck cancel) {
    double[] y = series.values();
    Metric metric = settings.metricFor(series);
    int n = y.length;
    int period = series.period();
    int h = settings.horizon();
    List<String> skippedAll = new ArrayList<>(given.skipped());
    List<ModelSpec> usable = CovariateUse.usable(given.candidates(), x, n, h, skippedAll);
    boolean incumbentKept =
        !given.candidates().isEmpty()
            && !usable.isEmpty()
            && usable.get(0) == given.candidates().get(0);
    CandidateSet set =
        new CandidateSet(usable, skippedAll, incumbentKept ? given.incumbentMargin() : 0);
    List<ModelSpec> candidates = set.candidates();
    int total = candidates.size();
    if (n < 3) {
      checkCancel(series, cancel, 0, total);
      progress.progress(total, total);
      return fallback(
          series,
          metric,
          y,
          set,
          List.of(),
          0,
          new Fallback(
              Fallback.Cause.SHORT_SERIES,
              "series has "
                  + n
                  + " value"
                  + (n == 1 ? "" : "s")
                  + ", fewer than 3: naive forecast"));
    }
    int step = settings.step() > 0 ? settings.step() : h;
    FoldPlan plan = FoldPlan.of(n, h, settings.folds(), step, period);
    int k = plan.folds();
    int th = plan.testHorizon();
    double[] scales = new double[k];
    for (int j = 0; j < k; j++) {
      double s = Accuracy.maseScale(y, plan.origins()[j], period);
      scales[j] = s > 0 && Double.isFinite(s) ? s : 1; // constant history: MASE falls back to MAE
    }

    List<CandidateScore> scores = new ArrayList<>(total);
    List<String> pruned = AiccPruning.apply(candidates, y, period, settings.aiccKeepPerFamily());
    double[] errors = new double[k * th];
    double[] bestErrors = new double[k * th];
    int done = 0;
    CandidateScore leader = null;
    for (int c = 0; c < total; c++) {
      checkCancel(series, cancel, done, total);
      ModelSpec spec = candidates.get(c);
      String prunedReason = pruned.get(c);
      if (prunedReason != null) {
        scores.add(new CandidateScore(spec, Double.NaN, Optional.of(prunedReason)));
      } else {
        scores.add(backtest(spec, metric, y, x, period, plan, scales, errors));
        CandidateScore last = scores.get(scores.size() - 1);
        if (last.scored() && (leader == null || RANKING.compare(last, leader) < 0)) {
          leader = last;
          double[] t = bestErrors;
          bestErrors = errors;
          errors = t;
        }
      }
      progress.progress(++done, total);
    }
    List<CandidateScore> ranked = new ArrayList<>(scores);
    ranked.sort(RANKING);

    List<CandidateScore> order = incumbentFirst(ranked, scores, set.incumbentMargin());
    StringBuilder refitFailures = new StringBuilder();
    for (int r = 0; r < order.size(); r++) {
      CandidateScore best = order.get(r);
      if (!best.scored()) {
        break;
      }
      try {
        FittedModel fitted = CovariateUse.fit(best.spec(), y, n, period, x, h);
        double[] f = fitted.forecast(h);
        if (!allFinite(f)) {
          throw new IllegalStateException("non-finite forecast on all data");
        }
        if (best != leader) { // the kept errors are the leader's: recompute this one's
          backtest(best.spec(), metric, y, x, period, plan, scales, bestErrors);
        }
        return finish(
            new Choice(
                series,
                y,
                metric,
                set,
                ranked,
                best,
                fitted,
                f,
                bestErrors,
                k,
                th,
                r == 0
                    ? Optional.empty()
                    : Optional.of(
                        new Fallback(
                            Fallback.Cause.BEST_REFIT_FAILED,
                            "best candidates failed to refit: " + refitFailures))));
      } catch (RuntimeException e) {
        refitFailures
            .append(refitFailures.isEmpty() ? "" : "; ")
            .append(SpecLabel.name(best.spec()))
            .append(": ")
            .append(reason(e));
      }
    }
    Fallback why =
        total == 0
            ? new Fallback(Fallback.Cause.NO_CANDIDATES, "no candidates")
            : new Fallback(
                Fallback.Cause.NO_CANDIDATE_FITTED,
                "no candidate could be fitted: "
                    + (refitFailures.isEmpty() ? firstFailures(scores) : refitFailures.toString()));
    return fallback(series, metric, y, set, ranked, k, why);
  }

  /**
   * The order in which to try candidates: by score, except that the incumbent (the first candidate)
   * goes first unless the best challenger beats its score by more than {@code margin} relative
   * ({@code best < incumbent * (1 - margin)}). With a small backtest, many candidates and close
   * scores, picking the raw minimum mostly picks noise; a robust incumbent with a hurdle keeps the
   * accuracy of the incumbent while still switching when a challenger is clearly better.
   */
  private static List<CandidateScore> incumbentFirst(
      List<CandidateScore> ranked, List<CandidateScore> scores, double margin) {
    if (margin <= 0 || scores.isEmpty() || ranked.isEmpty()) {
      return ranked;
    }
    CandidateScore incumbent = scores.get(0);
    CandidateScore best = ranked.get(0);
    if (!incumbent.scored()
        || Double.isNaN(incumbent.score())
        || incumbent == best
        || best.score() < incumbent.score() * (1 - margin)) {
      return ranked;
    }
    List<CandidateScore> order = new ArrayList<>(ranked.size());
    order.add(incumbent);
    for (CandidateScore c : ranked) {
      if (c != incumbent) {
        order.add(c);
      }
    }
    return order;
  }

  /**
   * Lower score first; NaN scores after numbers; unscored last; stable (list order breaks ties).
   */
  private static final Comparator<CandidateScore> RANKING =
      Comparator.comparing((CandidateScore s) -> !s.scored())
          .thenComparing(s -> Double.isNaN(s.score()))
          .thenComparingDouble(s -> Double.isNaN(s.score()) ? 0 : s.score());

  private CandidateScore backtest(
      ModelSpec spec,
      Metric metric,
      double[] y,
      Covariates x,
      int period,
      FoldPlan plan,
      double[] scales,
      double[] errors) {
    int th = plan.testHorizon();
    double sum = 0;
    long count = 0;
    try {
      for (int j = 0; j < plan.folds(); j++) {
        int o = plan.origins()[j];
        double[] f = CovariateUse.fit(spec, y, o, period, x, th).forecast(th);
        for (int s = 0; s < th; s++) {
          double fs = f[s];
          if (!Double.isFinite(fs)) {
            return new CandidateScore(
                spec,
                Double.NaN,
                Optional.of(
                    "non-finite forecast " + fs + " at step " + (s + 1) + " from origin " + o));
          }
          double actual = y[o + s];
          errors[j * th + s] = actual - fs;
          double l = metric.pointLoss(actual, fs, scales[j]);
          if (!Double.isNaN(l)) {
            sum += l;
            count++;
          }
        }
      }
    } catch (OptimizationCancelledException e) {
      throw e;
    } catch (RuntimeException e) {
      return new CandidateScore(spec, Double.NaN, Optional.of(reason(e)));
    }
    return new CandidateScore(spec, metric.finish(sum, count), Optional.empty());
  }

  /**
   * What the search settled on for one series.
   *
   * @param series the series searched
   * @param history its values, of which the refit's residuals are taken
   * @param set the candidate set searched (its skipped candidates go into the result)
   * @param ranked every candidate's score, best first
   * @param best the chosen candidate
   * @param fitted the chosen candidate refitted on all data
   * @param forecast its forecast of the horizon
   * @param foldErrors the chosen candidate's backtest errors, fold by fold ({@code folds *
   *     testHorizon})
   * @param folds backtest folds run
   * @param testHorizon steps tested per fold
   * @param fallback why the chosen one is not the best scored, if it is not
   */
  private record Choice(
      Series series,
      double[] history,
      Metric metric,
      CandidateSet set,
      List<CandidateScore> ranked,
      CandidateScore best,
      FittedModel fitted,
      double[] forecast,
      double[] foldErrors,
      int folds,
      int testHorizon,
      Optional<Fallback> fallback) {}

  /** The result of a choice: intervals analytic when the model has them, else from backtests. */
  private OptimizationResult finish(Choice c) {
    Series series = c.series();
    FittedModel fitted = c.fitted();
    double[] f = c.forecast();
    int k = c.folds();
    int th = c.testHorizon();
    int h = f.length;
    List<PredictionInterval> intervals = new ArrayList<>(settings.levels().size());
    for (double level : settings.levels()) {
      Optional<PredictionInterval> a = safe(fitted, h, level / 100);
      if (a.isEmpty()) {
        break;
      }
      intervals.add(a.get());
    }
    IntervalMethod method = IntervalMethod.ANALYTIC;
    if (intervals.size() < settings.levels().size()) {
      intervals.clear();
      for (double level : settings.levels()) {
        intervals.add(BacktestIntervals.of(f, c.foldErrors(), k, th, level / 100));
      }
      method = IntervalMethod.BACKTEST;
    }
    boolean clamp = series.isNonNegative();
    return new OptimizationResult(
        series.id(),
        c.best().spec(),
        fitted.spec(),
        c.metric(),
        c.best().score(),
        k,
        c.ranked(),
        clampPoints(f, clamp),
        clamp(intervals, clamp),
        method,
        c.fallback(),
        c.set().skipped(),
        residuals(fitted, c.history()),
        CovariateUse.names(fitted),
        CovariateUse.coefficients(fitted));
  }

  private static double[] residuals(FittedModel fitted, double[] y) {
    double[] f;
    try {
      f = fitted.fittedValues().orElse(null);
    } catch (RuntimeException e) {
      return new double[0];
    }
    if (f == null || f.length != y.length) {
      return new double[0];
    }
    for (int t = 0; t < f.length; t++) {
      f[t] = y[t] - f[t];
    }
    return f;
  }

  private OptimizationResult fallback(
      Series series,
      Metric metric,
      double[] y,
      CandidateSet set,
      List<CandidateScore> ranked,
      int k,
      Fallback reason) {
    Naive naive = new Naive();
    FittedModel fitted = naive.fit(y, y.length, series.period());
    int h = settings.horizon();
    boolean clamp = series.isNonNegative();
    return new OptimizationResult(
        series.id(),
        naive,
        fitted.spec(),
        metric,
        Double.NaN,
        k,
        ranked,
        clampPoints(fitted.forecast(h), clamp),
        clamp(
            settings.levels().stream()
                .map(level -> fitted.interval(h, level / 100).orElseThrow())
                .toList(),
            clamp),
        IntervalMethod.ANALYTIC,
        Optional.of(reason),
        set.skipped(),
        residuals(fitted, y));
  }

  private static Optional<PredictionInterval> safe(FittedModel fitted, int h, double level) {
    try {
      return fitted
          .interval(h, level)
          .filter(p -> allFinite(p.lower()) && allFinite(p.upper()) && p.lower().length == h);
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  private static double[] clampPoints(double[] f, boolean clamp) {
    if (clamp) {
      for (int i = 0; i < f.length; i++) {
        f[i] = Math.max(0, f[i]);
      }
    }
    return f;
  }

  private static List<PredictionInterval> clamp(List<PredictionInterval> ps, boolean clamp) {
    if (!clamp) {
      return ps;
    }
    List<PredictionInterval> out = new ArrayList<>(ps.size());
    for (PredictionInterval p : ps) {
      out.add(
          new PredictionInterval(
              p.level(), clampPoints(p.lower(), true), clampPoints(p.upper(), true)));
    }
    return out;
  }

  private static boolean allFinite(double[] a) {
    for (double v : a) {
      if (!Double.isFinite(v)) {
        return false;
      }
    }
    return true;
  }

  private static String reason(RuntimeException e) {
    String m = e.getMessage();
    return e instanceof ForecastException && m != null
        ? m
        : e.getClass().getSimpleName() + (m == null ? "" : ": " + m);
  }

  private static String firstFailures(List<CandidateScore> scores) {
    StringBuilder b = new StringBuilder();
    int shown = 0;
    for (CandidateScore s : scores) {
      if (s.failure().isPresent() && shown < 3) {
        b.append(shown++ == 0 ? "" : "; ").append(s.failure().get());
      }
    }
    return b.toString();
  }

  private static void checkCancel(Series series, CancellationCheck cancel, long done, long total) {
    if (cancel.isCancelled()) {
      throw new OptimizationCancelledException(series.id(), done, total);
    }
  }
}
