package io.gridcast.server.job;

import io.gridcast.forecast.metric.Metric;
import io.gridcast.forecast.registry.DefaultSelection;
import io.gridcast.forecast.registry.ModelRegistry;
import io.gridcast.forecast.search.GridOptimizer;
import io.gridcast.forecast.search.InvalidOptimizerSettingException;
import io.gridcast.queue.JobSpec;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks everything a job request says apart from its dataset and SKUs, each default applied once
 * here, every error naming the field ({@link InvalidJobRequestException}, 422). Thread-safe.
 */
final class JobRequestValidator {
  static final int MAX_FOLDS = 20;
  static final int MAX_REASON = 500;
  static final int MAX_KEY = 200;
  static final int MAX_PRIORITY = 1000;

  private final ModelRegistry registry;
  private final int maxHorizon;

  /**
   * @param registry the models a request may name
   * @param maxHorizon the largest horizon of a job
   */
  JobRequestValidator(ModelRegistry registry, int maxHorizon) {
    this.registry = registry;
    this.maxHorizon = maxHorizon;
  }

  /** The interval levels, ascending, or the optimizer's default when none are given. */
  private static List<Double> levels(List<Double> asked) {
    if (asked == null) {
      return GridOptimizer.DEFAULT_LEVELS;
    }
    if (asked.contains(null)) {
      throw new InvalidJobRequestException("level", "level must hold numbers, got null");
    }
    try {
      return GridOptimizer.builder()
          .levels(asked.stream().mapToDouble(Double::doubleValue).toArray())
          .horizon(1)
          .build()
          .settings()
          .levels();
    } catch (InvalidOptimizerSettingException e) {
      throw new InvalidJobRequestException(
          "level",
          e.getMessage().replaceFirst("^levels", "level") + " (percent, e.g. 50,80,95,99)");
    }
  }

  /** The preset's name: a known one, not beside an explicit model list; default when absent. */
  private String preset(String asked, List<String> models) {
    if (asked == null) {
      return DefaultSelection.DEFAULT.name();
    }
    Set<String> known = registry.presets().keySet();
    if (!known.contains(asked)) {
      throw new InvalidJobRequestException(
          "preset",
          "unknown preset '" + asked + "'; known presets: " + String.join(", ", known),
          Map.of("known", List.copyOf(known)));
    }
    if (!models.isEmpty()) {
      throw new InvalidJobRequestException(
          "preset", "preset and models exclude each other: models names the candidates itself");
    }
    return asked;
  }

  /** NUL cannot be stored in PostgreSQL text, nor is it meaningful in any field: refused alike. */
  private static void noNul(String field, String v) {
    if (v != null && v.indexOf('\0') >= 0) {
      throw new InvalidJobRequestException(field, field + " must not contain the NUL character");
    }
  }

  /**
   * The reconciliation method's label: the default for optimizations and reconciliation jobs, null
   * for {@code none} (and for the other types, which refuse the field).
   */
  private static String reconciliation(String asked, JobType type) {
    noNul("reconciliation", asked);
    if (asked != null && type != JobType.OPTIMIZATION && type != JobType.RECONCILIATION) {
      throw new InvalidJobRequestException(
          "reconciliation", "reconciliation applies to optimization and reconciliation jobs only");
    }
    if ("none".equals(asked)) {
      if (type == JobType.RECONCILIATION) {
        throw new InvalidJobRequestException(
            "reconciliation", "a reconciliation job needs a method, got none");
      }
      return null;
    }
    try {
      return ReconciliationJobs.method(asked).label();
    } catch (IllegalArgumentException e) {
      throw new InvalidJobRequestException(
          "reconciliation",
          e.getMessage() + "; also top_down, wls and none",
          Map.of("known", RECONCILIATION_NAMES));
    }
  }

  /** The reconciliation option's values. */
  static final List<String> RECONCILIATION_NAMES =
      List.of(
          "mint_shrink",
          "bottom_up",
          "top_down",
          "ols",
          "wls",
          "wls_variance",
          "top_down_forecast_proportions",
          "wls_structural",
          "none");

