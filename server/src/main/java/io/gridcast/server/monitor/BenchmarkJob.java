package io.gridcast.server.monitor;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.gridcast.forecast.registry.DefaultSelection;
import io.gridcast.forecast.registry.ModelRegistry;
import io.gridcast.forecast.search.CandidateSet;
import io.gridcast.forecast.search.GridOptimizer;
import io.gridcast.forecast.search.OptimizationCancelledException;
import io.gridcast.forecast.search.ProgressListener;
import io.gridcast.forecast.series.Series;
import io.gridcast.queue.JobCancelledException;
import io.gridcast.queue.JobContext;
import io.gridcast.server.dataset.DatasetStore;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The {@code benchmark} job: runs the optimizer over the same series {@code iterations} times on
 * the worker thread and reports the time per iteration (min, median, p95, nearest-rank) and {@code
 * series_per_second = series / median}. The series come from one of the owner's datasets or are
 * generated from a seeded spec: {@code y_t = 100 + slope * t + 20 sin(2 pi t / period) + noise},
 * noise uniform in [-5, 5], slope in [0, 1) per series.
 */
final class BenchmarkJob {
  static final String TYPE = "benchmark";

  /** Most iterations one benchmark may run. */
  static final int MAX_ITERATIONS = 100;

  /** Most series one benchmark may time (generated or the first of a dataset). */
  static final int MAX_SERIES = 10_000;

  /**
   * The payload.
   *
   * @param datasetId one of the owner's datasets, or null with {@code generate}
   * @param generate a generated set, or null with {@code datasetId}
   * @param models model names (the default selection when empty)
   * @param iterations how often the whole set is optimized
   * @param horizon forecast horizon of the search
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record Payload(
      String datasetId, Generate generate, List<String> models, int iterations, int horizon) {
    Payload {
      models = models == null ? List.of() : List.copyOf(models);
    }
  }

  /**
   * A generated set.
   *
   * @param series how many series
   * @param length values per series
   * @param period seasonal period
   * @param seed random seed: the same spec gives the same values
   */
  record Generate(int series, int length, int period, long seed) {}

  private final DatasetStore datasets;
  private final ModelRegistry registry;

  BenchmarkJob(DatasetStore datasets, ModelRegistry registry) {
    this.datasets = datasets;
    this.registry = registry;
  }

  String handle(JobContext ctx) {
    Payload p = PerformanceJobs.read(ctx.payload(), Payload.class);
    List<Series> series = series(ctx, p);
    DefaultSelection selection =
        p.models().isEmpty()
            ? DefaultSelection.of(registry)
            : DefaultSelection.named(registry, p.models());
    List<CandidateSet> candidates = new ArrayList<>(series.size());
    for (Series s : series) {
      candidates.add(selection.candidatesFor(s));
    }
    GridOptimizer opt = GridOptimizer.builder().horizon(p.horizon()).parallelism(1).build();
    double[] seconds = new double[p.iterations()];
    for (int it = 0; it < p.iterations(); it++) {
      ctx.progress(it, p.iterations(), "iteration", (it + 1) + "/" + p.iterations());
      long t0 = System.nanoTime();
      for (int i = 0; i < series.size(); i++) {
        try {
          opt.optimize(
              series.get(i), candidates.get(i), ProgressListener.NONE, ctx::cancelRequested);
        } catch (OptimizationCancelledException e) {
          throw new JobCancelledException(ctx.id());
        }
      }
      seconds[it] = (System.nanoTime() - t0) / 1e9;
    }
    ctx.progress(p.iterations(), p.iterations(), "done", null);
    return PerformanceJobs.write(report(p, series.size(), seconds));
  }

  static Map<String, Object> report(Payload p, int seriesCount, double[] seconds) {
    double[] sorted = seconds.clone();
    Arrays.sort(sorted);
    double median = nearestRank(sorted, 0.5);
    Map<String, Object> times = new LinkedHashMap<>();
    times.put("min", sorted[0]);
    times.put("median", median);
    times.put("p95", nearestRank(sorted, 0.95));
    times.put("max", sorted[sorted.length - 1]);
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("source", p.datasetId() != null ? "dataset" : "generated");
    if (p.datasetId() != null) {
      m.put("dataset_id", p.datasetId());
    }
    m.put("series", seriesCount);
    m.put("iterations", seconds.length);
    m.put("models", p.models().isEmpty() ? "default" : p.models());
    m.put("horizon", p.horizon());
    m.put("seconds", times);
    m.put("series_per_second", median > 0 ? seriesCount / median : null);
    m.put("iteration_seconds", seconds);
    return m;
  }

  /** Nearest-rank percentile of sorted values: the value at rank {@code ceil(q * n)}. */
  static double nearestRank(double[] sorted, double q) {
    int rank = (int) Math.ceil(q * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
  }

  private List<Series> series(JobContext ctx, Payload p) {
    if (p.datasetId() != null) {
      if (datasets.get(ctx.ownerId(), p.datasetId()).isEmpty()) {
        throw new IllegalStateException("dataset " + p.datasetId() + " no longer exists");
      }
      List<Series> all = datasets.seriesOf(ctx.ownerId(), p.datasetId(), List.of());
      return all.size() > MAX_SERIES ? all.subList(0, MAX_SERIES) : all;
    }
    return generate(p.generate());
  }

  /** The seeded series of a spec (see the class comment for the formula). */
  static List<Series> generate(Generate g) {
    SplittableRandom rnd = new SplittableRandom(g.seed());
    List<Series> out = new ArrayList<>(g.series());
    for (int s = 0; s < g.series(); s++) {
      double slope = rnd.nextDouble();
      double[] y = new double[g.length()];
      for (int t = 0; t < y.length; t++) {
        y[t] =
            100 + slope * t + 20 * Math.sin(2 * Math.PI * t / g.period()) + rnd.nextDouble(-5, 5);
      }
      out.add(Series.of("G" + s, g.period(), y));
    }
    return out;
  }
}
