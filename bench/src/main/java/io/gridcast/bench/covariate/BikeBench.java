package io.gridcast.bench.covariate;

import io.gridcast.forecast.arima.ArimaXSpec;
import io.gridcast.forecast.covariate.CalendarCovariates;
import io.gridcast.forecast.covariate.CalendarOptions;
import io.gridcast.forecast.covariate.Covariates;
import io.gridcast.forecast.covariate.EtsXSpec;
import io.gridcast.forecast.covariate.RegressionSpec;
import io.gridcast.forecast.metric.Accuracy;
import io.gridcast.forecast.model.ModelSpec;
import io.gridcast.forecast.registry.DefaultSelection;
import io.gridcast.forecast.registry.ModelRegistry;
import io.gridcast.forecast.search.CancellationCheck;
import io.gridcast.forecast.search.CandidateSet;
import io.gridcast.forecast.search.CandidateSource;
import io.gridcast.forecast.search.GridOptimizer;
import io.gridcast.forecast.search.OptimizationResult;
import io.gridcast.forecast.search.ProgressListener;
import io.gridcast.forecast.series.Frequency;
import io.gridcast.forecast.series.Series;
import io.gridcast.forecast.series.TimeAxis;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The bike-sharing protocol of {@code ../shared/ANCHORS.md}: the daily UCI data (731 days), series
 * {@code casual}, {@code registered}, {@code cnt}; covariates {@code holiday}, {@code workingday},
 * {@code weathersit} as dummies for 2 and 3+, {@code temp}, {@code hum}, {@code windspeed}; 6
 * rolling origins at {@code n - 28k} ({@code k = 6..1}), horizon 28, future covariates as observed;
 * MASE with the in-sample seasonal naive scale ({@code m = 7}), averaged over the 18 (series,
 * origin) pairs. Runs the default search without covariates, with them (the covariate models join
 * as challengers), and each covariate model alone.
 *
 * <p>Usage: {@code java -cp bench/target/benchmarks.jar io.gridcast.bench.covariate.BikeBench
 * [--data ../shared/data] [--threads 2] [--calendar dow|none]}. With {@code --calendar dow} (the
 * default) the day-of-week dummies of {@link CalendarCovariates} are added to the data's columns.
 */
public final class BikeBench {
  private BikeBench() {}

  static final int HORIZON = 28;
  static final int ORIGINS = 6;
  static final int PERIOD = 7;
  static final List<String> SERIES = List.of("casual", "registered", "cnt");

  public static void main(String[] args) {
    Map<String, String> opt = new LinkedHashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      opt.put(args[i].replaceFirst("^--", ""), args[i + 1]);
    }
    Path file = Path.of(opt.getOrDefault("data", "../shared/data")).resolve("bike/day.csv");
    int threads = Integer.parseInt(opt.getOrDefault("threads", "2"));
    boolean dow = !opt.getOrDefault("calendar", "dow").equals("none");
    Data data = Data.load(file);
    ModelRegistry registry = ModelRegistry.standard();
    DefaultSelection selection = DefaultSelection.of(registry);
    GridOptimizer optimizer = GridOptimizer.builder().horizon(HORIZON).parallelism(threads).build();

    List<Series> series = new ArrayList<>();
    Map<String, Covariates> covariates = new HashMap<>();
    Map<String, double[]> actuals = new HashMap<>();
    for (String name : SERIES) {
      double[] y = data.column(name);
      for (int k = ORIGINS; k >= 1; k--) {
        int o = y.length - HORIZON * k;
        String id = name + "@" + o;
        Series s =
            Series.onAxis(
                id,
                Arrays.copyOf(y, o),
                new TimeAxis.Dates(data.start(), Frequency.DAILY),
                0,
                Frequency.DAILY.seasonalPeriods());
        series.add(s);
        Covariates x = data.covariates(o + HORIZON);
        if (dow) {
          x =
              x.plus(
                  CalendarCovariates.of(
                      s, HORIZON, CalendarOptions.builder().dayOfWeek(true).build()));
        }
        covariates.put(id, x);
        actuals.put(id, Arrays.copyOfRange(y, o, o + HORIZON));
      }
    }
    System.out.printf(
        Locale.ROOT,
        "bike: %d days from %s, %d (series, origin) pairs, covariates %s%n",
        data.rows(),
        data.start(),
        series.size(),
        covariates.get(series.get(0).id()).names());

