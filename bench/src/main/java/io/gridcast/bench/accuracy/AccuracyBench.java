package io.gridcast.bench.accuracy;

import com.sun.management.OperatingSystemMXBean;
import io.gridcast.bench.data.BenchDataSets;
import io.gridcast.bench.data.BenchSeries;
import io.gridcast.forecast.metric.Accuracy;
import io.gridcast.forecast.metric.Metric;
import io.gridcast.forecast.registry.DefaultSelection;
import io.gridcast.forecast.registry.ModelRegistry;
import io.gridcast.forecast.search.CancellationCheck;
import io.gridcast.forecast.search.CandidateSource;
import io.gridcast.forecast.search.GridOptimizer;
import io.gridcast.forecast.search.OptimizationResult;
import io.gridcast.forecast.search.ProgressListener;
import io.gridcast.forecast.series.Series;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Accuracy of the default model selection on the competition data (train -> forecast -> score on
 * the held-out test part), printed as Markdown tables for {@code docs/benchmarks.md}.
 *
 * <p>Usage: {@code java -cp bench/target/benchmarks.jar io.gridcast.bench.accuracy.AccuracyBench
 * [--data ../shared/data] [--suite m3,m4h,carparts] [--models a,b | --preset accurate] [--folds 3]
 * [--metric smape] [--every 1] [--threads N] [--margin 0.5] [--type MONTHLY] [--ds index|timestamp]
 * [--m4h-periods 24,168] [--multi-seasonal-models mstl_theta]}. {@code --every k} scores every k-th
 * series only (quick looks); {@code --preset} runs a named preset of {@link DefaultSelection} with
 * its incumbent hurdle. M4 hourly series carry the seasonal periods 24 (daily) and 168 (weekly)
 * unless {@code --m4h-periods} says otherwise ({@code 24} gives them the single daily period);
 * their MASE is scaled by lag 24 as M4 defines it either way. {@code --ds timestamp} (M4 hourly
 * only) rewrites the integer {@code ds} as hourly timestamps and reads the series through the CSV
 * reader, frequency and seasonal periods inferred (see {@link TimestampedSeries}); its scores must
 * equal the integer run's. {@code --multi-seasonal-models} replaces the default search's
 * challengers for multi-seasonal series ({@code none}: no extra challengers). The CPU figure is the
 * process's CPU time (all threads, JIT and GC included) over the search.
 */
public final class AccuracyBench {
  private AccuracyBench() {}

  public static void main(String[] args) {
    Map<String, String> opt = Options.parse(args);
    Path data = Path.of(opt.getOrDefault("data", "../shared/data"));
    int every = Integer.parseInt(opt.getOrDefault("every", "1"));
    String ds = opt.getOrDefault("ds", "index");
    if (!ds.equals("index") && !ds.equals("timestamp")) {
      throw new IllegalArgumentException("--ds is index or timestamp, got " + ds);
    }
    ModelRegistry registry = ModelRegistry.standard();
    if (opt.containsKey("models") && opt.containsKey("preset")) {
      throw new IllegalArgumentException("--models and --preset exclude each other");
    }
    DefaultSelection base =
        opt.containsKey("preset")
            ? DefaultSelection.preset(registry, opt.get("preset"))
            : DefaultSelection.of(registry);
    CandidateSource candidates =
        opt.containsKey("models")
            ? DefaultSelection.named(registry, ModelRegistry.splitNames(opt.get("models")))
            : base.withIncumbentMargin(
                    Double.parseDouble(
                        opt.getOrDefault(
                            "margin", String.valueOf(DefaultSelection.DEFAULT_INCUMBENT_MARGIN))))
                .withMultiSeasonalModels(
                    names(
                        opt.getOrDefault(
                            "multi-seasonal-models",
                            String.join(",", DefaultSelection.MULTI_SEASONAL_MODELS))));
    Run run =
        new Run(
            candidates,
            Integer.parseInt(
                opt.getOrDefault("folds", String.valueOf(GridOptimizer.DEFAULT_FOLDS))),
            Metric.parse(opt.getOrDefault("metric", "smape")),
            Integer.parseInt(
                opt.getOrDefault(
                    "threads", String.valueOf(Runtime.getRuntime().availableProcessors()))));
    for (String suite : opt.getOrDefault("suite", "m3,m4h,carparts").split(",")) {
      if (ds.equals("timestamp") && !suite.equals("m4h")) {
        throw new IllegalArgumentException("--ds timestamp applies to --suite m4h only");
      }
      switch (suite) {
        case "m3" -> m3(run, sample(ofType(BenchDataSets.m3(data), opt.get("type")), every));
        case "m4h" -> {
          List<BenchSeries> m4 = sample(BenchDataSets.m4Hourly(data), every);
          double[] periods =
              Arrays.stream(opt.getOrDefault("m4h-periods", "24,168").split(","))
                  .mapToDouble(Double::parseDouble)
                  .toArray();
          m4Hourly(
              ds.equals("timestamp") ? run.reading(TimestampedSeries.read(m4)) : run, m4, periods);
        }
        case "carparts" -> carParts(run, sample(BenchDataSets.carParts(data), every));
        default -> throw new IllegalArgumentException("unknown suite " + suite);
      }
    }
  }

