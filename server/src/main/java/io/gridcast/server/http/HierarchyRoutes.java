package io.gridcast.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.gridcast.server.dataset.CsvCell;
import io.gridcast.server.dataset.DatasetService;
import io.gridcast.server.dataset.HierarchyStore.ReconciliationRow;
import io.gridcast.server.dataset.StoredHierarchy;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code /api/datasets/{id}/hierarchy}: a dataset's levels and nodes; {@code
 * /api/datasets/{id}/reconciliation}: its latest reconciliation, as JSON (methods, fallback reason,
 * base and reconciled forecast per node) or CSV ({@code ?format=csv} or {@code Accept: text/csv}:
 * {@code unique_id,level,ds,base,y_hat,lo_L,hi_L...}, one row per node and step, {@code y_hat} and
 * the bounds reconciled). A dataset without a hierarchy, or not yet reconciled, answers 404.
 */
final class HierarchyRoutes implements RouteGroup {
  private final DatasetService datasets;

  HierarchyRoutes(DatasetService datasets) {
    this.datasets = datasets;
  }

  /** One level: its name, position (total first) and how many nodes it has. */
  record LevelView(int index, String name, int nodeCount) {}

  /**
   * One node.
   *
   * @param sku the dataset's series holding the node (its forecasts and history)
   * @param bottomCount how many bottom series it sums
   */
  record NodeView(
      int index,
      String sku,
      String name,
      String level,
      Map<String, String> keys,
      int bottomCount) {}

  /** A dataset's hierarchy. */
  record HierarchyView(
      String datasetId,
      String hierarchy,
      int nodeCount,
      int bottomCount,
      List<LevelView> levels,
      List<NodeView> nodes) {}

  @Override
  public void register(RoutesConfig r) {
    r.get("/api/datasets/{id}/hierarchy", this::hierarchy);
    r.get("/api/datasets/{id}/reconciliation", this::reconciliation);
  }

  private StoredHierarchy stored(Context ctx) {
    Caller caller = Caller.of(ctx);
    String id = ctx.pathParam("id");
    datasets.get(caller.scope(), id);
    return datasets
        .hierarchies()
        .get(caller.scope(), id)
        .orElseThrow(() -> ApiException.notFound("hierarchy of dataset", id));
  }

  private void hierarchy(Context ctx) {
    StoredHierarchy h = stored(ctx);
    List<LevelView> levels = new ArrayList<>();
    Map<Integer, Integer> counts = new LinkedHashMap<>();
    Map<Integer, String> names = new LinkedHashMap<>();
    List<NodeView> nodes = new ArrayList<>(h.nodes().size());
    for (StoredHierarchy.NodeRow n : h.nodes()) {
      counts.merge(n.levelIndex(), 1, Integer::sum);
      names.put(n.levelIndex(), n.level());
      nodes.add(
          new NodeView(n.index(), n.sku(), n.name(), n.level(), n.keys(), n.members().length));
    }
    counts.forEach((i, c) -> levels.add(new LevelView(i, names.get(i), c)));
    HierarchyView answer =
        new HierarchyView(
            ctx.pathParam("id"), h.declaration(), h.nodes().size(), h.bottomCount(), levels, nodes);
    ctx.contentType("application/json").result(Json.write(answer));
  }

  private void reconciliation(Context ctx) {
    Caller caller = Caller.of(ctx);
    String id = ctx.pathParam("id");
    datasets.get(caller.scope(), id);
    String format = Params.oneOf(ctx, "format", Set.of("json", "csv"));
    String accept = ctx.header("Accept");
    boolean csv =
        "csv".equals(format) || (format == null && accept != null && accept.contains("text/csv"));
    ReconciliationRow row =
        datasets
            .hierarchies()
            .reconciliation(caller.scope(), id)
            .orElseThrow(() -> ApiException.notFound("reconciliation of dataset", id));
    if (!csv) {
      ctx.contentType("application/json").result(row.body());
      return;
    }
    ctx.contentType("text/csv; charset=utf-8").result(csv(JobViews.tree(row.body())));
  }

  /** The export: one row per node and step, the level beside the SKU. */
  static String csv(JsonNode body) {
    List<String> bounds = new ArrayList<>();
    JsonNode nodes = body.path("nodes");
    if (!nodes.isEmpty()) {
      for (Iterator<String> it = nodes.get(0).path("reconciled").fieldNames(); it.hasNext(); ) {
        String col = it.next();
        if (col.startsWith("lo_") || col.startsWith("hi_")) {
          bounds.add(col);
        }
      }
    }
    StringBuilder out = new StringBuilder("unique_id,level,ds,base,y_hat");
    bounds.forEach(b -> out.append(',').append(b));
    out.append('\n');
    for (JsonNode n : nodes) {
      JsonNode rec = n.path("reconciled");
      JsonNode base = n.path("base").path("y_hat");
      JsonNode ds = rec.path("ds");
      String lead =
          CsvCell.of(n.path("sku").asText()) + "," + CsvCell.of(n.path("level").asText()) + ",";
      for (int i = 0; i < rec.path("y_hat").size(); i++) {
        out.append(lead)
            .append(CsvCell.of(ds.path(i).asText(Integer.toString(i + 1))))
            .append(',')
            .append(number(base.path(i)))
            .append(',')
            .append(number(rec.path("y_hat").path(i)));
        for (String b : bounds) {
          out.append(',').append(number(rec.path(b).path(i)));
        }
        out.append('\n');
      }
    }
    return out.toString();
  }

  private static String number(JsonNode v) {
    return v.isNumber() ? v.asText() : "";
  }
}
