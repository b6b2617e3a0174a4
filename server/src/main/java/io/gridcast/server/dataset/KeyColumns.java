package io.gridcast.server.dataset;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the key columns of a hierarchy upload ({@code state, zone, region, purpose}) from the CSV
 * text as the series reader consumes it: a reader between the body and the series reader that sees
 * every line once, so the body is still read in one pass and never held. Each series id must carry
 * the same key values on every row; a row that differs is refused naming both lines. Not
 * thread-safe: one per upload.
 */
final class KeyColumns extends FilterReader {
  /** The key values of one series and the line they were first read on. */
  record Keys(Map<String, String> values, long line) {}

  private final String idColumn;
  private final List<String> columns;
  private final Map<String, Keys> bySeries = new LinkedHashMap<>();
  private final StringBuilder current = new StringBuilder();
  private long line;
  private int idIndex = -1;
  private int[] keyIndex;

  /**
   * @param idColumn the series id column
   * @param columns the key columns, as the declaration names them (matched case-insensitively)
   */
  KeyColumns(Reader in, String idColumn, List<String> columns) {
    super(in);
    this.idColumn = idColumn;
    this.columns = List.copyOf(columns);
  }

  @Override
  public int read() throws IOException {
    int c = super.read();
    if (c < 0) {
      endOfInput();
    } else {
      take((char) c);
    }
    return c;
  }

  @Override
  public int read(char[] buf, int off, int len) throws IOException {
    int n = super.read(buf, off, len);
    if (n < 0) {
      endOfInput();
    }
    for (int i = off; i < off + Math.max(n, 0); i++) {
      take(buf[i]);
    }
    return n;
  }

  /** Each series' key values, in order of first appearance. */
  Map<String, Keys> bySeries() {
    return bySeries;
  }

  private void take(char c) {
    if (c == '\n') {
      endLine();
    } else {
      current.append(c);
    }
  }

  private void endOfInput() {
    if (!current.isEmpty()) {
      endLine();
    }
  }

  private void endLine() {
    line++;
    String text = current.toString();
    current.setLength(0);
    if (!text.isEmpty() && text.charAt(text.length() - 1) == '\r') {
      text = text.substring(0, text.length() - 1);
    }
    if (line == 1) {
      header(text);
      return;
    }
    if (text.isBlank()) {
      return;
    }
    List<String> fields = CsvRows.split(text, line);
    String id = field(fields, idIndex, idColumn);
    Map<String, String> values = new LinkedHashMap<>();
    for (int k = 0; k < columns.size(); k++) {
      values.put(columns.get(k), field(fields, keyIndex[k], columns.get(k)).strip());
    }
    Keys first = bySeries.putIfAbsent(id, new Keys(values, line));
    if (first != null && !first.values().equals(values)) {
      Map<String, Object> d = new LinkedHashMap<>();
      d.put("field", "hierarchy");
      d.put("sku", id);
      d.put("line", line);
      d.put("first_line", first.line());
      throw new InvalidUploadException(
          "line "
              + line
              + ": series "
              + id
              + " has keys "
              + values
              + " but "
              + first.values()
              + " on line "
              + first.line()
              + "; a series keeps one place in the hierarchy",
          d);
    }
  }

  private String field(List<String> fields, int index, String column) {
    if (index >= fields.size()) {
      throw new InvalidUploadException(
          "line " + line + ": no value in column " + column,
          Map.of("line", line, "column", column));
    }
    return fields.get(index);
  }

  private void header(String text) {
    if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
      text = text.substring(1);
    }
    List<String> names = CsvRows.split(text, 1);
    idIndex = index(names, idColumn);
    keyIndex = new int[columns.size()];
    for (int k = 0; k < columns.size(); k++) {
      keyIndex[k] = index(names, columns.get(k));
    }
  }

  private static int index(List<String> names, String wanted) {
    for (int i = 0; i < names.size(); i++) {
      if (names.get(i).strip().toLowerCase(Locale.ROOT).equals(wanted.toLowerCase(Locale.ROOT))) {
        return i;
      }
    }
    List<String> shown = new ArrayList<>(names);
    throw new InvalidUploadException(
        "missing column '" + wanted + "' of the hierarchy in the header " + shown,
        Map.of("line", 1, "column", wanted, "field", "hierarchy"));
  }
}
