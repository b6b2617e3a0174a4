package io.gridcast.server.cli;

import io.gridcast.forecast.model.PredictionInterval;
import io.gridcast.forecast.search.OptimizationResult;
import io.gridcast.forecast.search.SpecLabel;
import io.gridcast.forecast.series.Series;
import io.gridcast.server.dataset.CsvCell;
import io.gridcast.server.job.IntervalColumns;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;

/**
 * The forecast table {@code optimize} writes: {@code unique_id,ds,model,y_hat}, a {@code lo_L,hi_L}
 * pair per interval level (ascending), then {@code frequency} (the series' frequency, pandas name)
 * and {@code fallback} (why the series did not get its best-scoring candidate, empty when it did).
 * A field holding a comma, a quote or a line break (a SKU name, a {@code ds} label written with a
 * {@code date_format} such as {@code MMM d, yyyy}) is quoted, and a text field a spreadsheet would
 * take for a formula ({@code =...}, {@code +...}) is written as text ({@link CsvCell}). Not
 * thread-safe: one writer for one output, fed on one thread.
 */
final class ForecastCsv {
  private final Writer out;

  ForecastCsv(Writer out) {
    this.out = out;
  }

  /** The header line for {@code levels} (percent, ascending). */
  static String header(List<Double> levels) {
    return "unique_id,ds,model,y_hat,"
        + String.join(",", IntervalColumns.header(levels))
        + ",frequency,fallback";
  }

  void writeHeader(List<Double> levels) {
    write(header(levels) + "\n");
  }

  /** One row per forecast step of {@code s}. */
  void write(Series s, OptimizationResult r) {
    double[] f = r.forecast();
    List<PredictionInterval> intervals = r.intervals();
    double[][] lower = new double[intervals.size()][];
    double[][] upper = new double[intervals.size()][];
    for (int k = 0; k < intervals.size(); k++) {
      lower[k] = intervals.get(k).lower();
      upper[k] = intervals.get(k).upper();
    }
    String id = quote(s.id());
    String model = quote(SpecLabel.name(r.chosen()));
    String tail =
        ","
            + quote(s.axis().frequency().name())
            + ","
            + r.fallback().map(fb -> fb.cause().code()).orElse("")
            + "\n";
    StringBuilder b = new StringBuilder(96 * f.length);
    for (int h = 0; h < f.length; h++) {
      b.append(id).append(',').append(quote(s.forecastLabel(h + 1))).append(',').append(model);
      NumberText.append(b.append(','), f[h]);
      for (int k = 0; k < lower.length; k++) {
        NumberText.append(b.append(','), lower[k][h]);
        NumberText.append(b.append(','), upper[k][h]);
      }
      b.append(tail);
    }
    write(b);
  }

  private void write(CharSequence text) {
    try {
      out.append(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A text field: {@link CsvCell} (formulas neutralised, quoted as needed). */
  static String quote(String s) {
    return CsvCell.of(s);
  }
}
