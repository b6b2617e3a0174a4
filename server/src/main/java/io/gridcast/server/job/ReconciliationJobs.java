package io.gridcast.server.job;

import com.fasterxml.jackson.databind.JsonNode;
import io.gridcast.forecast.hierarchy.BaseForecast;
import io.gridcast.forecast.hierarchy.Hierarchy;
import io.gridcast.forecast.hierarchy.Reconciler;
import io.gridcast.forecast.hierarchy.Reconciliation;
import io.gridcast.forecast.hierarchy.ReconciliationMethod;
import io.gridcast.forecast.model.PredictionInterval;
import io.gridcast.queue.JobContext;
import io.gridcast.queue.JobHandler;
import io.gridcast.server.dataset.HierarchyStore;
import io.gridcast.server.dataset.HierarchyStore.ReconciliationRow;
import io.gridcast.server.dataset.ResultStore;
import io.gridcast.server.dataset.StoredHierarchy;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The handler of {@code reconciliation} jobs: reads the stored forecast of every node of a
 * hierarchical dataset (its point forecasts, the standard errors read from its widest interval and
 * its in-sample residuals), reconciles them with the forecast core's {@link Reconciler}, and stores
 * base and reconciled forecasts of every node ({@link ReconciliationBody}). A node without a stored
 * forecast fails the job, naming the nodes. Thread-safe: keeps no state between jobs.
 */
public final class ReconciliationJobs {
  private static final Logger LOG = LoggerFactory.getLogger(ReconciliationJobs.class);

  private final HierarchyStore hierarchies;
  private final ResultStore results;
  private final InstantSource clock;

  public ReconciliationJobs(HierarchyStore hierarchies, ResultStore results, InstantSource clock) {
    this.hierarchies = hierarchies;
    this.results = results;
    this.clock = clock;
  }

  /** The handler, by its type's stable name. */
  public Map<String, JobHandler> handlers() {
    return Map.of(JobType.RECONCILIATION.key(), this::reconcile);
  }

  /** The method of an option value: a label, or the short {@code top_down} and {@code wls}. */
  public static ReconciliationMethod method(String option) {
    if (option == null) {
      return ReconciliationMethod.DEFAULT;
    }
    return switch (option.strip()) {
      case "top_down" -> ReconciliationMethod.TOP_DOWN_FORECAST_PROPORTIONS;
      case "wls" -> ReconciliationMethod.WLS_STRUCTURAL;
      default -> ReconciliationMethod.of(option);
    };
  }

  private String reconcile(JobContext ctx) {
    ReconciliationPayload p = JobJson.read(ctx.payload(), ReconciliationPayload.class);
    ReconciliationMethod method = method(p.method());
    StoredHierarchy stored =
        hierarchies
            .get(ctx.ownerId(), p.datasetId())
            .orElseThrow(() ->
                new MissingJobInputException(
                    "dataset " + p.datasetId() + " has no hierarchy (or no longer exists)"));
    Hierarchy h = stored.hierarchy();
    int n = h.size();
    ctx.progress(0, n, "reading", null);
    List<BaseForecast> base = new ArrayList<>(n);
    List<JsonNode> forecasts = new ArrayList<>(n);
    List<String> missing = new ArrayList<>();
    long t0 = System.nanoTime();
    Map<String, String> bodies = new HashMap<>();
    results.forEach(ctx.ownerId(), p.datasetId(), r -> bodies.put(r.sku(), r.body()));
    for (StoredHierarchy.NodeRow node : stored.nodes()) {
      String text = bodies.get(node.sku());
      if (text == null) {
        missing.add(node.sku());
        continue;
      }
      JsonNode body = JobJson.read(text, JsonNode.class);
      forecasts.add(body.path("forecast"));
      base.add(baseForecast(node.sku(), body));
    }
    if (!missing.isEmpty()) {
      throw new MissingJobInputException(
          missing.size()
              + " of "
              + n
              + " nodes have no stored forecast (their optimization failed or was cancelled),"
              + " e.g. "
              + missing.subList(0, Math.min(5, missing.size()))
              + "; run the optimization of those series again, then the reconciliation");
    }
    ctx.throwIfCancelled();
    ctx.progress(n, n, "reconciling", null);
    long t1 = System.nanoTime();
    Reconciliation rec = Reconciler.builder(h).method(method).build().reconcile(base);
    long t2 = System.nanoTime();
    ReconciliationBody body = ReconciliationBody.of(p.datasetId(), stored, forecasts, rec);
    String json = JobJson.write(body);
    hierarchies.putReconciliation(
        new ReconciliationRow(
            p.datasetId(),
            ctx.ownerId(),
            ctx.id().toString(),
            rec.requested().label(),
            rec.used().label(),
            rec.fallbackReason().orElse(null),
            json,
            clock.instant()));
    LOG.info(
        "dataset {}: {} nodes reconciled by {}; read {} ms, reconciled {} ms, stored {} ms",
        p.datasetId(),
        n,
        rec.used().label(),
        (t1 - t0) / 1_000_000,
        (t2 - t1) / 1_000_000,
        (System.nanoTime() - t2) / 1_000_000);
    ctx.progress(n, n, "done", rec.fallbackReason().orElse(null));
    return JobJson.write(
        new Summary(
            p.datasetId(),
            rec.requested().label(),
            rec.used().label(),
            rec.fallbackReason().orElse(null),
            n));
  }

  /**
   * The job's result.
   *
   * @param nodes how many nodes were reconciled
   */
  record Summary(
      String datasetId, String requested, String used, String fallbackReason, int nodes) {}

  /**
   * A stored forecast as the reconciler takes it: the point forecasts, standard errors from the
   * widest interval's upper bound (the lower one may be clamped at zero) and the residuals.
   */
  static BaseForecast baseForecast(String sku, JsonNode body) {
    JsonNode f = body.path("forecast");
    double[] mean = numbers(sku, f.path("y_hat"));
    double widest = -1;
    String upper = null;
    for (Iterator<String> it = f.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      if (name.startsWith("hi_")) {
        double level = Double.parseDouble(name.substring(3));
        if (level > widest) {
          widest = level;
          upper = name;
        }
      }
    }
    BaseForecast b = BaseForecast.of(mean);
    if (upper != null && f.path(upper).size() == mean.length && allNumbers(f.path(upper))) {
      double[] hi = numbers(sku, f.path(upper));
      b = b.withInterval(new PredictionInterval(widest / 100, hi, hi));
    }
    return b.withResiduals(Residuals.decode(body.path("residuals").asText(null)));
  }

  private static boolean allNumbers(JsonNode a) {
    for (JsonNode v : a) {
      if (!v.isNumber()) {
        return false;
      }
    }
    return true;
  }

  private static double[] numbers(String sku, JsonNode a) {
    double[] out = new double[a.size()];
    for (int i = 0; i < out.length; i++) {
      if (!a.get(i).isNumber()) {
        throw new MissingJobInputException(
            "the stored forecast of " + sku + " has no number at step " + (i + 1));
      }
      out[i] = a.get(i).asDouble();
    }
    return out;
  }
}
