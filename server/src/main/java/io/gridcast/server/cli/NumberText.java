package io.gridcast.server.cli;

/** Plain decimal text for CSV output: at most 4 decimals, no exponent, trailing zeros dropped. */
final class NumberText {
  private NumberText() {}

  static void append(StringBuilder b, double v) {
    if (!(Math.abs(v) < 9e14)) {
      b.append(v); // huge values (or non-finite ones, which the optimizer never returns)
      return;
    }
    long scaled = Math.round(v * 1e4);
    if (scaled < 0) {
      b.append('-');
      scaled = -scaled;
    }
    b.append(scaled / 10_000);
    int frac = (int) (scaled % 10_000);
    if (frac != 0) {
      b.append('.');
      int div = 1000;
      while (frac != 0) {
        b.append((char) ('0' + frac / div));
        frac %= div;
        div /= 10;
      }
    }
  }
}
