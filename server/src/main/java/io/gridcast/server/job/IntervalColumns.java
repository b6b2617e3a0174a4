package io.gridcast.server.job;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import java.util.TreeSet;

/**
 * The names results give interval levels: {@code lo_80} and {@code hi_80} for 80%, {@code lo_97.5}
 * for 97.5% (the level in percent, its shortest decimal), as statsforecast names them; and the
 * stored text of a level list ({@code 80,95}). Stateless.
 */
public final class IntervalColumns {
  private IntervalColumns() {}

  /** {@code 80} for 80.0, {@code 97.5} for 97.5. */
  public static String name(double percent) {
    return BigDecimal.valueOf(percent).stripTrailingZeros().toPlainString();
  }

  /** {@code lo_L,hi_L} for each level, in the given order. */
  public static List<String> header(List<Double> levels) {
    List<String> out = new ArrayList<>(2 * levels.size());
    for (double l : levels) {
      out.add("lo_" + name(l));
      out.add("hi_" + name(l));
    }
    return out;
  }

  /** {@code 80,95}: the levels as stored with a result. */
  public static String text(List<Double> levels) {
    StringJoiner j = new StringJoiner(",");
    levels.forEach(l -> j.add(name(l)));
    return j.toString();
  }

  /** Every level of the stored texts ({@code 80,95} and {@code 50,80}: 50, 80, 95), ascending. */
  public static List<Double> union(List<String> texts) {
    TreeSet<Double> all = new TreeSet<>();
    for (String t : texts) {
      for (String part : t.split(",")) {
        if (!part.isBlank()) {
          all.add(Double.parseDouble(part));
        }
      }
    }
    return List.copyOf(all);
  }
}
