package io.gridcast.server.cli;

import io.gridcast.forecast.hierarchy.BaseForecast;
import io.gridcast.forecast.hierarchy.Reconciler;
import io.gridcast.forecast.hierarchy.Reconciliation;
import io.gridcast.forecast.hierarchy.ReconciliationMethod;
import io.gridcast.forecast.model.PredictionInterval;
import io.gridcast.forecast.search.OptimizationResult;
import io.gridcast.forecast.search.SpecLabel;
import io.gridcast.forecast.series.Series;
import io.gridcast.server.dataset.CsvCell;
import io.gridcast.server.dataset.StoredHierarchy;
import io.gridcast.server.job.IntervalColumns;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The table {@code optimize --hierarchy} writes: the nodes' forecasts reconciled, {@code
 * unique_id,level,ds,model,base,y_hat} and a {@code lo_L,hi_L} pair per interval level, one row per
 * node and step, total first ({@code base} is the node's own forecast, {@code y_hat} and the bounds
 * the coherent ones). Stateless.
 */
final class HierarchyForecasts {
  private HierarchyForecasts() {}

  /** Reconciles {@code results} (one per node, in the hierarchy's order) and writes the table. */
  static Reconciliation write(
      Writer out,
      StoredHierarchy hierarchy,
      List<Series> series,
      List<OptimizationResult> results,
      ReconciliationMethod method,
      List<Double> levels)
      throws IOException {
    List<BaseForecast> base = new ArrayList<>(results.size());
    for (OptimizationResult r : results) {
      base.add(BaseForecast.of(r));
    }
    Reconciliation rec =
        Reconciler.builder(hierarchy.hierarchy()).method(method).build().reconcile(base);
    out.write(
        "unique_id,level,ds,model,base,y_hat,"
            + String.join(",", IntervalColumns.header(levels))
            + "\n");
    for (StoredHierarchy.NodeRow node : hierarchy.nodes()) {
      int i = node.index();
      Series s = series.get(i);
      OptimizationResult r = results.get(i);
      double[] mean = rec.mean(i);
      List<Optional<PredictionInterval>> bands = new ArrayList<>();
      for (double level : levels) {
        bands.add(rec.interval(i, level / 100));
      }
      String lead = CsvCell.of(node.sku()) + "," + CsvCell.of(node.level()) + ",";
      String model = CsvCell.of(SpecLabel.name(r.chosen()));
      StringBuilder b = new StringBuilder();
      for (int h = 0; h < mean.length; h++) {
        b.append(lead).append(CsvCell.of(s.forecastLabel(h + 1))).append(',').append(model);
        b.append(',');
        NumberText.append(b, r.forecast()[h]);
        b.append(',');
        NumberText.append(b, mean[h]);
        for (Optional<PredictionInterval> p : bands) {
          b.append(',');
          if (p.isPresent()) {
            NumberText.append(b, p.get().lower()[h]);
          }
          b.append(',');
          if (p.isPresent()) {
            NumberText.append(b, p.get().upper()[h]);
          }
        }
        b.append('\n');
      }
      out.write(b.toString());
    }
    return rec;
  }
}
