package io.gridcast.bench.hierarchy;

import io.gridcast.forecast.hierarchy.BaseForecast;
import io.gridcast.forecast.hierarchy.Hierarchy;
import io.gridcast.forecast.hierarchy.LevelScores;
import io.gridcast.forecast.hierarchy.Reconciler;
import io.gridcast.forecast.hierarchy.Reconciliation;
import io.gridcast.forecast.hierarchy.ReconciliationMethod;
import io.gridcast.forecast.model.ModelSpec;
import io.gridcast.forecast.registry.DefaultSelection;
import io.gridcast.forecast.registry.ModelRegistry;
import io.gridcast.forecast.search.CancellationCheck;
import io.gridcast.forecast.search.CandidateSet;
import io.gridcast.forecast.search.CandidateSource;
import io.gridcast.forecast.search.Combination;
import io.gridcast.forecast.search.GridOptimizer;
import io.gridcast.forecast.search.OptimizationResult;
import io.gridcast.forecast.search.ProgressListener;
import io.gridcast.forecast.series.Series;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The tourism protocol of {@code ../shared/ANCHORS.md}: train 1998-01..2015-12, forecast 2016 (h =
 * 12) for all 525 nodes with Gridcast's search, reconcile with every method, score MASE per level
 * (in-sample seasonal naive scale, m = 12) and the mean over the 8 levels; check coherence (largest
 * relative gap between an aggregate and the sum of its bottom forecasts) and time the
 * reconciliation (median of repeated runs after one warm-up).
 *
 * <p>Usage: {@code java -cp bench/target/benchmarks.jar io.gridcast.bench.hierarchy.TourismBench
 * [--data ../shared/data] [--threads N] [--preset name] [--models a,b] [--challengers a,b]
 * [--aggregate-models a,b] [--repeats 5] [--save file] [--load file]}. {@code --save} writes the
 * base forecasts (means, standard errors, residuals) of the search, {@code --load} reconciles saved
 * ones instead of searching. {@code --preset} picks the search's candidate lists by preset name
 * ({@code default}, {@code accurate}), {@code --models} replaces them for every node, {@code
 * --challengers} adds models to the default list of regular series (behind the same incumbent
 * hurdle), {@code --aggregate-models} replaces the candidates of the aggregate nodes only (e.g.
 * {@code ets}).
 */
public final class TourismBench {
  private TourismBench() {}

  static final int TRAIN = 216;
  static final int HORIZON = 12;
  static final int PERIOD = 12;

  public static void main(String[] args) {
    Map<String, String> opt = new LinkedHashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      opt.put(args[i].replaceFirst("^--", ""), args[i + 1]);
    }
    Path dir = Path.of(opt.getOrDefault("data", "../shared/data")).resolve("tourism");
    int threads =
        Integer.parseInt(
            opt.getOrDefault(
                "threads", String.valueOf(Runtime.getRuntime().availableProcessors())));
    int repeats = Integer.parseInt(opt.getOrDefault("repeats", "5"));

    TourismData data = TourismData.load(dir);
    Hierarchy h = data.hierarchy();
    System.out.printf(
        Locale.ROOT,
        "%s: %d nodes (%d bottom), %d levels, S with %d non-zeros; largest relative gap to the"
            + " published aggregates %.1e%n",
        TourismData.DECLARATION,
        h.size(),
        h.bottomCount(),
        h.levels().size(),
        h.summing().nonZeros(),
        data.maxRelativeDifference());

