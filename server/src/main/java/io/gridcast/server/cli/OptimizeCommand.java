package io.gridcast.server.cli;

import io.gridcast.forecast.ForecastException;
import io.gridcast.forecast.metric.Metric;
import io.gridcast.forecast.registry.DefaultSelection;
import io.gridcast.forecast.registry.ModelRegistry;
import io.gridcast.forecast.search.CancellationCheck;
import io.gridcast.forecast.search.GridOptimizer;
import io.gridcast.forecast.search.ProgressListener;
import io.gridcast.forecast.series.InvalidSeriesOptionException;
import io.gridcast.forecast.series.Series;
import io.gridcast.forecast.series.TimeAxisOptions;
import java.io.BufferedWriter;
import java.io.FilterWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code gridcast optimize}: one-shot grid search over a long CSV, no server. Reads every series
 * (the time-axis options as the API's: {@code --freq}, {@code --fill}, {@code --seasonality},
 * {@code --date-format}), searches them on a fixed pool of platform threads, writes the forecast
 * table ({@link ForecastCsv}: {@code unique_id,ds,model,y_hat,lo_80,hi_80,lo_95,hi_95,frequency,
 * fallback}, one pair per {@code --level}) in input order to a file or, with {@code --output -}, to
 * standard output. On a terminal a progress bar with the time left runs while it searches. Exit 0
 * on success, 2 on bad input or options (the message names the line and problem, or lists the known
 * models or presets), 1 when the output cannot be written.
 */
@Command(
    name = "optimize",
    mixinStandardHelpOptions = true,
    description =
        "Search a grid of models per series and write forecasts with prediction intervals.")
public final class OptimizeCommand implements Callable<Integer> {
  /** The {@code --output} that means standard output. */
  static final String STDOUT = "-";

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--input", required = true, description = "Long CSV unique_id,ds,y.")
  Path input;

  @Option(
      names = "--output",
      required = true,
      description = "Forecast CSV to write; - writes to standard output.")
  String output;

  @Option(names = "--horizon", required = true, description = "Steps to forecast.")
  int horizon;

  @Option(
      names = "--freq",
      description =
          "Frequency (pandas names: 15min, h, D, B, W-MON..W-SUN, MS, ME, QS, QE, YS, YE, index;"
              + " or daily, weekly, monthly, quarterly, yearly); default: inferred per series.")
  String frequency;

  @Option(
      names = "--fill",
      description =
          "Missing values inside a series: none (refuse them, naming the first; default), zero,"
              + " previous, linear.")
  String fill;

  @Option(
      names = "--seasonality",
      description =
          "Seasonal periods, comma-separated (24,168), or none; default: the frequency's.")
  String seasonality;

  @Option(
      names = "--period",
      defaultValue = "0",
      description = "One seasonal period (1: none); default: from the frequency.")
  int period;

  @Option(
      names = "--level",
      description = "Interval levels in percent, comma-separated (default 80,95).")
  String levels;

  @Option(
      names = "--date-format",
      description =
          "java.time pattern of ds (dd/MM/yyyy, M/d/yy HH:mm); default: ISO dates and date-times"
              + " or integers.")
  String dateFormat;

  @Option(
      names = "--models",
      description =
          "Model names, comma-separated (a+b = their mean, median(a,b,c) their median); default:"
              + " the preset's selection.")
  List<String> models;

  @Option(
      names = "--preset",
      description =
          "Candidate preset when --models is not given: default (fast) or accurate (adds ARIMA,"
              + " ETS and their combination with Theta; slower). Default: default.")
  String preset;

  @Option(
      names = "--metric",
      description = "mae, rmse, mape, smape, mase (default: the optimizer's, smape).")
  String metric;

  @Option(
      names = "--folds",
      defaultValue = "" + GridOptimizer.DEFAULT_FOLDS,
      description = "Backtest folds (default ${DEFAULT-VALUE}).")
  int folds;

  @Option(
      names = "--future",
      paramLabel = "FILE",
      description =
          "Future values of the input's covariate columns (unique_id, ds and each covariate, for"
              + " the --horizon stamps after each series' history; CSV, or JSON rows).")
  Path future;

  @Option(
      names = "--covariates",
      defaultValue = "auto",
      description =
          "auto (default: extra numeric or 0/1 columns of the input are covariates) or none (they"
              + " are ignored, and named).")
  String covariates;

  @Option(
      names = "--hierarchy",
      paramLabel = "DECL",
      description =
          "Key columns and how they nest (/) or cross (*), e.g. state/zone/region*purpose: every"
              + " aggregate is summed from the bottom series (unique_id) and forecast too, then all"
              + " are reconciled; the output is unique_id,level,ds,model,base,y_hat,lo_L,hi_L.")
  String hierarchy;

  @Option(
      names = "--reconciliation",
      paramLabel = "METHOD",
      description =
          "With --hierarchy: mint_shrink (default), bottom_up, top_down, ols, wls or wls_variance.")
  String reconciliation;