    Map<String, Map<String, Double>> table = new LinkedHashMap<>();
    run(
        table,
        "Gridcast default search, no covariates",
        optimizer,
        series,
        s -> Covariates.none(),
        selection,
        actuals);
    run(
        table,
        "Gridcast default search, with covariates",
        optimizer,
        series,
        s -> covariates.get(s.id()),
        selection,
        actuals);
    for (ModelSpec m : List.of(ArimaXSpec.auto(), EtsXSpec.defaults(), RegressionSpec.defaults())) {
      run(
          table,
          "`" + m.name() + "` alone",
          optimizer,
          series,
          s -> covariates.get(s.id()),
          only(m),
          actuals);
    }
    System.out.println();
    System.out.println("| method | casual | registered | cnt | mean MASE |");
    System.out.println("|---|---|---|---|---|");
    table.forEach((method, scores) ->
        System.out.printf(
            Locale.ROOT,
            "| %s | %.3f | %.3f | %.3f | **%.3f** |%n",
            method,
            scores.get("casual"),
            scores.get("registered"),
            scores.get("cnt"),
            scores.get("mean")));
  }

  private static CandidateSource only(ModelSpec m) {
    CandidateSet set = CandidateSet.of(List.of(m));
    return new CandidateSource() {
      @Override
      public CandidateSet candidatesFor(Series series) {
        return set;
      }
    };
  }

  private static void run(
      Map<String, Map<String, Double>> table,
      String method,
      GridOptimizer optimizer,
      List<Series> series,
      java.util.function.Function<Series, Covariates> covariates,
      CandidateSource candidates,
      Map<String, double[]> actuals) {
    long t0 = System.nanoTime();
    List<OptimizationResult> results =
        optimizer.optimizeAll(
            series, covariates, candidates, ProgressListener.NONE, CancellationCheck.NEVER);
    double seconds = (System.nanoTime() - t0) / 1e9;
    Map<String, double[]> sums = new TreeMap<>();
    Map<String, Integer> chosen = new TreeMap<>();
    for (int i = 0; i < series.size(); i++) {
      Series s = series.get(i);
      OptimizationResult r = results.get(i);
      double mase = Accuracy.mase(actuals.get(s.id()), r.forecast(), s.values(), PERIOD);
      String name = s.id().substring(0, s.id().indexOf('@'));
      double[] acc = sums.computeIfAbsent(name, k -> new double[2]);
      acc[0] += mase;
      acc[1]++;
      chosen.merge(r.chosen().name(), 1, Integer::sum);
    }
    Map<String, Double> row = new LinkedHashMap<>();
    double total = 0;
    for (String name : SERIES) {
      double[] acc = sums.get(name);
      row.put(name, acc[0] / acc[1]);
      total += acc[0] / acc[1];
    }
    row.put("mean", total / SERIES.size());
    table.put(method, row);
    System.out.printf(
        Locale.ROOT,
        "%s: mean MASE %.3f in %.1f s; chosen %s%n",
        method,
        row.get("mean"),
        seconds,
        chosen);
  }

  /** The columns of {@code day.csv} by name. */
  record Data(LocalDate start, Map<String, double[]> columns) {
    static Data load(Path file) {
      List<String> lines;
      try {
        lines = Files.readAllLines(file);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      String[] header = lines.get(0).split(",");
      int n = lines.size() - 1;
      Map<String, double[]> cols = new LinkedHashMap<>();
      LocalDate start = null;
      for (int c = 0; c < header.length; c++) {
        if (!header[c].equals("dteday")) {
          cols.put(header[c], new double[n]);
        }
      }
      for (int t = 0; t < n; t++) {
        String[] f = lines.get(t + 1).split(",");
        for (int c = 0; c < header.length; c++) {
          if (header[c].equals("dteday")) {
            if (t == 0) {
              start = LocalDate.parse(f[c]);
            }
          } else {
            cols.get(header[c])[t] = Double.parseDouble(f[c]);
          }
        }
      }
      return new Data(start, cols);
    }

    int rows() {
      return columns.get("cnt").length;
    }

    double[] column(String name) {
      return columns.get(name).clone();
    }

    /** The protocol's covariates, first {@code rows} rows. */
    Covariates covariates(int rows) {
      double[] ws = columns.get("weathersit");
      double[] ws2 = new double[rows];
      double[] ws3 = new double[rows];
      for (int t = 0; t < rows; t++) {
        ws2[t] = ws[t] == 2 ? 1 : 0;
        ws3[t] = ws[t] >= 3 ? 1 : 0;
      }
      return new Covariates(
          List.of(
              "holiday", "workingday", "weathersit_2", "weathersit_3", "temp", "hum", "windspeed"),
          new double[][] {
            Arrays.copyOf(columns.get("holiday"), rows),
            Arrays.copyOf(columns.get("workingday"), rows),
            ws2,
            ws3,
            Arrays.copyOf(columns.get("temp"), rows),
            Arrays.copyOf(columns.get("hum"), rows),
            Arrays.copyOf(columns.get("windspeed"), rows)
          });
    }
  }
}
