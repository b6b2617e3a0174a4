package io.gridcast.forecast.series;

import java.util.Arrays;

/**
 * The rows of one series as read (stamp keys, y with NaN for an empty value, line numbers), in
 * primitive arrays that grow by doubling; turns them into a {@link Series}. Not thread-safe.
 */
final class SeriesAssembler {
  /** How many missing stamps a refusal names. */
  static final int NAMED_GAPS = 5;

  private final String id;
  private final long firstLine;
  private final StampShape shape = new StampShape();
  private long[] ds = new long[16];
  private double[] y = new double[16];
  private long[] lines = new long[16];
  private int size;
  private boolean sorted = true;
  private boolean checked;
  private Frequency inferred;

  SeriesAssembler(String id, long firstLine) {
    this.id = id;
    this.firstLine = firstLine;
  }

  String id() {
    return id;
  }

  byte kind() {
    return shape.kind();
  }

  /** Adds a row whose stamp {@code p} just parsed; false when its kind differs from the first's. */
  boolean add(StampParser p, long d, double v, long line) {
    if (!shape.add(p)) {
      return false;
    }
    if (size == ds.length) {
      int cap = size * 2;
      ds = Arrays.copyOf(ds, cap);
      y = Arrays.copyOf(y, cap);
      lines = Arrays.copyOf(lines, cap);
    }
    if (size > 0 && d < ds[size - 1]) {
      sorted = false;
    }
    ds[size] = d;
    y[size] = v;
    lines[size] = line;
    size++;
    return true;
  }

  /** Sorts by stamp (stable for equal stamps) and refuses duplicates, naming the later line. */
  private void sortAndCheck(ReadContext c) {
    if (checked) {
      return;
    }
    if (!sorted) {
      Integer[] order = new Integer[size];
      for (int i = 0; i < size; i++) {
        order[i] = i;
      }
      long[] d0 = ds;
      Arrays.sort(order, (a, b) -> Long.compare(d0[a], d0[b]));
      long[] nd = new long[size];
      double[] ny = new double[size];
      long[] nl = new long[size];
      for (int i = 0; i < size; i++) {
        nd[i] = ds[order[i]];
        ny[i] = y[order[i]];
        nl[i] = lines[order[i]];
      }
      ds = nd;
      y = ny;
      lines = nl;
      sorted = true;
    }
    for (int i = 1; i < size; i++) {
      if (ds[i] == ds[i - 1]) {
        long later = Math.max(lines[i], lines[i - 1]);
        long earlier = Math.min(lines[i], lines[i - 1]);
        String stamp = label(ds[i], c);
        throw new CsvFormatException(
            later,
            c.dsColumn(),
            "duplicate ds '" + stamp + "' in series '" + id + "' (also at line " + earlier + ")",
            id,
            stamp);
      }
    }
    checked = true;
  }

  /** The inferred calendar frequency of a series with two or more stamps; null otherwise. */
  Frequency inferFrequency(ReadContext c) {
    sortAndCheck(c);
    if (shape.kind() == StampParser.INDEX || size < 2) {
      return null;
    }
    inferred = settle(c, null);
    return inferred;
  }

  private Frequency settle(ReadContext c, Frequency common) {
    try {
      return FrequencyInference.settle(c.options().frequency(), shape.kind(), ds, size, common);
    } catch (FrequencyInference.StampProblem e) {
      String stamp = label(ds[e.index], c);
      throw new CsvFormatException(
          lines[e.index],
          c.dsColumn(),
          "series '" + id + "': " + e.getMessage().replace("{ds}", "'" + stamp + "'"),
          id,
          stamp);
    }
  }

