package io.gridcast.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.gridcast.forecast.search.GridOptimizer;
import io.gridcast.server.dataset.CsvCell;
import io.gridcast.server.dataset.DatasetService;
import io.gridcast.server.dataset.ForecastResult;
import io.gridcast.server.dataset.ResultStore;
import io.gridcast.server.dataset.ResultStore.ResultPosition;
import io.gridcast.server.dataset.ResultStore.ResultSort;
import io.gridcast.server.job.IntervalColumns;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * {@code GET /api/datasets/{id}/forecasts}: every stored result of a dataset, streamed from a
 * database cursor as JSON ({@code {"dataset_id", "forecasts":[...]}}) or as CSV ({@code
 * unique_id,ds,model,y_hat,lo_80,hi_80,lo_95,hi_95,frequency,fallback}: one {@code lo_L,hi_L} pair
 * per level any of the results has, empty where a result lacks it; a dataset with a hierarchy has a
 * {@code level} column after {@code unique_id}) when {@code Accept: text/csv} or {@code
 * ?format=csv}; with {@code ?sku=NAME} only that SKU's (none before its job has finished). The
 * CSV's text fields are written by {@link CsvCell}: a SKU such as {@code =HYPERLINK(...)} opens in
 * a spreadsheet as text, not as a formula; the JSON carries it exactly.
 */
final class ForecastRoutes implements RouteGroup {
  private final DatasetService datasets;
  private final ResultStore results;

  ForecastRoutes(DatasetService datasets, ResultStore results) {
    this.datasets = datasets;
    this.results = results;
  }

  @Override
  public void register(RoutesConfig r) {
    r.get("/api/datasets/{id}/forecasts", this::forecasts);
    r.get("/api/datasets/{id}/forecasts/{sku}", this::forecast);
    r.get("/api/datasets/{id}/results", this::results);
  }

  /** One SKU's stored result: the full body (model, parameters, scores, forecast, intervals). */
  private void forecast(Context ctx) {
    Caller caller = Caller.of(ctx);
    String id = ctx.pathParam("id");
    String sku = ctx.pathParam("sku");
    datasets.get(caller.scope(), id);
    ForecastResult r =
        results
            .get(caller.scope(), id, sku)
            .orElseThrow(() -> ApiException.notFound("result", sku));
    ctx.contentType("application/json").result(r.body());
  }

  /**
   * {@code ?sort=sku|model|score&order=asc|desc&limit=&cursor=}: the dataset's results without
   * their bodies (SKU, model, metric, score, flagged), sorted and keyset-paged.
   */
  private void results(Context ctx) {
    Caller caller = Caller.of(ctx);
    String id = ctx.pathParam("id");
    datasets.get(caller.scope(), id);
    String sortText = Params.oneOf(ctx, "sort", Set.of("sku", "model", "score"));
    ResultSort sort = sortText == null ? ResultSort.SKU : ResultSort.parse(sortText);
    boolean desc = "desc".equals(Params.oneOf(ctx, "order", Set.of("asc", "desc")));
    int limit = Params.integer(ctx, "limit", 100, 1, 1000);
    ResultPosition after = ResultCursor.decode(Params.text(ctx, "cursor"), sort);
    ResultStore.ResultPage page = results.page(caller.scope(), id, sort, desc, after, limit);
    List<ResultRow> rows = new ArrayList<>(page.results().size());
    for (ForecastResult r : page.results()) {
      rows.add(
          new ResultRow(
              r.sku(),
              r.model(),
              r.metric(),
              r.score(),
              r.flagged(),
              r.jobType(),
              r.jobId(),
              r.updatedAt()));
    }
    ResultPage answer =
        new ResultPage(
            id,
            sort.name().toLowerCase(Locale.ROOT),
            desc ? "desc" : "asc",
            rows,
            page.next() == null ? null : ResultCursor.encode(page.next()));
    ctx.contentType("application/json").result(Json.write(answer));
  }

  /** One stored result without its body. */
  record ResultRow(
      String sku,
      String model,
      String metric,
      Double score,
      boolean flagged,
      String jobType,
      String jobId,
      Instant updatedAt) {}

