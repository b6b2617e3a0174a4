package io.gridcast.server.job;

import io.gridcast.forecast.model.ModelSpec;
import io.gridcast.forecast.registry.ModelRegistry;
import io.gridcast.forecast.search.CandidateScore;
import io.gridcast.forecast.search.Combination;
import io.gridcast.forecast.search.OptimizationResult;
import io.gridcast.forecast.series.Series;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The stored JSON of one SKU's result: {@code sku, model, parameters, fitted_parameters, metric,
 * score, folds, cv_scores[], forecast{ds, y_hat, lo_80, hi_80, lo_95, hi_95}, interval_method,
 * fallback_reason}, plus {@code previous_score, flagged} for rescoring.
 */
final class ResultBody {
  /** At most this many candidate scores are kept per SKU (best first). */
  static final int MAX_SCORES = 20;

  private ResultBody() {}

  static Map<String, Object> of(Series series, OptimizationResult r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("sku", series.id());
    m.put("model", display(r.chosen()));
    m.put("parameters", finiteMap(r.chosen().parameters()));
    m.put("spec", spec(r.chosen()));
    m.put("fitted_parameters", finiteMap(r.fitted().parameters()));
    m.put("metric", r.metric().key());
    m.put("score", JobJson.finite(r.score()));
    m.put("folds", r.folds());
    List<Map<String, Object>> scores = new ArrayList<>();
    for (CandidateScore c : r.scores()) {
      if (scores.size() == MAX_SCORES) {
        break;
      }
      Map<String, Object> s = new LinkedHashMap<>();
      s.put("model", display(c.spec()));
      s.put("parameters", finiteMap(c.spec().parameters()));
      s.put("score", JobJson.finite(c.score()));
      c.failure().ifPresent(f -> s.put("failure", f));
      scores.add(s);
    }
    m.put("cv_scores", scores);
    int h = r.horizon();
    List<String> ds = new ArrayList<>(h);
    for (int step = 1; step <= h; step++) {
      ds.add(series.forecastLabel(step));
    }
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("ds", ds);
    f.put("y_hat", JobJson.finite(r.forecast()));
    f.put("lo_80", JobJson.finite(r.interval80().lower()));
    f.put("hi_80", JobJson.finite(r.interval80().upper()));
    f.put("lo_95", JobJson.finite(r.interval95().lower()));
    f.put("hi_95", JobJson.finite(r.interval95().upper()));
    m.put("forecast", f);
    m.put(
        "interval_method",
        r.intervalMethod() == null
            ? null
            : r.intervalMethod().name().toLowerCase(java.util.Locale.ROOT));
    m.put("fallback_reason", r.fallbackReason().orElse(null));
    return m;
  }

  /**
   * The computation in a body: the body without what belongs to the asker's series ({@code sku} and
   * {@code forecast.ds}); what the result cache stores.
   */
  @SuppressWarnings("unchecked")
  static Map<String, Object> computation(Map<String, Object> body) {
    Map<String, Object> m = new LinkedHashMap<>(body);
    m.remove("sku");
    Map<String, Object> f = new LinkedHashMap<>((Map<String, Object>) body.get("forecast"));
    f.remove("ds");
    m.put("forecast", f);
    return m;
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

  /**
   * The spec as asked for, rebuildable through the registry: {@code {"name","parameters"}}, or
   * {@code {"name":"combination","members":[...]}}.
   */
  static Map<String, Object> spec(ModelSpec spec) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", spec.name());
    if (spec instanceof Combination c) {
      m.put("members", c.members().stream().map(ResultBody::spec).toList());
    } else {
      m.put("parameters", finiteMap(spec.parameters()));
    }
    return m;
  }

  /** Rebuilds a spec written by {@link #spec(ModelSpec)}. */
  @SuppressWarnings("unchecked")
  static ModelSpec spec(Map<String, Object> stored, ModelRegistry registry) {
    String name = (String) stored.get("name");
    if (Combination.NAME.equals(name)) {
      List<ModelSpec> members = new ArrayList<>();
      for (Object o : (List<Object>) stored.get("members")) {
        members.add(spec((Map<String, Object>) o, registry));
      }
      return new Combination(members);
    }
    Map<String, Double> params = new LinkedHashMap<>();
    ((Map<String, Object>) stored.getOrDefault("parameters", Map.of()))
        .forEach((k, v) -> {
          if (v != null) {
            params.put(k, ((Number) v).doubleValue());
          }
        });
    return registry.create(name, params);
  }

  static String describe(ModelSpec spec) {
    return spec.name() + spec.parameters();
  }
}