  /** Validates everything a request says apart from the dataset and its SKUs. */
  PreparedRequest prepare(JobRequest r) {
    noNul("dataset_id", r.datasetId());
    noNul("type", r.type());
    noNul("metric", r.metric());
    noNul("reason", r.reason());
    noNul("idempotency_key", r.idempotencyKey());
    noNul("source_dataset_id", r.sourceDatasetId());
    noNul("preset", r.preset());
    for (List<String> list : Arrays.asList(r.skus(), r.models())) {
      if (list != null) {
        for (String v : list) {
          noNul(list == r.skus() ? "skus" : "models", v);
        }
      }
    }
    JobType type =
        r.type() == null
            ? JobType.OPTIMIZATION
            : JobType.parse(r.type())
                .orElseThrow(() ->
                    new InvalidJobRequestException(
                        "type",
                        "type must be optimization, validation, rescoring or reconciliation, got '"
                            + r.type()
                            + "'"));
    int horizon = r.horizon() == null ? JobRequest.DEFAULT_HORIZON : r.horizon();
    if (horizon < 1 || horizon > maxHorizon) {
      throw new InvalidJobRequestException(
          "horizon", "horizon must be in 1.." + maxHorizon + ", got " + horizon);
    }
    int folds = r.folds() == null ? GridOptimizer.DEFAULT_FOLDS : r.folds();
    if (folds < 1 || folds > MAX_FOLDS) {
      throw new InvalidJobRequestException(
          "folds", "folds must be in 1.." + MAX_FOLDS + ", got " + folds);
    }
    String metric = r.metric() == null ? GridOptimizer.DEFAULT_METRIC.key() : r.metric();
    try {
      metric = Metric.parse(metric).key();
    } catch (RuntimeException e) {
      throw new InvalidJobRequestException("metric", e.getMessage());
    }
    List<String> models = r.models() == null ? List.of() : List.copyOf(r.models());
    if (models.stream().anyMatch(m -> m == null || m.isBlank())) {
      throw new InvalidJobRequestException("models", "models must not contain blank names");
    }
    registry.candidates(models); // throws UnknownModelException listing the known names
    String preset = preset(r.preset(), models);
    int priority = r.priority() == null ? JobSpec.DEFAULT_PRIORITY : r.priority();
    if (priority < -MAX_PRIORITY || priority > MAX_PRIORITY) {
      throw new InvalidJobRequestException(
          "priority",
          "priority must be in -" + MAX_PRIORITY + ".." + MAX_PRIORITY + ", got " + priority);
    }
    if (r.reason() != null && r.reason().length() > MAX_REASON) {
      throw new InvalidJobRequestException(
          "reason",
          "reason must be at most " + MAX_REASON + " characters, got " + r.reason().length());
    }
    String key = r.idempotencyKey();
    if (key != null && (key.isBlank() || key.length() > MAX_KEY)) {
      throw new InvalidJobRequestException(
          "idempotency_key", "idempotency_key must be 1.." + MAX_KEY + " characters");
    }
    double threshold = r.threshold() == null ? ForecastJobs.DEFAULT_THRESHOLD : r.threshold();
    if (!(threshold >= 0 && threshold <= 100)) {
      throw new InvalidJobRequestException(
          "threshold", "threshold must be in 0..100, got " + r.threshold());
    }
    if (r.sourceDatasetId() != null && type != JobType.RESCORING) {
      throw new InvalidJobRequestException(
          "source_dataset_id", "source_dataset_id applies to rescoring jobs only");
    }
    List<Double> levels = levels(r.level());
    if (r.level() != null && type == JobType.VALIDATION) {
      throw new InvalidJobRequestException(
          "level", "level applies to optimization and rescoring jobs only");
    }
    String covariates = r.covariates() == null ? JobPayload.AUTO : r.covariates();
    if (!covariates.equals(JobPayload.AUTO) && !covariates.equals(JobPayload.NONE)) {
      throw new InvalidJobRequestException(
          "covariates", "covariates must be auto or none, got '" + covariates + "'");
    }
    String holidays = HolidayRegion.validate(r.holidays());
    JobPayload template =
        new JobPayload(
            r.datasetId(),
            List.of(),
            models,
            preset,
            horizon,
            metric,
            folds,
            r.sourceDatasetId(),
            threshold,
            levels,
            covariates,
            holidays);
    return new PreparedRequest(
        type, template, priority, r.reason(), key, reconciliation(r.reconciliation(), type));
  }
}
