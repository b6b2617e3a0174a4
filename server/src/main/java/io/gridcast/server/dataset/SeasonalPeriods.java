package io.gridcast.server.dataset;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.StringJoiner;

/**
 * A series' seasonal periods as stored: ascending, comma-separated, each the shortest decimal that
 * reads back as the same double ({@code 24,168}, {@code 7,365.25}); empty for none.
 */
final class SeasonalPeriods {
  private SeasonalPeriods() {}

  static String text(double[] periods) {
    StringJoiner j = new StringJoiner(",");
    for (double p : periods) {
      j.add(BigDecimal.valueOf(p).stripTrailingZeros().toPlainString());
    }
    return j.toString();
  }

  /**
   * The periods stored as {@code text}; an empty text with {@code period > 1} is a row written
   * before the periods were stored, whose one seasonal period is {@code period}.
   */
  static double[] parse(String text, int period) {
    if (text == null || text.isEmpty()) {
      return period > 1 ? new double[] {period} : new double[0];
    }
    return Arrays.stream(text.split(",")).mapToDouble(Double::parseDouble).toArray();
  }
}
