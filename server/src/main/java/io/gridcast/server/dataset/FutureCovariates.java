package io.gridcast.server.dataset;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gridcast.forecast.series.Series;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads and checks a future file: rows of {@code unique_id, ds} and the dataset's covariate columns
 * for the stamps after each series' history. Every covariate of the history must be a column of the
 * file, and no other column may be; each SKU's rows must be the continuation of its time axis (the
 * stamps right after its last one, none skipped, none repeated); every value is a number or 0/1
 * (true/false). Nothing is stored until the whole file passes. Stateless.
 */
public final class FutureCovariates {
  private static final ObjectMapper JSON = new ObjectMapper(UploadParser.JSON);

  private FutureCovariates() {}

  /** One row of the file: its texts by column, and where it is (CSV line or JSON row). */
  private record Row(String id, String ds, Map<String, String> cells, long at) {}

  /** The rows of a file and its extra columns. */
  private record Rows(List<String> columns, List<Row> rows) {}

  /**
   * The future rows of every SKU the file names, checked against the stored series.
   *
   * @param horizon when positive, every series with covariates needs at least this many rows
   * @throws InvalidUploadException naming the column, SKU and stamp (or line/row) at fault
   * @throws MissingFutureCovariatesException when a series has fewer rows than {@code horizon}
   */
  public static Map<String, SeriesCovariates> read(
      InputStream body,
      boolean json,
      UploadFormat format,
      List<String> names,
      List<Series> series,
      Map<String, SeriesCovariates> stored,
      int horizon) {
    if (names.isEmpty()) {
      throw new InvalidUploadException(
          "the dataset has no covariates: a future file gives the future values of the covariate"
              + " columns of its upload",
          Map.of());
    }
    Rows file = json ? json(body, format) : csv(body, format);
    for (String n : names) {
      if (!file.columns().contains(n)) {
        throw new InvalidUploadException(
            "covariate '"
                + n
                + "' is in the history but not in the future file: give its value at every future"
                + " stamp",
            at(json, n, null, null, 1));
      }
    }
    for (String c : file.columns()) {
      if (!names.contains(c)) {
        throw new InvalidUploadException(
            "column '" + c + "' is not a covariate of the dataset (its covariates: " + names + ")",
            at(json, c, null, null, 1));
      }
    }
    Map<String, Series> byId = new HashMap<>();
    for (Series s : series) {
      byId.put(s.id(), s);
    }
    Map<String, List<Row>> bySku = new LinkedHashMap<>();
    for (Row r : file.rows()) {
      if (!byId.containsKey(r.id()) || !stored.containsKey(r.id())) {
        throw new InvalidUploadException(
            "SKU '" + NameRules.shown(r.id()) + "' is not a series of the dataset",
            at(json, format.idColumn(), r.id(), r.ds(), r.at()));
      }
      bySku.computeIfAbsent(r.id(), k -> new ArrayList<>()).add(r);
    }
    Map<String, SeriesCovariates> out = new LinkedHashMap<>();
    for (Map.Entry<String, List<Row>> e : bySku.entrySet()) {
      Series s = byId.get(e.getKey());
      SeriesCovariates c = stored.get(e.getKey());
      out.put(e.getKey(), c.withFuture(values(json, s, c.names(), e.getValue())));
    }
    if (horizon > 0) {
      for (Series s : series) {
        SeriesCovariates c = out.getOrDefault(s.id(), stored.get(s.id()));
        if (c == null || !c.hasColumns()) {
          continue;
        }
        int rows = out.containsKey(s.id()) ? c.futureRows() : 0;
        if (rows < horizon) {
          throw MissingFutureCovariatesException.of(s, c.names(), rows, horizon);
        }
      }
    }
    return out;
  }