  /**
   * The settings of one benchmark run; {@code read} holds series read through the CSV reader by id
   * (empty: each series is built from its values and the competition's period).
   */
  record Run(
      CandidateSource candidates, int folds, Metric metric, int threads, Map<String, Series> read) {
    Run(CandidateSource candidates, int folds, Metric metric, int threads) {
      this(candidates, folds, metric, threads, Map.of());
    }

    /** This run on series read through the CSV reader. */
    Run reading(Map<String, Series> series) {
      return new Run(candidates, folds, metric, threads, series);
    }

    /** Forecasts every series (grouped by horizon, since an optimizer has one), in input order. */
    List<double[]> forecasts(List<BenchSeries> series) {
      return forecasts(series, null);
    }

    /**
     * Forecasts every series with the given seasonal periods (null: each series' single period);
     * series read through the CSV reader keep the periods inferred from their time axis.
     */
    List<double[]> forecasts(List<BenchSeries> series, double[] seasonalPeriods) {
      long t0 = System.nanoTime();
      long cpu0 = processCpuNanos();
      Map<Integer, List<Integer>> byHorizon = new LinkedHashMap<>();
      for (int i = 0; i < series.size(); i++) {
        byHorizon.computeIfAbsent(series.get(i).horizon(), h -> new ArrayList<>()).add(i);
      }
      double[][] out = new double[series.size()][];
      for (var e : byHorizon.entrySet()) {
        GridOptimizer optimizer =
            GridOptimizer.builder()
                .horizon(e.getKey())
                .folds(folds)
                .metric(metric)
                .parallelism(threads)
                .build();
        List<Series> input = new ArrayList<>();
        for (int i : e.getValue()) {
          BenchSeries b = series.get(i);
          Series s = Series.of(b.id(), b.period(), b.train());
          input.add(
              read.getOrDefault(
                  b.id(), seasonalPeriods == null ? s : s.withSeasonalPeriods(seasonalPeriods)));
        }
        List<OptimizationResult> results =
            optimizer.optimizeAll(
                input, candidates, ProgressListener.NONE, CancellationCheck.NEVER);
        for (int k = 0; k < results.size(); k++) {
          out[e.getValue().get(k)] = results.get(k).forecast();
        }
      }
      double seconds = (System.nanoTime() - t0) / 1e9;
      double cpuMs = (processCpuNanos() - cpu0) / 1e6;
      System.out.printf(
          Locale.ROOT,
          "%n%d series in %.1f s (%.1f series/s, %d threads; %.2f ms per series per thread;"
              + " CPU %.2f ms per series)%n",
          series.size(),
          seconds,
          series.size() / seconds,
          threads,
          1000 * seconds * threads / series.size(),
          cpuMs / series.size());
      return List.of(out);
    }

    private static long processCpuNanos() {
      return ManagementFactory.getPlatformMXBean(OperatingSystemMXBean.class).getProcessCpuTime();
    }
  }

