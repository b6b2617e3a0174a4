package io.gridcast.forecast.hierarchy;

import io.gridcast.forecast.ForecastException;
import java.util.List;

/**
 * Keys that contradict the declared nesting: a value of a nested column (a region) found under two
 * different values of its parent column (two states). The message names every conflict (the first
 * {@value #SHOWN} in full) with one series id on each side; {@link #conflicts()} has them all.
 */
public class NestingConflictException extends ForecastException {
  private static final long serialVersionUID = 1L;

  /** Conflicts written out in the message. */
  public static final int SHOWN = 10;

  /**
   * One contradiction: {@code column = value} under {@code parentColumn = firstParent} in series
   * {@code firstSeriesId} and under {@code parentColumn = secondParent} in series {@code
   * secondSeriesId}.
   */
  public record Conflict(
      String column,
      String value,
      String parentColumn,
      String firstParent,
      String firstSeriesId,
      String secondParent,
      String secondSeriesId) {
    @Override
    public String toString() {
      return column
          + "="
          + value
          + " is under "
          + parentColumn
          + "="
          + firstParent
          + " (series "
          + firstSeriesId
          + ") and under "
          + parentColumn
          + "="
          + secondParent
          + " (series "
          + secondSeriesId
          + ")";
    }
  }

  private final transient List<Conflict> conflicts;

  public NestingConflictException(String declaration, List<Conflict> conflicts) {
    super(message(declaration, conflicts));
    this.conflicts = List.copyOf(conflicts);
  }

  private static String message(String declaration, List<Conflict> conflicts) {
    StringBuilder b =
        new StringBuilder("keys contradict the nesting of '")
            .append(declaration)
            .append("' (")
            .append(conflicts.size())
            .append(conflicts.size() == 1 ? " conflict): " : " conflicts): ");
    for (int i = 0; i < Math.min(SHOWN, conflicts.size()); i++) {
      b.append(i == 0 ? "" : "; ").append(conflicts.get(i));
    }
    if (conflicts.size() > SHOWN) {
      b.append("; and ").append(conflicts.size() - SHOWN).append(" more");
    }
    return b.toString();
  }

  /** Every conflict found, in input order. */
  public List<Conflict> conflicts() {
    return conflicts;
  }
}