    int n = h.size();
    double[][] train = new double[n][];
    double[][] test = new double[n][];
    List<Series> series = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      train[i] = Arrays.copyOfRange(data.values()[i], 0, TRAIN);
      test[i] = Arrays.copyOfRange(data.values()[i], TRAIN, TRAIN + HORIZON);
      series.add(Series.of(h.node(i).name(), PERIOD, train[i]));
    }

    List<BaseForecast> base;
    if (opt.containsKey("load")) {
      base = BaseForecasts.read(Path.of(opt.get("load")), h);
      System.out.println("base forecasts read from " + opt.get("load"));
    } else {
      base = search(opt, h, series, threads);
    }
    if (opt.containsKey("save")) {
      BaseForecasts.write(Path.of(opt.get("save")), h, base);
    }
    double[][] baseRows = new double[n][];
    int withoutResiduals = 0;
    for (int i = 0; i < n; i++) {
      baseRows[i] = base.get(i).mean();
      withoutResiduals += base.get(i).hasResiduals() ? 0 : 1;
    }
    System.out.println("nodes without in-sample residuals: " + withoutResiduals);

    System.out.println();
    header(h);
    row(
        "Gridcast search per series (incoherent)",
        LevelScores.mase(h, train, test, baseRows, PERIOD),
        "");
    for (ReconciliationMethod m : ReconciliationMethod.values()) {
      run(h, base, train, test, m, false, repeats);
    }
    run(h, base, train, test, ReconciliationMethod.MINT_SHRINK, true, repeats);
  }

  private static List<BaseForecast> search(
      Map<String, String> opt, Hierarchy h, List<Series> series, int threads) {
    CandidateSource candidates = candidates(opt, h);
    GridOptimizer optimizer = GridOptimizer.builder().horizon(HORIZON).parallelism(threads).build();
    long t0 = System.nanoTime();
    List<OptimizationResult> results =
        optimizer.optimizeAll(series, candidates, ProgressListener.NONE, CancellationCheck.NEVER);
    double searchSeconds = (System.nanoTime() - t0) / 1e9;
    System.out.printf(
        Locale.ROOT,
        "search: %d series in %.1f s wall on %d threads (candidates: %s)%n",
        series.size(),
        searchSeconds,
        threads,
        describe(opt));
    printChosen(h, results);
    List<BaseForecast> base = new ArrayList<>(results.size());
    for (OptimizationResult r : results) {
      base.add(BaseForecast.of(r));
    }
    return base;
  }

  private static void run(
      Hierarchy h,
      List<BaseForecast> base,
      double[][] train,
      double[][] test,
      ReconciliationMethod method,
      boolean nonNegative,
      int repeats) {
    Reconciler reconciler = Reconciler.builder(h).method(method).nonNegative(nonNegative).build();
    Reconciliation r = reconciler.reconcile(base); // warm-up
    List<BaseForecast> pointsOnly = new ArrayList<>(base.size());
    for (BaseForecast b : base) {
      pointsOnly.add(BaseForecast.of(b.mean()).withResiduals(b.residuals()));
    }
    reconciler.reconcile(pointsOnly);
    double[] ms = new double[repeats];
    double[] cpu = new double[repeats];
    double[] cpuPoints = new double[repeats];
    ThreadMXBean bean = ManagementFactory.getThreadMXBean();
    for (int k = 0; k < repeats; k++) {
      long c0 = bean.getCurrentThreadCpuTime();
      long t0 = System.nanoTime();
      r = reconciler.reconcile(base);
      ms[k] = (System.nanoTime() - t0) / 1e6;
      long c1 = bean.getCurrentThreadCpuTime();
      cpu[k] = (c1 - c0) / 1e6;
      reconciler.reconcile(pointsOnly);
      cpuPoints[k] = (bean.getCurrentThreadCpuTime() - c1) / 1e6;
    }
    Arrays.sort(ms);
    Arrays.sort(cpu);
    Arrays.sort(cpuPoints);
    double[][] rows = LevelScores.rows(r);
    String note =
        String.format(
            Locale.ROOT,
            "%.0f ms wall, %.0f ms CPU (%.0f ms without intervals); coherence %.1e%s%s%s",
            ms[ms.length / 2],
            cpu[cpu.length / 2],
            cpuPoints[cpuPoints.length / 2],
            coherence(h, rows),
            r.shrinkageIntensity().isPresent()
                ? String.format(Locale.ROOT, "; lambda %.4f", r.shrinkageIntensity().getAsDouble())
                : "",
            r.fallbackReason().map(s -> "; " + s).orElse(""),
            nonNegative ? "; " + r.negativesSetToZero() + " negatives set to 0" : "");
    row(
        "+ " + method.label() + (nonNegative ? " (non-negative)" : ""),
        LevelScores.mase(h, train, test, rows, PERIOD),
        note);
  }

  /** Largest {@code |y_i - sum of its bottom| / |sum|} over nodes and steps. */
  static double coherence(Hierarchy h, double[][] rows) {
    double worst = 0;
    for (int i = 0; i < h.size(); i++) {
      for (int s = 0; s < rows[i].length; s++) {
        double sum = 0;
        for (int b : h.summing().row(i)) {
          sum += rows[h.aggregateCount() + b][s];
        }
        double gap = Math.abs(rows[i][s] - sum);
        worst = Math.max(worst, sum == 0 ? gap : gap / Math.abs(sum));
      }
    }
    return worst;
  }

  private static CandidateSource candidates(Map<String, String> opt, Hierarchy h) {
    ModelRegistry registry = ModelRegistry.standard();
    CandidateSource base =
        opt.containsKey("models")
            ? DefaultSelection.named(registry, List.of(opt.get("models").split(",")))
            : DefaultSelection.preset(registry, opt.getOrDefault("preset", "default"));
    CandidateSource all = base;
    if (opt.containsKey("challengers")) {
      List<ModelSpec> extra = registry.candidates(List.of(opt.get("challengers").split(",")));
      all =
          s -> {
            CandidateSet set = base.candidatesFor(s);
            if (s.isIntermittent()) {
              return set;
            }
            List<ModelSpec> c = new ArrayList<>(set.candidates());
            c.addAll(extra);
            return new CandidateSet(c, set.skipped(), set.incumbentMargin());
          };
    }
    if (!opt.containsKey("aggregate-models")) {
      return all;
    }
    CandidateSource bottom = all;
    CandidateSource aggregates =
        DefaultSelection.named(registry, List.of(opt.get("aggregate-models").split(",")));
    return s ->
        h.node(s.id()).orElseThrow().isBottom()
            ? bottom.candidatesFor(s)
            : aggregates.candidatesFor(s);
  }

  private static String describe(Map<String, String> opt) {
    String all =
        opt.getOrDefault("models", "preset " + opt.getOrDefault("preset", "default"))
            + (opt.containsKey("challengers") ? " + challengers " + opt.get("challengers") : "");
    return opt.containsKey("aggregate-models")
        ? all + " for bottom series, " + opt.get("aggregate-models") + " for aggregates"
        : all;
  }

  private static void printChosen(Hierarchy h, List<OptimizationResult> results) {
    for (var level : h.levels()) {
      Map<String, Integer> counts = new TreeMap<>();
      for (int i = level.firstNode(); i < level.firstNode() + level.nodeCount(); i++) {
        counts.merge(label(results.get(i)), 1, Integer::sum);
      }
      System.out.println("  chosen at " + level.name() + ": " + counts);
    }
  }

  private static String label(OptimizationResult r) {
    return r.chosen() instanceof Combination c ? c.label() : r.chosen().name();
  }

  private static void header(Hierarchy h) {
    StringBuilder b = new StringBuilder("| base + reconciliation |");
    StringBuilder sep = new StringBuilder("|---|");
    for (var level : h.levels()) {
      b.append(' ').append(level.name()).append(" |");
      sep.append("---|");
    }
    System.out.println(b.append(" mean of levels | notes |"));
    System.out.println(sep.append("---|---|"));
  }

  private static void row(String label, List<LevelScores.LevelScore> scores, String note) {
    StringBuilder b = new StringBuilder("| ").append(label).append(" |");
    for (LevelScores.LevelScore s : scores) {
      b.append(String.format(Locale.ROOT, " %.3f |", s.meanMase()));
    }
    b.append(
        String.format(Locale.ROOT, " **%.3f** | %s |", LevelScores.meanOfLevels(scores), note));
    System.out.println(b);
  }
}