  /** A sorted page of a dataset's results and the next page's cursor. */
  record ResultPage(
      String datasetId, String sort, String order, List<ResultRow> results, String nextCursor) {}

  private void forecasts(Context ctx) throws IOException {
    Caller caller = Caller.of(ctx);
    String id = ctx.pathParam("id");
    datasets.get(caller.scope(), id);
    String format = Params.oneOf(ctx, "format", Set.of("json", "csv"));
    String accept = ctx.header("Accept");
    boolean csv =
        "csv".equals(format) || (format == null && accept != null && accept.contains("text/csv"));
    String sku = ctx.queryParam("sku");
    Consumer<Consumer<ForecastResult>> each =
        sku == null
            ? action -> results.forEach(caller.scope(), id, action)
            : action -> results.get(caller.scope(), id, sku).ifPresent(action);
    ctx.contentType(csv ? "text/csv; charset=utf-8" : "application/json");
    Writer out =
        new BufferedWriter(
            new OutputStreamWriter(ctx.res().getOutputStream(), StandardCharsets.UTF_8), 1 << 16);
    try {
      if (csv) {
        List<Double> levels = IntervalColumns.union(results.levelsOf(caller.scope(), id));
        List<String> intervals =
            IntervalColumns.header(levels.isEmpty() ? GridOptimizer.DEFAULT_LEVELS : levels);
        List<String> values = new ArrayList<>(intervals.size() + 1);
        values.add("y_hat");
        values.addAll(intervals);
        Map<String, String> levelOf = levels(caller, id);
        out.write(
            (levelOf.isEmpty() ? "unique_id,ds,model," : "unique_id,level,ds,model,")
                + String.join(",", values)
                + ",frequency,fallback\n");
        each.accept(r ->
            csvRows(
                out,
                levelOf.isEmpty()
                    ? quote(r.sku())
                    : quote(r.sku()) + "," + quote(levelOf.get(r.sku())),
                r.model(),
                r.body(),
                values));
      } else {
        out.write("{\"dataset_id\":");
        out.write(Json.write(id));
        out.write(",\"forecasts\":[");
        boolean[] first = {true};
        each.accept(r -> {
          try {
            if (!first[0]) {
              out.write(',');
            }
            first[0] = false;
            out.write(r.body());
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
        out.write("]}");
      }
    } finally {
      out.flush();
    }
  }

  /** The level of each series of a dataset with a hierarchy; empty without one. */
  private Map<String, String> levels(Caller caller, String datasetId) {
    Map<String, String> out = new HashMap<>();
    datasets
        .hierarchies()
        .get(caller.scope(), datasetId)
        .ifPresent(h -> h.nodes().forEach(n -> out.put(n.sku(), n.level())));
    return out;
  }

  /**
   * One row per forecast step: the SKU (and its level), the step's {@code ds}, the model, the
   * {@code values} columns of the forecast (empty where the result has none), its frequency and
   * fallback cause.
   *
   * @param lead the row's leading cells: the SKU, and its level for a dataset with a hierarchy
   */
  private static void csvRows(
      Writer out, String lead, String model, String body, List<String> values) {
    JsonNode tree = JobViews.tree(body);
    JsonNode f = tree.path("forecast");
    JsonNode ds = f.path("ds");
    String id = lead;
    String tail =
        ","
            + quote(tree.path("frequency").asText(""))
            + ","
            + quote(tree.path("fallback").path("cause").asText(""))
            + "\n";
    try {
      for (int i = 0; i < ds.size(); i++) {
        out.write(id);
        out.write(',');
        out.write(quote(ds.get(i).asText()));
        out.write(',');
        out.write(quote(model));
        for (String col : values) {
          out.write(',');
          JsonNode v = f.path(col).path(i);
          out.write(v.isNumber() ? v.asText() : "");
        }
        out.write(tail);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A text field of the export: {@link CsvCell} (formulas neutralised, quoted as needed). */
  private static String quote(String s) {
    return CsvCell.of(s);
  }
}
