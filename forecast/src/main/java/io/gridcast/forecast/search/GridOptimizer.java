package io.gridcast.forecast.search;

import io.gridcast.forecast.covariate.Covariates;
import io.gridcast.forecast.metric.Metric;
import io.gridcast.forecast.model.ModelSpec;
import io.gridcast.forecast.series.Series;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Chooses a model per series by rolling-origin cross-validation and forecasts with it.
 *
 * <p>For each candidate, fold {@code j} fits on the first {@code o_j} values (the fit reads a
 * prefix through its {@code n} argument; nothing is copied) and forecasts the next {@code h}; the
 * score is the metric over all fold points, {@code finish(sum_j sum_s loss(y_{o_j+s}, f_{j,s}))}
 * (see {@link Metric}; MASE scales each fold by its own training part, by 1 when that is constant).
 * Folds are placed and adapted to short series as {@link FoldPlan} documents. The lowest score wins
 * (ties: the earlier candidate); it is refit on all values and forecasts {@code h} steps, with an
 * interval per level of {@link Settings#levels()} (80% and 95% by default) from the model when it
 * has them at every level, otherwise from the backtest errors per step. When every history value is
 * {@code >= 0}, forecasts and bounds are clamped at 0. A series with fewer than 3 values, or on
 * which no candidate can be fitted, gets the naive forecast with the reason recorded as a {@link
 * Fallback}.
 *
 * <p>Deterministic: the same series and candidates give the same result. Thread-safe: one optimizer
 * serves any number of threads. Batches run on a fixed pool of {@code parallelism} platform threads
 * (one series per task, output in input order, bounded in-flight work).
 *
 * <pre>{@code
 * GridOptimizer opt = GridOptimizer.builder().horizon(12).folds(3).metric(Metric.SMAPE).build();
 * OptimizationResult r = opt.optimize(series, CandidateSet.of(List.of(new Naive())));
 * }</pre>
 */
public final class GridOptimizer {
  public static final int DEFAULT_FOLDS = 3;
  public static final Metric DEFAULT_METRIC = Metric.SMAPE;
  public static final Metric DEFAULT_INTERMITTENT_METRIC = Metric.RMSE;

  /** The interval levels in percent when none are set. */
  public static final List<Double> DEFAULT_LEVELS = List.of(80.0, 95.0);

  /**
   * The effective settings; {@code step == 0} means "equal to the horizon".
   *
   * @param levels interval levels in percent, ascending, each in (0, 100)
   */
  public record Settings(
      int horizon,
      int folds,
      int step,
      Metric metric,
      Metric intermittentMetric,
      int parallelism,
      int aiccKeepPerFamily,
      List<Double> levels) {

    public Settings {
      levels = List.copyOf(levels);
    }

    /** The metric that scores {@code series}: {@link #intermittentMetric} for intermittent ones. */
    public Metric metricFor(Series series) {
      return series.isIntermittent() ? intermittentMetric : metric;
    }
  }

  private final Settings settings;
  private final SeriesSearch search;

  private GridOptimizer(Settings settings) {
    this.settings = settings;
    this.search = new SeriesSearch(settings);
  }

  public static Builder builder() {
    return new Builder();
  }

  public Settings settings() {
    return settings;
  }

  /** Searches one series on the calling thread. */
  public OptimizationResult optimize(Series series, CandidateSet candidates) {
    return optimize(series, candidates, ProgressListener.NONE, CancellationCheck.NEVER);
  }

  /**
   * Searches one series on the calling thread, reporting candidates done / total.
   *
   * @throws OptimizationCancelledException when {@code cancel} says so (checked per candidate)
   */
  public OptimizationResult optimize(
      Series series, CandidateSet candidates, ProgressListener progress, CancellationCheck cancel) {
    return search.run(series, candidates, progress, cancel);
  }

  /**
   * Searches one series with its covariates ({@code x}: rows = history + horizon, see {@link
   * Covariates}) on the calling thread. Covariate models among the candidates see each backtest
   * fold's own rows only and are skipped, with the reason in {@link OptimizationResult#skipped()},
   * when {@code x} is empty or its future rows do not cover the horizon.
   */
  public OptimizationResult optimize(Series series, Covariates x, CandidateSet candidates) {
    return optimize(series, x, candidates, ProgressListener.NONE, CancellationCheck.NEVER);
  }

  /**
   * As {@link #optimize(Series, Covariates, CandidateSet)}, reporting progress.
   *
   * @throws OptimizationCancelledException when {@code cancel} says so (checked per candidate)
   */
  public OptimizationResult optimize(
      Series series,
      Covariates x,
      CandidateSet candidates,
      ProgressListener progress,
      CancellationCheck cancel) {
    return search.run(series, x, candidates, progress, cancel);
  }

  /** Searches one series with the same candidates as a list. */
  public OptimizationResult optimize(Series series, List<? extends ModelSpec> candidates) {
    return optimize(series, CandidateSet.of(candidates));
  }

  /** Searches every series in parallel; results in input order. */
  public List<OptimizationResult> optimizeAll(
      List<Series> series,
      CandidateSource candidates,
      ProgressListener progress,
      CancellationCheck cancel) {
    List<OptimizationResult> out = new ArrayList<>(series.size());
    long total = series.size();
    optimizeEach(
        series.iterator(), candidates, out::add, (d, t) -> progress.progress(d, total), cancel);
    return out;
  }

  /**
   * Searches every series with its covariates ({@code covariates.apply(series)}, {@link
   * Covariates#none()} for a series without) in parallel; results in input order. Candidates come
   * from {@link CandidateSource#candidatesFor(Series, Covariates)}.
   */
  public List<OptimizationResult> optimizeAll(
      List<Series> series,
      Function<Series, Covariates> covariates,
      CandidateSource candidates,
      ProgressListener progress,
      CancellationCheck cancel) {
    List<OptimizationResult> out = new ArrayList<>(series.size());
    long total = series.size();
    optimizeEach(
        series.iterator(),
        covariates,
        candidates,
        out::add,
        (d, t) -> progress.progress(d, total),
        cancel);
    return out;
  }

  /**
   * Streams series through the pool: at most {@code 4 * parallelism} series are in flight, and
   * {@code sink} receives results on the calling thread in input order. Progress counts series
   * (total -1: unknown). On cancellation the pool stops and the exception propagates.
   */
  public void optimizeEach(
      Iterator<Series> series,
      CandidateSource candidates,
      Consumer<OptimizationResult> sink,
      ProgressListener progress,
      CancellationCheck cancel) {
    optimizeEach(series, s -> Covariates.none(), candidates, sink, progress, cancel);
  }

  /**
   * As {@link #optimizeEach(Iterator, CandidateSource, Consumer, ProgressListener,
   * CancellationCheck)}, each series searched with its covariates: {@code covariates.apply(s)}
   * (called on the pool's threads, so it must be thread-safe), {@link Covariates#none()} for a
   * series without.
   */
  public void optimizeEach(
      Iterator<Series> series,
      Function<Series, Covariates> covariates,
      CandidateSource candidates,
      Consumer<OptimizationResult> sink,
      ProgressListener progress,
      CancellationCheck cancel) {
    int window = 4 * settings.parallelism();
    AtomicLong finished = new AtomicLong();
    ExecutorService pool = Executors.newFixedThreadPool(settings.parallelism(), threads());
    ArrayDeque<Future<OptimizationResult>> inFlight = new ArrayDeque<>(window);
    try {
      while (series.hasNext() || !inFlight.isEmpty()) {
        while (series.hasNext() && inFlight.size() < window) {
          Series s = series.next();
          inFlight.add(
              pool.submit(() -> {
                Covariates x = covariates.apply(s);
                OptimizationResult r =
                    search.run(s, x, candidates.candidatesFor(s, x), ProgressListener.NONE, cancel);
                progress.progress(finished.incrementAndGet(), -1);
                return r;
              }));
        }
        sink.accept(await(inFlight.poll()));
      }
    } finally {
      pool.shutdownNow();
      try {
        pool.awaitTermination(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private static OptimizationResult await(Future<OptimizationResult> f) {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new OptimizationCancelledException("(interrupted)", 0, 0);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException re) {
        throw re;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  private static final AtomicInteger POOLS = new AtomicInteger();

  private static ThreadFactory threads() {
    int pool = POOLS.incrementAndGet();
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, "gridcast-fit-" + pool + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  /** Builder; every setter validates at once with the bad value in the message. */
  public static final class Builder {
    private int horizon = -1;
    private int folds = DEFAULT_FOLDS;
    private int step;
    private Metric metric = DEFAULT_METRIC;
    private Metric intermittentMetric = DEFAULT_INTERMITTENT_METRIC;
    private int parallelism = Runtime.getRuntime().availableProcessors();
    private int aiccKeepPerFamily;
    private List<Double> levels = DEFAULT_LEVELS;

    private Builder() {}

    /** Forecast horizon, {@code >= 1}; required. */
    public Builder horizon(int horizon) {
      if (horizon < 1) {
        throw new InvalidOptimizerSettingException("horizon", horizon, "must be >= 1");
      }
      this.horizon = horizon;
      return this;
    }

    /** Backtest folds, {@code >= 1} (default 3); fewer on short series. */
    public Builder folds(int folds) {
      if (folds < 1) {
        throw new InvalidOptimizerSettingException("folds", folds, "must be >= 1");
      }
      this.folds = folds;
      return this;
    }

    /** Values between consecutive origins, {@code >= 1}; default: the horizon. */
    public Builder step(int step) {
      if (step < 1) {
        throw new InvalidOptimizerSettingException("step", step, "must be >= 1");
      }
      this.step = step;
      return this;
    }

    /** The metric to minimise (default sMAPE). */
    public Builder metric(Metric metric) {
      this.metric = Objects.requireNonNull(metric, "metric");
      return this;
    }

    /**
     * The metric for intermittent series ({@code ADI >= 1.32}), default RMSE: sMAPE, MAPE, MAE and
     * MASE all reward an all-zero forecast on mostly-zero demand (its median), so intermittent
     * methods are compared on squared error. Set it to the main metric to score every series alike.
     */
    public Builder intermittentMetric(Metric metric) {
      this.intermittentMetric = Objects.requireNonNull(metric, "intermittentMetric");
      return this;
    }

    /** Threads for batches, {@code >= 1} (default: available processors). */
    public Builder parallelism(int threads) {
      if (threads < 1) {
        throw new InvalidOptimizerSettingException("parallelism", threads, "must be >= 1");
      }
      this.parallelism = threads;
      return this;
    }

    /** Keep only the best {@code keep} per family by AICc before the backtest; 0 (default) off. */
    public Builder aiccPruning(int keep) {
      if (keep < 0) {
        throw new InvalidOptimizerSettingException("aiccPruning", keep, "must be >= 0");
      }
      this.aiccKeepPerFamily = keep;
      return this;
    }

    /**
     * The interval levels in percent ({@code 50, 80, 95, 99}), each in (0, 100); given in any
     * order, kept ascending. Default 80 and 95.
     */
    public Builder levels(double... percent) {
      if (percent.length == 0) {
        throw new InvalidOptimizerSettingException("levels", "[]", "must name at least one level");
      }
      TreeSet<Double> sorted = new TreeSet<>();
      for (double l : percent) {
        if (!(l > 0 && l < 100)) {
          throw new InvalidOptimizerSettingException("levels", l, "each must be in (0, 100)");
        }
        if (!sorted.add(l)) {
          throw new InvalidOptimizerSettingException("levels", l, "must not repeat a level");
        }
      }
      this.levels = List.copyOf(sorted);
      return this;
    }

    /**
     * The interval levels as callers write them: {@code "50,80,95,99"} (percent, comma-separated).
     *
     * @throws InvalidOptimizerSettingException naming the entry that is not a level
     */
    public Builder levels(String percentList) {
      String[] parts = percentList.split(",", -1);
      double[] levels = new double[parts.length];
      for (int i = 0; i < parts.length; i++) {
        try {
          levels[i] = Double.parseDouble(parts[i].trim());
        } catch (NumberFormatException e) {
          throw new InvalidOptimizerSettingException(
              "levels", "'" + percentList + "'", "must be percentages such as 80,95");
        }
      }
      return levels(levels);
    }

    public GridOptimizer build() {
      if (horizon < 1) {
        throw new InvalidOptimizerSettingException("horizon", "unset", "must be set");
      }
      return new GridOptimizer(
          new Settings(
              horizon,
              folds,
              step,
              metric,
              intermittentMetric,
              parallelism,
              aiccKeepPerFamily,
              levels));
    }
  }
}