  /**
   * The series, gaps handled as the options say.
   *
   * @param budget the values the input may still hold: a span past it is refused before the values
   *     are allocated
   */
  Series build(ReadContext c, Frequency common, long budget) {
    sortAndCheck(c);
    Frequency freq = inferred != null ? inferred : settle(c, common);
    long start = ds[0];
    long[] pos = new long[size];
    for (int i = 0; i < size; i++) {
      long p = shape.kind() == StampParser.INDEX ? ds[i] - start : freq.stepsBetween(start, ds[i]);
      if (p < 0) {
        String stamp = label(ds[i], c);
        throw new CsvFormatException(
            lines[i],
            c.dsColumn(),
            "series '"
                + id
                + "': ds '"
                + stamp
                + "' is not on the "
                + freq.name()
                + " grid ("
                + freq.describe()
                + ") starting at "
                + label(start, c),
            id,
            stamp);
      }
      if (p > c.maxLength()) {
        throw new CsvFormatException(
            lines[i],
            c.dsColumn(),
            "series '" + id + "' spans more than " + c.maxLength() + " periods, the limit",
            id,
            label(ds[i], c));
      }
      pos[i] = p;
    }
    long span = pos[size - 1] + 1;
    if (span > c.maxLength()) {
      throw new CsvFormatException(
          lines[size - 1],
          c.dsColumn(),
          "series '" + id + "' spans " + span + " periods, more than the limit " + c.maxLength(),
          id,
          label(ds[size - 1], c));
    }
    if (span > budget) {
      throw new TooManyValuesException(firstLine, c.dsColumn(), id, span, budget);
    }
    double[] values = new double[(int) span];
    Arrays.fill(values, Double.NaN);
    for (int i = 0; i < size; i++) {
      values[(int) pos[i]] = y[i];
    }

    int first = 0;
    while (first < values.length && Double.isNaN(values[first])) {
      first++;
    }
    if (first == values.length) {
      throw new CsvFormatException(
          firstLine, c.yColumn(), "series '" + id + "' has no observed y", id, null);
    }
    int last = values.length - 1;
    while (Double.isNaN(values[last])) {
      last--;
    }
    double[] kept = Arrays.copyOfRange(values, first, last + 1);
    if (c.options().fill() == Fill.NONE) {
      refuseGaps(kept, first, pos, freq, start, c);
    }
    int filled = MissingValues.fill(kept, c.options().fill());
    long axisStart = shape.kind() == StampParser.INDEX ? start + first : freq.plus(start, first);
    TimeAxis axis = shape.axis(axisStart, freq, c.pattern());
    Series s = Series.onAxis(id, kept, axis, filled, c.options().periodsFor(freq));
    ds = null;
    y = null;
    lines = null;
    return s;
  }

  /** Refuses a series with missing values, naming the first few missing stamps. */
  private void refuseGaps(
      double[] kept, int first, long[] pos, Frequency freq, long start, ReadContext c) {
    int missing = MissingValues.count(kept);
    if (missing == 0) {
      return;
    }
    StringBuilder named = new StringBuilder();
    String firstStamp = null;
    int shown = 0;
    int firstAt = -1;
    for (int t = 0; t < kept.length && shown < NAMED_GAPS; t++) {
      if (Double.isNaN(kept[t])) {
        long key =
            shape.kind() == StampParser.INDEX ? start + first + t : freq.plus(start, first + t);
        String stamp = label(key, c);
        if (firstStamp == null) {
          firstStamp = stamp;
          firstAt = t;
        }
        named.append(shown++ == 0 ? "" : ", ").append(stamp);
      }
    }
    // the row at or right after the first missing position: an empty y there, or the next stamp
    int row = 0;
    while (pos[row] < first + firstAt) {
      row++;
    }
    boolean emptyY = pos[row] == first + firstAt;
    throw new CsvFormatException(
        lines[row],
        emptyY ? c.yColumn() : c.dsColumn(),
        "series '"
            + id
            + "' misses "
            + missing
            + (missing == 1 ? " value" : " values")
            + " ("
            + (missing > shown ? "first: " : "")
            + named
            + "); set fill to zero, previous or linear to fill them",
        id,
        firstStamp);
  }

  private String label(long key, ReadContext c) {
    return shape.label(key, c.pattern());
  }
}
