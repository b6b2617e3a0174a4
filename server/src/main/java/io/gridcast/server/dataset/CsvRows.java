package io.gridcast.server.dataset;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The id, stamp and value texts of a small CSV body (RFC 4180 quoting), by header names, before any
 * parsing of stamps or numbers: what appended actuals are compared with a dataset's stamps by.
 */
final class CsvRows {
  /**
   * One data row: its texts, the texts of the extra columns ({@link Table#extras()} order) and its
   * line number (the header is line 1).
   */
  record Row(String id, String ds, String y, long line, List<String> extra) {
    Row(String id, String ds, String y, long line) {
      this(id, ds, y, line, List.of());
    }
  }

  /** The rows of a body and the names of its extra columns. */
  record Table(List<String> extras, List<Row> rows) {}

  private CsvRows() {}

  static List<Row> read(BufferedReader in, String idColumn, String dsColumn, String yColumn) {
    return table(in, idColumn, dsColumn, yColumn).rows();
  }

  /** The rows with the cells of every other column. */
  static Table table(BufferedReader in, String idColumn, String dsColumn, String yColumn) {
    try {
      String header = in.readLine();
      if (header == null) {
        throw new InvalidUploadException("the body is empty", Map.of("line", 1));
      }
      if (!header.isEmpty() && header.charAt(0) == '\uFEFF') {
        header = header.substring(1);
      }
      List<String> names = split(header, 1);
      int id = column(names, idColumn);
      int ds = column(names, dsColumn);
      int y = column(names, yColumn);
      List<Integer> extra = new ArrayList<>();
      List<String> extraNames = new ArrayList<>();
      for (int i = 0; i < names.size(); i++) {
        if (i != id && i != ds && i != y) {
          extra.add(i);
          extraNames.add(names.get(i).strip());
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
        List<String> f = split(line, lineNo);
        int needed = extra.isEmpty() ? Math.max(id, Math.max(ds, y)) + 1 : names.size();
        if (f.size() < needed) {
          throw new InvalidUploadException(
              "line " + lineNo + ": expected at least " + needed + " fields, got " + f.size(),
              Map.of("line", lineNo));
        }
        List<String> cells = new ArrayList<>(extra.size());
        for (int i : extra) {
          cells.add(f.get(i).strip());
        }
        rows.add(new Row(f.get(id), f.get(ds).strip(), f.get(y).strip(), lineNo, cells));
      }
      if (rows.isEmpty()) {
        throw new InvalidUploadException("the body holds no data rows", Map.of());
      }
      return new Table(extraNames, rows);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static int column(List<String> names, String wanted) {
    for (int i = 0; i < names.size(); i++) {
      if (names.get(i).strip().toLowerCase(Locale.ROOT).equals(wanted.toLowerCase(Locale.ROOT))) {
        return i;
      }
    }
    throw new InvalidUploadException(
        "missing column '" + wanted + "' in the header " + names,
        Map.of("line", 1, "column", wanted));
  }

  static List<String> split(String line, long lineNo) {
    List<String> out = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          field.append(c);
        }
      } else if (c == '"' && field.isEmpty()) {
        quoted = true;
      } else if (c == ',') {
        out.add(field.toString());
        field.setLength(0);
      } else {
        field.append(c);
      }
    }
    if (quoted) {
      throw new InvalidUploadException(
          "line " + lineNo + ": unterminated quoted field", Map.of("line", lineNo));
    }
    out.add(field.toString());
    return out;
  }
}
