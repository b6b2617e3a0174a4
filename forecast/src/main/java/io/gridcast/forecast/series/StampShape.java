package io.gridcast.forecast.series;

/**
 * The kind and shape of one series' stamps as they were read: the kind of the first stamp, the
 * separator of the first date-time, and the finest precision seen (seconds, fraction digits), so
 * labels are as precise as the most precise input. Not thread-safe.
 */
final class StampShape {
  private byte kind;
  private char separator = 'T';
  private boolean seconds;
  private int fraction;

  /** Adds the shape of the parser's last stamp; false when its kind differs from the first's. */
  boolean add(StampParser p) {
    if (kind == 0) {
      kind = p.kind;
      separator = p.separator == 0 ? 'T' : p.separator;
    } else if (kind != p.kind) {
      return false;
    }
    if (kind == StampParser.LOCAL || kind == StampParser.UTC) {
      seconds |= p.seconds;
      fraction = Math.max(fraction, p.fractionDigits);
    }
    return true;
  }

  byte kind() {
    return kind;
  }

  /** What a kind is called in messages. */
  static String describe(byte kind) {
    return switch (kind) {
      case StampParser.INDEX -> "an integer";
      case StampParser.DATE -> "a date";
      case StampParser.LOCAL -> "a date-time without offset";
      case StampParser.UTC -> "a date-time with Z or an offset";
      default -> "unknown";
    };
  }

  StampFormat format(String pattern) {
    return switch (kind) {
      case StampParser.DATE ->
          pattern == null ? StampFormat.ISO_DATE : new StampFormat.Pattern(pattern, false);
      case StampParser.LOCAL ->
          pattern == null
              ? new StampFormat.IsoDateTime(separator, seconds || fraction > 0, fraction, false)
              : new StampFormat.Pattern(pattern, true);
      case StampParser.UTC ->
          new StampFormat.IsoDateTime(separator, seconds || fraction > 0, fraction, true);
      default -> throw new IllegalStateException("no calendar stamps");
    };
  }

  /** The axis that starts at {@code start} with {@code f}. */
  TimeAxis axis(long start, Frequency f, String pattern) {
    return switch (kind) {
      case StampParser.INDEX -> new TimeAxis.Index(start, f);
      case StampParser.DATE -> new TimeAxis.Dates(StampMath.date(start), f, format(pattern));
      default -> new TimeAxis.DateTimes(StampMath.dateTime(start), f, format(pattern));
    };
  }

  /** The label of {@code key}, as the axis would write it. */
  String label(long key, String pattern) {
    return kind == StampParser.INDEX
        ? Long.toString(key)
        : format(pattern).format(StampMath.dateTime(key));
  }
}
