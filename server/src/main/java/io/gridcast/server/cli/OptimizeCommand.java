package io.gridcast.server.cli;

import io.gridcast.forecast.ForecastException;
import io.gridcast.forecast.metric.Metric;
import io.gridcast.forecast.model.PredictionInterval;
import io.gridcast.forecast.registry.DefaultSelection;
import io.gridcast.forecast.registry.ModelRegistry;
import io.gridcast.forecast.search.CancellationCheck;
import io.gridcast.forecast.search.GridOptimizer;
import io.gridcast.forecast.search.OptimizationResult;
import io.gridcast.forecast.search.ProgressListener;
import io.gridcast.forecast.search.SpecLabel;
import io.gridcast.forecast.series.Series;
import io.gridcast.forecast.series.SeriesCsvReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code gridcast optimize}: one-shot grid search over a long CSV, no server. Reads every series,
 * searches them on a fixed pool of platform threads, writes {@code
 * unique_id,ds,model,y_hat,lo_80,hi_80,lo_95,hi_95} in input order. Exit 0 on success, 2 on bad
 * input or options (the message names the line and problem, or lists the known models), 1 when the
 * output cannot be written.
 */
@Command(
    name = "optimize",
    mixinStandardHelpOptions = true,
    description =
        "Search a grid of models per series and write forecasts with 80%%/95%% intervals.")
public final class OptimizeCommand implements Callable<Integer> {
  static final String HEADER = "unique_id,ds,model,y_hat,lo_80,hi_80,lo_95,hi_95";

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--input", required = true, description = "Long CSV unique_id,ds,y.")
  Path input;

  @Option(names = "--output", required = true, description = "Forecast CSV to write.")
  Path output;

  @Option(names = "--horizon", required = true, description = "Steps to forecast.")
  int horizon;

  @Option(
      names = "--period",
      defaultValue = "0",
      description = "Seasonal period (default: from the frequency, 1 for an integer ds).")
  int period;

  @Option(
      names = "--models",
      split = ",",
      description = "Model names (a+b = their combination); default: the default selection.")
  List<String> models;

  @Option(
      names = "--metric",
      description = "mae, rmse, mape, smape, mase (default: the optimizer's, smape).")
  String metric;

  @Option(
      names = "--folds",
      defaultValue = "" + GridOptimizer.DEFAULT_FOLDS,
      description = "Backtest folds (default ${DEFAULT-VALUE}).")
  int folds;

  @Option(names = "--threads", defaultValue = "0", description = "Worker threads (default: cores).")
  int threads;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    long start = System.nanoTime();
    GridOptimizer optimizer;
    DefaultSelection candidates;
    List<Series> series;
    try {
      GridOptimizer.Builder b =
          GridOptimizer.builder()
              .horizon(horizon)
              .folds(folds)
              .metric(metric == null ? GridOptimizer.DEFAULT_METRIC : Metric.parse(metric));
      if (threads > 0) {
        b.parallelism(threads);
      }
      optimizer = b.build();
      ModelRegistry registry = ModelRegistry.standard();
      candidates =
          models == null ? DefaultSelection.of(registry) : DefaultSelection.named(registry, models);
      if (period < 0) {
        throw new ForecastException("--period must be >= 0, got " + period);
      }
      try (Reader in = Files.newBufferedReader(input, StandardCharsets.UTF_8)) {
        series = SeriesCsvReader.builder().period(period).build().read(in);
      }
    } catch (ForecastException e) {
      err.println("gridcast optimize: " + input + ": " + e.getMessage());
      err.flush();
      return 2;
    } catch (NoSuchFileException e) {
      err.println("gridcast optimize: input file not found: " + input);
      err.flush();
      return 2;
    } catch (IOException | UncheckedIOException e) {
      err.println("gridcast optimize: cannot read " + input + ": " + e.getMessage());
      err.flush();
      return 2;
    }

    int[] fallbacks = new int[1];
    try (Writer w =
        new BufferedWriter(Files.newBufferedWriter(output, StandardCharsets.UTF_8), 1 << 16)) {
      w.write(HEADER);
      w.write('\n');
      Releasing source = new Releasing(series);
      optimizer.optimizeEach(
          source,
          candidates,
          r -> {
            Series s = source.take();
            if (r.fallbackReason().isPresent()) {
              fallbacks[0]++;
            }
            write(w, s, r);
          },
          ProgressListener.NONE,
          CancellationCheck.NEVER);
    } catch (IOException | UncheckedIOException e) {
      err.println("gridcast optimize: cannot write " + output + ": " + e.getMessage());
      err.flush();
      return 1;
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    err.printf(
        "gridcast optimize: %d series, %.2f s, %.0f series/s, %d naive fallbacks, "
            + "%d threads -> %s%n",
        series.size(),
        seconds,
        series.size() / seconds,
        fallbacks[0],
        optimizer.settings().parallelism(),
        output);
    err.flush();
    return 0;
  }

  private static void write(Writer w, Series s, OptimizationResult r) {
    double[] f = r.forecast();
    PredictionInterval i80 = r.interval80();
    PredictionInterval i95 = r.interval95();
    double[] lo80 = i80.lower();
    double[] hi80 = i80.upper();
    double[] lo95 = i95.lower();
    double[] hi95 = i95.upper();
    String model = SpecLabel.name(r.chosen());
    StringBuilder b = new StringBuilder(96 * f.length);
    for (int h = 0; h < f.length; h++) {
      b.append(s.id()).append(',').append(s.forecastLabel(h + 1)).append(',').append(model);
      NumberText.append(b.append(','), f[h]);
      NumberText.append(b.append(','), lo80[h]);
      NumberText.append(b.append(','), hi80[h]);
      NumberText.append(b.append(','), lo95[h]);
      NumberText.append(b.append(','), hi95[h]);
      b.append('\n');
    }
    try {
      w.append(b);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Iterates the series list and drops each one from the list once its result is written. */
  private static final class Releasing implements Iterator<Series> {
    private final List<Series> list;
    private int next;
    private int written;

    Releasing(List<Series> list) {
      this.list = list;
    }

    @Override
    public boolean hasNext() {
      return next < list.size();
    }

    @Override
    public Series next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      return list.get(next++);
    }

    Series take() {
      Series s = list.get(written);
      list.set(written++, null);
      return s;
    }
  }
}
