package io.gridcast.server.job;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.annotation.JsonValue;
import io.gridcast.forecast.model.ModelSpec;
import io.gridcast.forecast.model.PredictionInterval;
import io.gridcast.forecast.registry.ModelRegistry;
import io.gridcast.forecast.search.CandidateScore;
import io.gridcast.forecast.search.Combination;
import io.gridcast.forecast.search.Fallback;
import io.gridcast.forecast.search.OptimizationResult;
import io.gridcast.forecast.series.Series;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The stored JSON of one SKU's result, written in component order: {@code sku, frequency,
 * seasonal_periods, model, parameters, spec, fitted_parameters, metric, score, folds, cv_scores[],
 * forecast{ds, y_hat, lo_L, hi_L ...}, interval_method, fallback, residuals}, plus {@code
 * previous_score, threshold, flagged} for rescoring. Numbers that are not finite are written as
 * null (JSON has no NaN).
 *
 * @param sku the asker's SKU; null in a {@link #computation()} (then not written)
 * @param frequency the series' frequency (pandas name: {@code ME}, {@code h}, {@code index})
 * @param seasonalPeriods the seasonal periods the models were given, ascending
 * @param model the chosen model's display name
 * @param parameters its parameters as asked for
 * @param spec the spec a refit uses, rebuildable through the registry: the chosen one, or for a
 *     structure search (auto_arima) the structure it chose ({@link ModelSpec#refitSpec})
 * @param fittedParameters the parameters fitted on all data
 * @param metric the metric's key
 * @param score the chosen model's backtest score
 * @param folds backtest folds run
 * @param cvScores the best candidates' scores (at most {@value #MAX_SCORES}), best first
 * @param forecast the forecast and its intervals
 * @param intervalMethod how the intervals were made
 * @param fallback why the SKU did not get its best-scoring candidate; null (written) when it did
 * @param covariates each covariate's coefficient in the chosen model (its linear effect on the
 *     series), by name in column order; empty when the model used none
 * @param residuals the chosen model's in-sample one-step residuals on the whole history ({@link
 *     Residuals}: base64 of little-endian float64), what reconciliation estimates the forecast
 *     errors' covariance from; null (not written) when the model gives none
 * @param rescore what a rescoring adds; null for an optimization (then not written)
 */
