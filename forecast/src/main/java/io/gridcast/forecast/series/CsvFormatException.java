package io.gridcast.forecast.series;

import io.gridcast.forecast.ForecastException;
import java.util.Optional;

/**
 * A CSV input that cannot be read, with the 1-based line number (0 when the problem concerns the
 * whole input), the column and the problem: {@code "line 17, column y: bad number 'abc'"}; and,
 * when the problem belongs to one series, its id and the stamp at fault (a duplicate, the first
 * missing stamp, a stamp off the grid).
 */
public class CsvFormatException extends ForecastException {
  private static final long serialVersionUID = 1L;

  private final long line;
  private final String column;
  private final String problem;
  private final String seriesId;
  private final String stamp;

  public CsvFormatException(long line, String column, String problem) {
    this(line, column, problem, null, null);
  }

  /** A problem of series {@code seriesId} at {@code stamp} (either may be null). */
  public CsvFormatException(
      long line, String column, String problem, String seriesId, String stamp) {
    super((line > 0 ? "line " + line + ", " : "") + "column " + column + ": " + problem);
    this.line = line;
    this.column = column;
    this.problem = problem;
    this.seriesId = seriesId;
    this.stamp = stamp;
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

  /** The series (SKU) at fault, when the problem is one series'. */
  public Optional<String> seriesId() {
    return Optional.ofNullable(seriesId);
  }

  /** The {@code ds} at fault as the series writes it, when one is. */
  public Optional<String> stamp() {
    return Optional.ofNullable(stamp);
  }
}
