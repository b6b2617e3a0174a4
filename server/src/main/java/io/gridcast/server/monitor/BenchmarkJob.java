package io.gridcast.server.monitor;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
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
import io.gridcast.server.job.MissingJobInputException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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
   * What a benchmark reports.
   *
   * @param source {@code dataset} or {@code generated}
   * @param datasetId the dataset timed (not written for a generated set)
   * @param series series timed
   * @param iterations iterations run
   * @param models {@code "default"} or the model names
   * @param seconds time per iteration: min, median, p95 (nearest rank), max
   * @param seriesPerSecond {@code series / median}, null when the median is 0
   * @param iterationSeconds every iteration's time, in order
   */
  record Report(
      String source,
      @JsonInclude(Include.NON_NULL) String datasetId,
      int series,
      int iterations,
      Object models,
      int horizon,
      Times seconds,
      Double seriesPerSecond,
      double[] iterationSeconds) {}

  /** Seconds per iteration. */
  record Times(double min, double median, double p95, double max) {}

  private final DatasetStore datasets;
  private final ModelRegistry registry;

  BenchmarkJob(DatasetStore datasets, ModelRegistry registry) {
    this.datasets = datasets;
    this.registry = registry;
  }

  String handle(JobContext ctx) {
    BenchmarkPayload p = PerformanceJobs.read(ctx.payload(), BenchmarkPayload.class);
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

  static Report report(BenchmarkPayload p, int seriesCount, double[] seconds) {
    double[] sorted = seconds.clone();
    Arrays.sort(sorted);
    double median = nearestRank(sorted, 0.5);
    return new Report(
        p.datasetId() != null ? "dataset" : "generated",
        p.datasetId(),
        seriesCount,
        seconds.length,
        p.models().isEmpty() ? "default" : p.models(),
        p.horizon(),
        new Times(sorted[0], median, nearestRank(sorted, 0.95), sorted[sorted.length - 1]),
        median > 0 ? seriesCount / median : null,
        seconds);
  }

  /** Nearest-rank percentile of sorted values: the value at rank {@code ceil(q * n)}. */
  static double nearestRank(double[] sorted, double q) {
    int rank = (int) Math.ceil(q * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
  }

  private List<Series> series(JobContext ctx, BenchmarkPayload p) {
    if (p.datasetId() != null) {
      if (datasets.get(ctx.ownerId(), p.datasetId()).isEmpty()) {
        throw new MissingJobInputException("dataset " + p.datasetId() + " no longer exists");
      }
      List<Series> all = datasets.seriesOf(ctx.ownerId(), p.datasetId(), List.of());
      return all.size() > MAX_SERIES ? all.subList(0, MAX_SERIES) : all;
    }
    return generate(p.generate());
  }

  /** The seeded series of a spec (see the class comment for the formula). */
  static List<Series> generate(BenchmarkPayload.Generate g) {
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