record ResultBody(
    @JsonInclude(Include.NON_NULL) String sku,
    String frequency,
    double[] seasonalPeriods,
    String model,
    Map<String, Double> parameters,
    Spec spec,
    Map<String, Double> fittedParameters,
    String metric,
    Double score,
    int folds,
    List<CvScore> cvScores,
    Forecast forecast,
    String intervalMethod,
    FallbackNote fallback,
    Map<String, Double> covariates,
    @JsonInclude(Include.NON_NULL) String residuals,
    @JsonUnwrapped Rescore rescore) {

  /** At most this many candidate scores are kept per SKU (best first). */
  static final int MAX_SCORES = 20;

  /**
   * A spec as asked for: {@code {"name","parameters"}}, or {@code
   * {"name":"combination","members":[...]}}.
   */
  record Spec(
      String name,
      @JsonInclude(Include.NON_NULL) Map<String, Double> parameters,
      @JsonInclude(Include.NON_NULL) List<Spec> members) {

    static Spec of(ModelSpec spec) {
      return spec instanceof Combination c
          ? new Spec(spec.name(), null, c.members().stream().map(Spec::of).toList())
          : new Spec(spec.name(), finiteMap(spec.parameters()), null);
    }

    /** The spec rebuilt through the registry. */
    ModelSpec build(ModelRegistry registry) {
      if (Combination.NAME.equals(name)) {
        return new Combination(members.stream().map(m -> m.build(registry)).toList());
      }
      Map<String, Double> params = new LinkedHashMap<>();
      if (parameters != null) {
        parameters.forEach((k, v) -> {
          if (v != null) {
            params.put(k, v);
          }
        });
      }
      return registry.create(name, params);
    }
  }

  /** One candidate's backtest score, or why it failed. */
  record CvScore(
      String model,
      Map<String, Double> parameters,
      Double score,
      @JsonInclude(Include.NON_NULL) String failure) {}

  /**
   * The forecast with one interval per level, one value per step; written flat as {@code {"ds",
   * "y_hat", "lo_80", "hi_80", "lo_95", "hi_95"}}, the pairs ascending by level.
   *
   * @param ds the asker's forecast dates; null in a {@link #computation()} (then not written)
   */
  record Forecast(List<String> ds, Double[] yHat, List<Band> bands) {

    @JsonValue
    Map<String, Object> json() {
      Map<String, Object> m = new LinkedHashMap<>();
      if (ds != null) {
        m.put("ds", ds);
      }
      m.put("y_hat", yHat);
      for (Band b : bands) {
        m.put("lo_" + IntervalColumns.name(b.level()), b.lower());
        m.put("hi_" + IntervalColumns.name(b.level()), b.upper());
      }
      return m;
    }

    Forecast withoutDates() {
      return new Forecast(null, yHat, bands);
    }
  }

  /**
   * One interval of the forecast.
   *
   * @param level the level in percent (80 for 80%)
   */
  record Band(double level, Double[] lower, Double[] upper) {}

  /**
   * Why the search did not use its best-scoring candidate.
   *
   * @param cause {@code short_series}, {@code no_candidates}, {@code no_candidate_fitted} (these
   *     forecast naive) or {@code best_refit_failed} (the next candidate that refits is used)
   * @param reason the details in words
   */
  record FallbackNote(String cause, String reason) {
    static FallbackNote of(Fallback f) {
      return new FallbackNote(f.cause().code(), f.reason());
    }
  }

  /**
   * What a rescoring adds to a body.
   *
   * @param previousScore the stored best model's earlier score (null when it had none)
   * @param threshold relative error growth that flags the SKU
   * @param flagged whether the error grew by more than the threshold
   */
  record Rescore(Double previousScore, double threshold, boolean flagged) {}

  /** The body of a search's result for {@code series}. */
  static ResultBody of(Series series, OptimizationResult r) {
    List<CvScore> scores = new ArrayList<>();
    for (CandidateScore c : r.scores()) {
      if (scores.size() == MAX_SCORES) {
        break;
      }
      scores.add(
          new CvScore(
              display(c.spec()),
              finiteMap(c.spec().parameters()),
              JobJson.finite(c.score()),
              c.failure().orElse(null)));
    }
    int h = r.horizon();
    List<String> ds = new ArrayList<>(h);
    for (int step = 1; step <= h; step++) {
      ds.add(series.forecastLabel(step));
    }
    List<Band> bands = new ArrayList<>();
    for (PredictionInterval p : r.intervals()) {
      bands.add(
          new Band(
              Math.round(p.level() * 1e10) / 1e8,
              JobJson.finite(p.lower()),
              JobJson.finite(p.upper())));
    }
    return new ResultBody(
        series.id(),
        series.axis().frequency().name(),
        series.seasonalPeriods(),
        display(r.chosen()),
        finiteMap(r.chosen().parameters()),
        Spec.of(r.chosen().refitSpec(r.fitted())),
        finiteMap(r.fitted().parameters()),
        r.metric().key(),
        JobJson.finite(r.score()),
        r.folds(),
        scores,
        new Forecast(ds, JobJson.finite(r.forecast()), bands),
        r.intervalMethod() == null ? null : r.intervalMethod().name().toLowerCase(Locale.ROOT),
        r.fallback().map(FallbackNote::of).orElse(null),
        finiteMap(r.covariateCoefficients()),
        Residuals.encode(r.residuals()),
        null);
  }

  /** This body with what a rescoring adds. */
  ResultBody rescored(Rescore r) {
    return new ResultBody(
        sku,
        frequency,
        seasonalPeriods,
        model,
        parameters,
        spec,
        fittedParameters,
        metric,
        score,
        folds,
        cvScores,
        forecast,
        intervalMethod,
        fallback,
        covariates,
        residuals,
        r);
  }

  /**
   * The computation in this body: the body without what belongs to the asker's series ({@code sku}
   * and {@code forecast.ds}); what the result cache stores.
   */
  ResultBody computation() {
    return new ResultBody(
        null,
        frequency,
        seasonalPeriods,
        model,
        parameters,
        spec,
        fittedParameters,
        metric,
        score,
        folds,
        cvScores,
        forecast.withoutDates(),
        intervalMethod,
        fallback,
        covariates,
        residuals,
        rescore);
  }

  /** The score, NaN when there is none. */
  double scoreOrNaN() {
    return score == null ? Double.NaN : score;
  }

  static Map<String, Double> finiteMap(Map<String, Double> p) {
    Map<String, Double> out = new LinkedHashMap<>();
    p.forEach((k, v) -> out.put(k, v == null ? null : JobJson.finite(v)));
    return out;
  }

  /** The name shown for a spec: the registry name, or {@code combination(a+b)}. */
  static String display(ModelSpec spec) {
    return spec instanceof Combination c ? c.label() : spec.name();
  }

  /** What a stored body says about its model: enough to refit it. */
  record StoredModel(String model, Spec spec) {}
}
