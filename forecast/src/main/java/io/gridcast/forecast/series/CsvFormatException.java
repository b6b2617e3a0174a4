package io.gridcast.forecast.series;

import io.gridcast.forecast.ForecastException;

/**
 * A CSV input that cannot be read, with the 1-based line number (0 when the problem concerns the
 * whole input), the column and the problem: {@code "line 17, column y: bad number 'abc'"}.
 */
public class CsvFormatException extends ForecastException {
  private static final long serialVersionUID = 1L;

  private final long line;
  private final String column;
  private final String problem;

  public CsvFormatException(long line, String column, String problem) {
    super((line > 0 ? "line " + line + ", " : "") + "column " + column + ": " + problem);
    this.line = line;
    this.column = column;
    this.problem = problem;
  }

  /** The 1-based line number, header included; 0 when no single line is at fault. */
  public long line() {
    return line;
  }

  /** The column name as configured (e.g. {@code y}). */
  public String column() {
    return column;
  }

  /** The problem without line and column. */
  public String problem() {
    return problem;
  }
}