  @Option(names = "--threads", defaultValue = "0", description = "Worker threads (default: cores).")
  int threads;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    long start = System.nanoTime();
    GridOptimizer optimizer;
    DefaultSelection candidates;
    TimeAxisOptions axis;
    List<Series> series;
    try {
      GridOptimizer.Builder b =
          GridOptimizer.builder()
              .horizon(horizon)
              .folds(folds)
              .metric(metric == null ? GridOptimizer.DEFAULT_METRIC : Metric.parse(metric));
      if (levels != null) {
        b.levels(levels);
      }
      if (threads > 0) {
        b.parallelism(threads);
      }
      optimizer = b.build();
      ModelRegistry registry = ModelRegistry.standard();
      if (models != null && preset != null) {
        err.println("gridcast optimize: --models and --preset exclude each other");
        err.flush();
        return 2;
      }
      candidates =
          models == null
              ? DefaultSelection.preset(
                  registry, preset == null ? DefaultSelection.DEFAULT.name() : preset)
              : DefaultSelection.named(
                  registry,
                  models.stream().flatMap(m -> ModelRegistry.splitNames(m).stream()).toList());
      axis = axisOptions();
    } catch (ForecastException e) {
      err.println("gridcast optimize: " + e.getMessage());
      err.flush();
      return 2;
    }
    CovariateInput input;
    if (hierarchy != null) {
      return HierarchyRun.run(this, optimizer, candidates, axis, err, start);
    }
    try {
      if (!covariates.equals("auto") && !covariates.equals("none")) {
        throw new CovariateInput.RefusedInputException(
            "--covariates must be auto or none, got '" + covariates + "'");
      }
      input = CovariateInput.read(this.input, future, axis, covariates.equals("auto"), horizon);
      series = new ArrayList<>(input.series());
      if (!input.ignored().isEmpty()) {
        err.println("gridcast optimize: ignored columns " + input.ignored());
      }
    } catch (ForecastException e) {
      err.println("gridcast optimize: " + this.input + ": " + e.getMessage());
      err.flush();
      return 2;
    } catch (CovariateInput.RefusedInputException e) {
      err.println("gridcast optimize: " + e.getMessage());
      err.flush();
      return 2;
    } catch (NoSuchFileException e) {
      err.println("gridcast optimize: input file not found: " + e.getFile());
      err.flush();
      return 2;
    } catch (IOException | UncheckedIOException e) {
      err.println("gridcast optimize: cannot read " + this.input + ": " + e.getMessage());
      err.flush();
      return 2;
    }

    int[] fallbacks = new int[1];
    boolean toStdout = STDOUT.equals(output);
    try (Writer w = open(toStdout);
        ProgressDisplay progress =
            toStdout
                ? ProgressDisplay.NONE
                : ProgressDisplay.forSeries(series.size(), System.err)) {
      ForecastCsv csv = new ForecastCsv(w);
      csv.writeHeader(optimizer.settings().levels());
      Releasing source = new Releasing(series);
      optimizer.optimizeEach(
          source,
          s -> input.of(s, horizon),
          candidates,
          r -> {
            Series s = source.take();
            if (r.fallback().isPresent()) {
              fallbacks[0]++;
            }
            csv.write(s, r);
            progress.step();
          },
          ProgressListener.NONE,
          CancellationCheck.NEVER);
    } catch (IOException | UncheckedIOException e) {
      err.println("gridcast optimize: cannot write " + output + ": " + e.getMessage());
      err.flush();
      return 1;
    }
    if (toStdout && spec.commandLine().getOut().checkError()) {
      err.println("gridcast optimize: cannot write to standard output");
      err.flush();
      return 1;
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    err.printf(
        "gridcast optimize: %d series, %.2f s, %.0f series/s, %d fallbacks, %d threads -> %s%n",
        series.size(),
        seconds,
        series.size() / seconds,
        fallbacks[0],
        optimizer.settings().parallelism(),
        toStdout ? "standard output" : output);
    err.flush();
    return 0;
  }

  /** The time-axis options of the flags; {@code --period} is one period, 1 for none. */
  private TimeAxisOptions axisOptions() {
    if (period < 0) {
      throw new ForecastException("--period must be >= 0, got " + period);
    }
    String periods = seasonality;
    if (period > 0) {
      if (seasonality != null) {
        throw new ForecastException("give either --period or --seasonality, not both");
      }
      periods = period == 1 ? "none" : Integer.toString(period);
    }
    try {
      return TimeAxisOptions.parse(frequency, fill, periods, dateFormat);
    } catch (InvalidSeriesOptionException e) {
      throw new InvalidSeriesOptionException(
          e.option(), "--" + flag(e.option()) + ": " + e.getMessage());
    }
  }

  private static String flag(String option) {
    return switch (option) {
      case "frequency" -> "freq";
      case "date_format" -> "date-format";
      default -> option;
    };
  }

  /** The output file, or standard output (left open: picocli owns it) for {@code -}. */
  Writer open(boolean toStdout) throws IOException {
    if (toStdout) {
      PrintWriter out = spec.commandLine().getOut();
      return new BufferedWriter(
          new FilterWriter(out) {
            @Override
            public void close() throws IOException {
              flush();
            }
          },
          1 << 16);
    }
    return new BufferedWriter(
        Files.newBufferedWriter(Path.of(output), StandardCharsets.UTF_8), 1 << 16);
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