  /** The rows of one SKU as columns, in stamp order. */
  private static double[][] values(boolean json, Series s, List<String> names, List<Row> rows) {
    int n = s.length();
    int h = rows.size();
    Map<String, Integer> position = new HashMap<>();
    for (int k = 0; k < h; k++) {
      position.put(s.axis().label(n + k), k);
    }
    double[][] out = new double[names.size()][h];
    boolean[] seen = new boolean[h];
    for (Row r : rows) {
      Integer k = position.get(r.ds());
      if (k == null) {
        throw new InvalidUploadException(
            "stamp "
                + r.ds()
                + " of SKU '"
                + NameRules.shown(s.id())
                + "' is not the continuation of its time axis: its history ends at "
                + s.axis().label(n - 1)
                + ", so its "
                + h
                + " future rows are "
                + s.axis().label(n)
                + " .. "
                + s.axis().label(n + h - 1),
            at(json, "ds", s.id(), r.ds(), r.at()));
      }
      if (seen[k]) {
        throw new InvalidUploadException(
            "SKU '" + NameRules.shown(s.id()) + "' has stamp " + r.ds() + " twice",
            at(json, "ds", s.id(), r.ds(), r.at()));
      }
      seen[k] = true;
      for (int j = 0; j < names.size(); j++) {
        out[j][k] = number(json, names.get(j), s.id(), r);
      }
    }
    return out;
  }

  private static double number(boolean json, String column, String sku, Row r) {
    String v = r.cells().getOrDefault(column, "").strip();
    if (v.isEmpty()) {
      throw new InvalidUploadException(
          "covariate '"
              + column
              + "' has no future value for SKU '"
              + NameRules.shown(sku)
              + "' at "
              + r.ds(),
          at(json, column, sku, r.ds(), r.at()));
    }
    if (v.equalsIgnoreCase("true")) {
      return 1;
    }
    if (v.equalsIgnoreCase("false")) {
      return 0;
    }
    double x;
    try {
      x = Double.parseDouble(v);
    } catch (NumberFormatException e) {
      throw new InvalidUploadException(
          "column '"
              + column
              + "' holds text ('"
              + v
              + "' for SKU '"
              + NameRules.shown(sku)
              + "' at "
              + r.ds()
              + "): covariates must be numbers or 0/1",
          at(json, column, sku, r.ds(), r.at()));
    }
    if (!Double.isFinite(x)) {
      throw new InvalidUploadException(
          "covariate '" + column + "': '" + v + "' is not a finite number",
          at(json, column, sku, r.ds(), r.at()));
    }
    return x;
  }

  private static Map<String, Object> at(
      boolean json, String column, String sku, String ds, long at) {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put(json ? "field" : "column", column);
    if (sku != null) {
      d.put("sku", sku);
    }
    if (ds != null) {
      d.put("ds", ds);
    }
    d.put(json ? "row" : "line", at);
    return d;
  }