  static void m3(Run run, List<BenchSeries> series) {
    List<double[]> f = run.forecasts(series);
    Map<String, double[]> bySubset =
        new LinkedHashMap<>(); // sum of point sMAPEs, points, MASE sum, n
    for (String t : List.of("YEARLY", "QUARTERLY", "MONTHLY", "OTHER", "ALL")) {
      bySubset.put(t, new double[4]);
    }
    for (int i = 0; i < series.size(); i++) {
      BenchSeries s = series.get(i);
      double smape = Accuracy.smape(s.test(), f.get(i));
      double mase = Accuracy.mase(s.test(), f.get(i), s.train(), s.period());
      for (String t : List.of(s.type(), "ALL")) {
        double[] a = bySubset.get(t);
        a[0] += smape * s.test().length;
        a[1] += s.test().length;
        a[2] += mase;
        a[3] += 1;
      }
    }
    System.out.println("\n| M3 subset | series | sMAPE (ours) | Theta published | MASE (ours) |");
    System.out.println("|---|---|---|---|---|");
    Map<String, Double> theta =
        Map.of("YEARLY", 16.90, "QUARTERLY", 8.96, "MONTHLY", 13.85, "OTHER", 4.41, "ALL", 13.01);
    bySubset.values().removeIf(a -> a[3] == 0);
    bySubset.forEach((t, a) ->
        System.out.printf(
            Locale.ROOT,
            "| %s | %d | %.2f | %.2f | %.3f |%n",
            t,
            (int) a[3],
            a[0] / a[1],
            theta.get(t),
            a[2] / a[3]));
  }

  static void m4Hourly(Run run, List<BenchSeries> series, double[] periods) {
    List<double[]> f = run.forecasts(series, periods);
    double smape = 0;
    double mase = 0;
    for (int i = 0; i < series.size(); i++) {
      BenchSeries s = series.get(i);
      smape += Accuracy.smape(s.test(), f.get(i));
      mase += Accuracy.mase(s.test(), f.get(i), s.train(), s.period());
    }
    smape /= series.size();
    mase /= series.size();
    // Naive2 on M4 hourly (m4_recalculated_benchmarks.csv, = published): sMAPE 18.383, MASE 2.395.
    double owa = Accuracy.owa(smape, mase, 18.383, 2.395);
    System.out.println(
        "\n| M4 hourly, periods " + Arrays.toString(periods) + " | series | sMAPE | MASE | OWA |");
    System.out.println("|---|---|---|---|---|");
    System.out.printf(
        Locale.ROOT, "| ours | %d | %.3f | %.3f | %.3f |%n", series.size(), smape, mase, owa);
  }

  static void carParts(Run run, List<BenchSeries> series) {
    List<double[]> f = run.forecasts(series);
    double mae = 0;
    double rmse = 0;
    double bias = 0;
    double mase = 0;
    int maseCount = 0;
    for (int i = 0; i < series.size(); i++) {
      BenchSeries s = series.get(i);
      mae += Accuracy.mae(s.test(), f.get(i));
      rmse += Accuracy.rmse(s.test(), f.get(i));
      bias += Accuracy.bias(s.test(), f.get(i));
      double scale = Accuracy.maseScale(s.train(), s.train().length, 1);
      if (scale > 0) {
        mase += Accuracy.mae(s.test(), f.get(i)) / scale;
        maseCount++;
      }
    }
    int n = series.size();
    System.out.println(
        "\n| car parts (h=6) | series | RMSE | MAE | bias (mean y-f) | MASE (lag-1 scale) |");
    System.out.println("|---|---|---|---|---|---|");
    System.out.printf(
        Locale.ROOT,
        "| ours | %d | %.4f | %.4f | %.4f | %.4f |%n",
        n,
        rmse / n,
        mae / n,
        bias / n,
        mase / maseCount);
    System.out.println("| R ses (reference) | 2509 | 0.7058 | 0.5801 | -0.1003 | 1.0702 |");
    System.out.println("| R SBA (reference) | 2509 | 0.8035 | 0.6628 | -0.0960 | 1.2547 |");
  }

  /** A comma-separated list of model names; {@code none} for the empty list. */
  private static List<String> names(String list) {
    return list.equals("none") ? List.of() : List.of(list.split(","));
  }

  /** Only the series of one subset ({@code --type MONTHLY}), or all when {@code type} is null. */
  private static List<BenchSeries> ofType(List<BenchSeries> all, String type) {
    return type == null ? all : all.stream().filter(s -> s.type().equals(type)).toList();
  }

  private static List<BenchSeries> sample(List<BenchSeries> all, int every) {
    if (every <= 1) {
      return all;
    }
    List<BenchSeries> out = new ArrayList<>();
    for (int i = 0; i < all.size(); i += every) {
      out.add(all.get(i));
    }
    return out;
  }
}
