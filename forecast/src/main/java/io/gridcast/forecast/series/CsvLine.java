package io.gridcast.forecast.series;

import java.util.ArrayList;
import java.util.List;

/** Splits one CSV line: commas, optional double quotes ({@code ""} escapes a quote), trimmed. */
final class CsvLine {
  private CsvLine() {}

  /** Splits the whole line. */
  static List<String> split(String line, long lineNo, String column) {
    List<String> out = new ArrayList<>();
    int pos = 0;
    while (true) {
      int end = fieldEnd(line, pos, lineNo, column);
      out.add(unquote(line, pos, end));
      if (end >= line.length()) {
        return out;
      }
      pos = end + 1;
    }
  }

  /** Fills the first {@code wanted} fields into {@code out}; returns how many were found. */
  static int fields(String line, long lineNo, int wanted, String[] out) {
    int pos = 0;
    int n = 0;
    while (n < wanted) {
      int end = fieldEnd(line, pos, lineNo, "line");
      out[n++] = unquote(line, pos, end);
      if (end >= line.length()) {
        break;
      }
      pos = end + 1;
    }
    return n;
  }

  private static int fieldEnd(String line, int pos, long lineNo, String column) {
    int i = pos;
    while (i < line.length() && line.charAt(i) == ' ') {
      i++;
    }
    if (i < line.length() && line.charAt(i) == '"') {
      i++;
      while (true) {
        if (i >= line.length()) {
          throw new CsvFormatException(lineNo, column, "unterminated quote");
        }
        if (line.charAt(i) == '"') {
          if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
            i += 2;
            continue;
          }
          i++;
          break;
        }
        i++;
      }
    }
    int comma = line.indexOf(',', i);
    return comma < 0 ? line.length() : comma;
  }

  private static String unquote(String line, int start, int end) {
    String f = line.substring(start, end).trim();
    if (f.length() >= 2 && f.charAt(0) == '"' && f.charAt(f.length() - 1) == '"') {
      return f.substring(1, f.length() - 1).replace("\"\"", "\"");
    }
    return f;
  }
}