  private static Rows csv(InputStream body, UploadFormat format) {
    try (BufferedReader in =
        new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8), 1 << 16)) {
      String header = in.readLine();
      if (header == null) {
        throw new InvalidUploadException("the body is empty", Map.of("line", 1));
      }
      if (!header.isEmpty() && header.charAt(0) == '\uFEFF') {
        header = header.substring(1);
      }
      List<String> names = new ArrayList<>();
      for (String n : CsvRows.split(header, 1)) {
        names.add(n.strip());
      }
      int id = column(names, format.idColumn());
      int ds = column(names, format.dsColumn());
      List<String> extras = new ArrayList<>();
      for (int i = 0; i < names.size(); i++) {
        if (i != id && i != ds) {
          extras.add(names.get(i));
        }
      }
      List<Row> rows = new ArrayList<>();
      long lineNo = 1;
      String line;
      while ((line = in.readLine()) != null) {
        lineNo++;
        if (line.isBlank()) {
          continue;
        }
        List<String> f = CsvRows.split(line, lineNo);
        if (f.size() < names.size()) {
          throw new InvalidUploadException(
              "line " + lineNo + ": expected " + names.size() + " fields, got " + f.size(),
              Map.of("line", lineNo));
        }
        Map<String, String> cells = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
          if (i != id && i != ds) {
            cells.put(names.get(i), f.get(i));
          }
        }
        rows.add(new Row(f.get(id).strip(), f.get(ds).strip(), cells, lineNo));
      }
      if (rows.isEmpty()) {
        throw new InvalidUploadException("the future file holds no data rows", Map.of());
      }
      return new Rows(extras, rows);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static int column(List<String> names, String wanted) {
    for (int i = 0; i < names.size(); i++) {
      if (names.get(i).equalsIgnoreCase(wanted)) {
        return i;
      }
    }
    throw new InvalidUploadException(
        "missing column '" + wanted + "' in the header " + names,
        Map.of("line", 1, "column", wanted));
  }

  /**
   * {@code {"rows":[{unique_id, ds, covariates...}]}} or {@code {"series":[{unique_id, ds:[..],
   * covariate:[..]}]}}.
   */
  private static Rows json(InputStream body, UploadFormat format) {
    JsonNode root;
    try {
      root = JSON.readTree(body);
    } catch (JsonProcessingException e) {
      throw new InvalidUploadException(
          "malformed JSON: " + e.getOriginalMessage(), Map.of("field", "body"), true);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (root == null || !root.isObject()) {
      throw new InvalidUploadException(
          "the body must be a JSON object with \"rows\" or \"series\"", Map.of("field", "body"));
    }
    List<String> columns = new ArrayList<>();
    List<Row> rows = new ArrayList<>();
    JsonNode list = root.path("rows");
    if (list.isArray()) {
      long at = 0;
      for (JsonNode r : list) {
        at++;
        Map<String, String> cells = new LinkedHashMap<>();
        String id = null;
        String ds = null;
        for (Map.Entry<String, JsonNode> f : r.properties()) {
          if (f.getKey().equals(format.idColumn()) || f.getKey().equals("unique_id")) {
            id = f.getValue().asText();
          } else if (f.getKey().equals(format.dsColumn()) || f.getKey().equals("ds")) {
            ds = f.getValue().asText().strip();
          } else {
            if (!columns.contains(f.getKey())) {
              columns.add(f.getKey());
            }
            cells.put(f.getKey(), text(f.getValue()));
          }
        }
        if (id == null || ds == null) {
          String field = id == null ? "unique_id" : "ds";
          throw new InvalidUploadException(
              "row " + at + " has no " + field, Map.of("field", "rows[" + at + "]." + field));
        }
        rows.add(new Row(id, ds, cells, at));
      }
    } else if (root.path("series").isArray()) {
      long at = 0;
      for (JsonNode s : root.path("series")) {
        String id = s.path("unique_id").asText(null);
        JsonNode ds = s.path("ds");
        if (id == null || !ds.isArray()) {
          throw new InvalidUploadException(
              "each series needs unique_id and a ds array", Map.of("field", "series"));
        }
        for (int i = 0; i < ds.size(); i++) {
          at++;
          Map<String, String> cells = new LinkedHashMap<>();
          for (Map.Entry<String, JsonNode> f : s.properties()) {
            if (f.getKey().equals("unique_id") || f.getKey().equals("ds")) {
              continue;
            }
            if (!columns.contains(f.getKey())) {
              columns.add(f.getKey());
            }
            cells.put(f.getKey(), f.getValue().isArray() ? text(f.getValue().path(i)) : "");
          }
          rows.add(new Row(id, ds.get(i).asText().strip(), cells, at));
        }
      }
    } else {
      throw new InvalidUploadException(
          "the body has neither \"rows\" nor \"series\"", Map.of("field", "rows"));
    }
    if (rows.isEmpty()) {
      throw new InvalidUploadException("the future file holds no data rows", Map.of());
    }
    return new Rows(columns, rows);
  }

  private static String text(JsonNode v) {
    if (v == null || v.isNull() || v.isMissingNode()) {
      return "";
    }
    if (v.isBoolean()) {
      return v.asBoolean() ? "1" : "0";
    }
    return v.isValueNode() ? v.asText() : v.toString();
  }
}
