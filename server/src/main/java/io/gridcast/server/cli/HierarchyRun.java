package io.gridcast.server.cli;

import io.gridcast.forecast.ForecastException;
import io.gridcast.forecast.hierarchy.HierarchyDeclarationException;
import io.gridcast.forecast.hierarchy.HierarchySpec;
import io.gridcast.forecast.hierarchy.Reconciliation;
import io.gridcast.forecast.hierarchy.ReconciliationMethod;
import io.gridcast.forecast.registry.DefaultSelection;
import io.gridcast.forecast.search.CancellationCheck;
import io.gridcast.forecast.search.GridOptimizer;
import io.gridcast.forecast.search.OptimizationResult;
import io.gridcast.forecast.search.ProgressListener;
import io.gridcast.forecast.series.TimeAxisOptions;
import io.gridcast.server.dataset.HierarchyUpload;
import io.gridcast.server.dataset.InvalidUploadException;
import io.gridcast.server.dataset.UploadFormat;
import io.gridcast.server.job.ReconciliationJobs;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.util.List;

/**
 * {@code gridcast optimize --hierarchy}: reads the bottom series and their key columns, sums every
 * aggregate, searches every node, reconciles and writes {@link HierarchyForecasts}' table. Exit 0,
 * 2 on bad input or options (a nesting conflict names the lines), 1 when the output cannot be
 * written.
 */
final class HierarchyRun {
  private HierarchyRun() {}

  static int run(
      OptimizeCommand c,
      GridOptimizer optimizer,
      DefaultSelection candidates,
      TimeAxisOptions axis,
      PrintWriter err,
      long start) {
    HierarchySpec spec;
    ReconciliationMethod method;
    HierarchyUpload.Built built;
    try {
      spec = HierarchySpec.parse(c.hierarchy);
      method = ReconciliationJobs.method(c.reconciliation);
    } catch (HierarchyDeclarationException | IllegalArgumentException e) {
      return fail(err, (c.reconciliation != null ? "" : "--hierarchy: ") + e.getMessage(), 2);
    }
    UploadFormat format =
        new UploadFormat("unique_id", "ds", "y", axis, UploadFormat.DEFAULT_MAX_SERIES_LENGTH);
    try (InputStream in = Files.newInputStream(c.input)) {
      built = HierarchyUpload.read(in, format, spec, Long.MAX_VALUE);
    } catch (InvalidUploadException | ForecastException e) {
      return fail(err, c.input + ": " + e.getMessage(), 2);
    } catch (NoSuchFileException e) {
      return fail(err, "input file not found: " + c.input, 2);
    } catch (IOException | UncheckedIOException e) {
      return fail(err, "cannot read " + c.input + ": " + e.getMessage(), 2);
    }
    List<OptimizationResult> results =
        optimizer.optimizeAll(
            built.series(), candidates, ProgressListener.NONE, CancellationCheck.NEVER);
    boolean toStdout = OptimizeCommand.STDOUT.equals(c.output);
    Reconciliation rec;
    try (Writer w = c.open(toStdout)) {
      rec =
          HierarchyForecasts.write(
              w, built.stored(), built.series(), results, method, optimizer.settings().levels());
    } catch (IOException | UncheckedIOException e) {
      return fail(err, "cannot write " + c.output + ": " + e.getMessage(), 1);
    }
    err.printf(
        "gridcast optimize: %s, %d nodes (%d bottom), %.2f s; reconciled by %s%s -> %s%n",
        spec,
        built.series().size(),
        built.stored().bottomCount(),
        (System.nanoTime() - start) / 1e9,
        rec.used().label(),
        rec.fallbackReason().map(r -> " (" + r + ")").orElse(""),
        toStdout ? "standard output" : c.output);
    err.flush();
    return 0;
  }

  private static int fail(PrintWriter err, String message, int code) {
    err.println("gridcast optimize: " + message);
    err.flush();
    return code;
  }
}
