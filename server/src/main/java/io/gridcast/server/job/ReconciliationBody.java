package io.gridcast.server.job;

import com.fasterxml.jackson.databind.JsonNode;
import io.gridcast.forecast.hierarchy.Reconciliation;
import io.gridcast.forecast.model.PredictionInterval;
import io.gridcast.server.dataset.StoredHierarchy;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The stored JSON of a reconciliation: the methods asked for and used, why it fell back, the
 * shrinkage intensity, how intervals were made, and per node its base forecast (as its optimization
 * stored it) and its reconciled one ({@code ds, y_hat, lo_L, hi_L} at the base forecasts' levels).
 *
 * @param requested the method asked for
 * @param used the method used (the fallback, {@code wls_structural}, when the requested one needs a
 *     residual covariance that is not usable)
 * @param fallbackReason why it fell back; null when it did not
 * @param shrinkageIntensity lambda of the shrunk residual covariance, when one was estimated
 * @param residualRows complete residual times the covariance was estimated from (0: none)
 * @param intervals how reconciled intervals were made; null when some node had no interval
 * @param nodes every node, in the hierarchy's order (total first)
 */
record ReconciliationBody(
    String datasetId,
    String hierarchy,
    String requested,
    String used,
    String fallbackReason,
    Double shrinkageIntensity,
    int residualRows,
    String intervals,
    List<NodeForecast> nodes) {

  /** What the reconciled intervals assume. */
  static final String GAUSSIAN =
      "gaussian: base errors with each node's own standard error (read from its widest interval)"
          + " and the correlation of the shrunk in-sample residual covariance (none when the"
          + " residuals give none); reconciled variance diag(S P W_h P' S')";

  /**
   * One node.
   *
   * @param sku the series of the dataset holding the node
   * @param name the node name
   * @param level its level's name
   * @param base the forecast as optimized for the node alone
   * @param reconciled the coherent forecast
   */
  record NodeForecast(
      String sku, String name, String level, JsonNode base, Map<String, Object> reconciled) {}

  static ReconciliationBody of(
      String datasetId, StoredHierarchy h, List<JsonNode> base, Reconciliation r) {
    List<NodeForecast> nodes = new ArrayList<>(h.nodes().size());
    boolean intervals = false;
    for (StoredHierarchy.NodeRow node : h.nodes()) {
      JsonNode b = base.get(node.index());
      Map<String, Object> rec = new LinkedHashMap<>();
      if (b.has("ds")) {
        rec.put("ds", b.get("ds"));
      }
      rec.put("y_hat", JobJson.finite(r.mean(node.index())));
      for (Iterator<String> it = b.fieldNames(); it.hasNext(); ) {
        String col = it.next();
        if (!col.startsWith("lo_")) {
          continue;
        }
        String level = col.substring(3);
        var interval = r.interval(node.index(), Double.parseDouble(level) / 100);
        if (interval.isPresent()) {
          PredictionInterval p = interval.get();
          rec.put("lo_" + level, JobJson.finite(p.lower()));
          rec.put("hi_" + level, JobJson.finite(p.upper()));
          intervals = true;
        }
      }
      nodes.add(new NodeForecast(node.sku(), node.name(), node.level(), b, rec));
    }
    return new ReconciliationBody(
        datasetId,
        h.declaration(),
        r.requested().label(),
        r.used().label(),
        r.fallbackReason().orElse(null),
        r.shrinkageIntensity().isPresent() ? r.shrinkageIntensity().getAsDouble() : null,
        r.residualRows(),
        intervals ? GAUSSIAN : null,
        nodes);
  }
}
